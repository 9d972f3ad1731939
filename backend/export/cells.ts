/**
 * How each unit of a view's columns becomes a typed Excel cell: counts and rates as
 * numbers with a number format, bucket starts and days as real dates, labels as text.
 * A missing or null value (a rate whose denominator is 0) is an empty cell.
 */
import type { ColumnDefinition, ValueUnit } from '../domain/views';
import { wallClockDate } from './wallClock';

export type CellValue = number | string | Date | null;

export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.00%';
export const DAY_FORMAT = 'yyyy-mm-dd';
export const MINUTE_FORMAT = 'yyyy-mm-dd hh:mm';
export const MONTH_FORMAT = 'yyyy-mm';

/** Bucket starts show as much as the interval needs. */
const TIME_FORMATS: Readonly<Record<string, string>> = {
  '1h': MINUTE_FORMAT,
  '1d': DAY_FORMAT,
  '1w': DAY_FORMAT,
  '1M': MONTH_FORMAT,
};

export function numberFormat(unit: ValueUnit, interval?: string): string | undefined {
  switch (unit) {
    case 'count':
      return COUNT_FORMAT;
    case 'percent':
      return PERCENT_FORMAT;
    case 'time':
      return (interval && TIME_FORMATS[interval]) || MINUTE_FORMAT;
    case 'date':
      return DAY_FORMAT;
    case 'month':
      return MONTH_FORMAT;
    case 'text':
      return undefined;
  }
}

export function cellValue(unit: ValueUnit, value: unknown): CellValue {
  if (value === null || value === undefined) {
    return null;
  }
  switch (unit) {
    case 'count':
    case 'percent':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`expected a number, got ${JSON.stringify(value)}`);
      }
      return value;
    case 'time':
    case 'date':
    case 'month':
      return value instanceof Date ? value : wallClockDate(String(value));
    case 'text':
      return String(value);
  }
}

/** Characters a count (up to 1,000,000,000) and a percent (100.00%) need. */
const VALUE_WIDTHS: Partial<Record<ValueUnit, number>> = { count: 13, percent: 7 };

/** Excel's column width (in characters) that shows a column's label and its values. */
export function columnWidth(column: ColumnDefinition, format: string | undefined, longestText = 0): number {
  const valueWidth =
    column.unit === 'text' ? Math.min(longestText, 60) : (VALUE_WIDTHS[column.unit] ?? format?.length ?? 0);
  // The label needs room for the autofilter button beside it.
  return Math.max(column.label.length + 4, valueWidth + 2, 10);
}
