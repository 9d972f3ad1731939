/**
 * The lines above a sheet's table that say what it shows: account, range, zone,
 * interval, filters, top/months and limits where the view has them, and when the
 * file was made. Each line is a label and one typed value.
 */
import { FILTER_LABELS, INTERVAL_LABELS, type Interval } from '../domain/views';
import { COUNT_FORMAT, type CellValue } from './cells';
import { monthRangeLabel } from './fileName';
import type { SheetSpec } from './types';
import { wallClockAt, wallClockDate, wallClockText } from './wallClock';

export const SECOND_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export interface HeaderLine {
  label: string;
  value: CellValue | { text: string; hyperlink: string };
  numFmt?: string;
}

/** Filter values joined like a CSV line, so names holding commas or quotes stay readable and unambiguous. */
export function joinValues(values: readonly string[] | undefined): string {
  if (!values || values.length === 0) {
    return 'all';
  }
  return values.map((value) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(', ');
}

const limitLine = (label: string, limit: number | null | undefined): HeaderLine =>
  limit === null || limit === undefined ? { label, value: 'not set' } : { label, value: limit, numFmt: COUNT_FORMAT };

export function headerLines({ view, context, limit }: SheetSpec, generatedAt: Date): HeaderLine[] {
  const lines: HeaderLine[] = [{ label: 'Account', value: context.account }];
  if (context.from && context.to) {
    const range = `${wallClockText(wallClockDate(context.from))} – ${wallClockText(wallClockDate(context.to))}`;
    lines.push({ label: 'Range', value: `${range} (end excluded)` });
  }
  lines.push({ label: 'Time zone', value: context.tz });
  // Only a table of time buckets shows the interval.
  if (context.interval && view.shape === 'time') {
    lines.push({ label: 'Interval', value: INTERVAL_LABELS[context.interval as Interval] ?? context.interval });
  }
  for (const key of view.filters) {
    lines.push({ label: FILTER_LABELS[key], value: joinValues(context.filters[key]) });
  }
  if (view.id === 'domains' && context.top !== undefined) {
    lines.push({ label: 'Top domains', value: context.top, numFmt: COUNT_FORMAT });
  }
  if (view.shape === 'limit') {
    if (context.month) {
      lines.push({ label: 'Months', value: monthRangeLabel(context.month, context.months) });
    }
    lines.push(limitLine('Monthly limit', limit?.monthly), limitLine('Daily limit', limit?.daily));
    if (limit?.changeRequestUrl) {
      lines.push({
        label: 'Limit change',
        value: { text: 'Request a limit change', hyperlink: limit.changeRequestUrl },
      });
    }
  }
  lines.push({ label: 'Generated at', value: wallClockAt(generatedAt, context.tz), numFmt: SECOND_FORMAT });
  return lines;
}
