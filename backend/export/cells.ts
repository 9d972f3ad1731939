/**
 * How each unit of a view's columns becomes a typed Excel cell: counts and rates as
 * numbers with a number format, bucket starts and days as real dates, labels as text.
 * A missing or null value (a rate whose denominator is 0) is an empty cell.
 */
import type { ColumnDefinition, ValueUnit } from '../contract/views';
import { wallClockDate } from '../contract/wallClock';

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

// East Asian wide and fullwidth characters (Hangul, CJK, kana, fullwidth forms, emoji) take two columns.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** Columns a text needs in a fixed-width reckoning: its longest line, wide characters counted twice. */
export function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    let width = 0;
    for (const char of line) {
      width += WIDE.test(char) ? 2 : 1;
    }
    widest = Math.max(widest, width);
  }
  return widest;
}

const COUNT_TEXT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The text a cell shows with its number format, as wide as Excel shows it. */
export function shownText(value: CellValue, format: string | undefined): string {
  if (value === null) {
    return '';
  }
  if (value instanceof Date) {
    // A date format shows exactly as many characters as it has (yyyy-mm-dd hh:mm: 16).
    return format ?? value.toISOString();
  }
  if (typeof value === 'number') {
    if (format === PERCENT_FORMAT) {
      return `${(value * 100).toFixed(2)}%`;
    }
    return format === COUNT_FORMAT ? COUNT_TEXT.format(value) : String(value);
  }
  return value;
}

/** Width a bold text takes: about a tenth more than plain text. */
export const boldWidth = (text: string): number => Math.ceil(textWidth(text) * 1.1);

/** Widest text column before it is cut off; the header block wraps instead. */
export const MAX_TEXT_WIDTH = 60;
/** Room around a value in its cell, and beside a label for the autofilter button. */
const CELL_PADDING = 2;
export const FILTER_BUTTON = 3;
const MIN_WIDTH = 8;

/**
 * Excel's column width (in characters) that shows a column's label (bold, wrapped at
 * its spaces, with its filter button) and every one of its values as formatted: no number or date ever
 * shows as ###. Text is capped at MAX_TEXT_WIDTH; numbers and dates never are.
 */
export function columnWidth(column: ColumnDefinition, format: string | undefined, values: Iterable<CellValue>): number {
  let widest = 0;
  for (const value of values) {
    widest = Math.max(widest, textWidth(shownText(value, format)));
  }
  const valueWidth = column.unit === 'text' ? Math.min(widest, MAX_TEXT_WIDTH) : widest;
  // The label wraps at its spaces (the header row grows), so its longest word must fit; bold is a tenth wider.
  const labelWidth = Math.max(...column.label.split(' ').map((word) => boldWidth(word))) + FILTER_BUTTON;
  return Math.max(labelWidth, valueWidth + CELL_PADDING, MIN_WIDTH);
}
