/**
 * The lines above a sheet's table that say what it shows: account, range, zone,
 * interval, filters, top/months and limits where the view has them, and when the
 * file was made. Each line is a label and one typed value.
 */
import { takesTop, TOP } from '../contract/params';
import { FILTER_LABELS, INTERVAL_LABELS, type Interval } from '../contract/views';
import { COUNT_FORMAT, type CellValue } from './cells';
import { monthRangeLabel } from '../contract/fileName';
import type { SheetSpec } from './types';
import { wallClockAt, wallClockDate, wallClockText } from '../contract/wallClock';

export const SECOND_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export interface HeaderLine {
  label: string;
  value: CellValue | { text: string; hyperlink: string };
  numFmt?: string;
  italic?: boolean;
}

/** Shown for a filter that is not set; in italics, so that it never reads as a name. */
export const NO_FILTER = 'all';

/**
 * A filter's lines: one value per line, each exactly as given (no quoting or escaping,
 * so names with commas, quotes, `=` or newlines read as they are); the label on the first.
 */
export function filterLines(label: string, values: readonly string[] | undefined): HeaderLine[] {
  if (!values || values.length === 0) {
    return [{ label, value: NO_FILTER, italic: true }];
  }
  return values.map((value, index) => ({ label: index === 0 ? label : '', value }));
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
  if (context.since) {
    // docs/subscriptions.md: the views show the latest subscription period only.
    const end = context.until ? `, ended ${wallClockText(wallClockDate(context.until))}` : '';
    lines.push({
      label: 'Subscription',
      value: `statistics since ${wallClockText(wallClockDate(context.since))}${end}`,
    });
  }
  // Only a table of time buckets shows the interval.
  if (context.interval && view.shape === 'time') {
    lines.push({ label: 'Interval', value: INTERVAL_LABELS[context.interval as Interval] ?? context.interval });
  }
  for (const key of view.filters) {
    lines.push(...filterLines(FILTER_LABELS[key], context.filters[key]));
  }
  if (takesTop(view) && context.top !== undefined) {
    lines.push(
      Number.isFinite(context.top)
        ? { label: 'Top domains', value: context.top, numFmt: COUNT_FORMAT }
        : { label: 'Top domains', value: TOP.all }
    );
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
