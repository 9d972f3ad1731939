/**
 * How a sheet is laid out on screen and on paper: column widths from the widest
 * formatted value, the header block's wrapped text, and the print setup (landscape when
 * the table is wider than a portrait page, one page wide, the table header repeated on
 * every page, a footer with the sheet name and page number).
 */
import type * as ExcelJS from 'exceljs';
import type { ColumnDefinition } from '../contract/views';
import { boldWidth, cellValue, columnWidth, numberFormat, shownText, textWidth, type CellValue } from './cells';
import type { HeaderLine } from './headerBlock';
import type { SheetRow, SheetSpec } from './types';

/** Reserved for the sum of rows not yet read (the widest count of 999,999,999,999). */
const UNREAD_COUNT: CellValue = 999_999_999_999;
/** Header block values (B onwards) need this much room at least, e.g. for `yyyy-mm-dd hh:mm:ss`. */
const HEADER_VALUE_PADDING = 2;

export interface ColumnSizing {
  columns: readonly ColumnDefinition[];
  formats: ReadonlyArray<string | undefined>;
  /** The first rows of the table (all of them when `complete`). */
  head: readonly SheetRow[];
  complete: boolean;
  /** Totals row values, when known before the table is written. */
  totals?: readonly CellValue[];
  lines: readonly HeaderLine[];
}

/** The values a column shows in the rows read ahead, the totals and, for the sending limit, the months block. */
function columnValues(sizing: ColumnSizing, index: number): CellValue[] {
  const column = sizing.columns[index];
  const values = sizing.head.map((row) => cellValue(column.unit, row[column.key]));
  if (sizing.totals) {
    values.push(sizing.totals[index]);
  }
  if (!sizing.complete && column.unit === 'count') {
    values.push(UNREAD_COUNT);
  }
  return values;
}

function summaryWidth(sheet: SheetSpec, index: number): number {
  if (sheet.view.shape !== 'limit') {
    return 0;
  }
  const column = sheet.view.monthColumns[index];
  if (!column) {
    return 0;
  }
  const values = (sheet.months ?? []).map((month) => cellValue(column.unit, month[column.key]));
  return columnWidth(column, numberFormat(column.unit), values);
}

/** Header block values that must show whole on one line: numbers and dates (text wraps). */
function unwrappedWidth(lines: readonly HeaderLine[]): number {
  let widest = 0;
  for (const line of lines) {
    if (typeof line.value === 'number' || line.value instanceof Date) {
      widest = Math.max(widest, textWidth(shownText(line.value, line.numFmt)) + HEADER_VALUE_PADDING);
    }
  }
  return widest;
}

/**
 * Widths (Excel characters) of the sheet's columns. Every table value, total and
 * months-block value fits as formatted (no ###); column A also fits the header block's
 * labels; columns B onwards together fit the header block's numbers and dates.
 */
export function columnWidths(sheet: SheetSpec, sizing: ColumnSizing): number[] {
  const widths = sizing.columns.map((column, index) =>
    Math.max(columnWidth(column, sizing.formats[index], columnValues(sizing, index)), summaryWidth(sheet, index))
  );
  widths[0] = Math.max(widths[0], ...sizing.lines.map((line) => boldWidth(line.label) + HEADER_VALUE_PADDING));
  const valuesWidth = widths.slice(1).reduce((sum, width) => sum + width, 0);
  const needed = unwrappedWidth(sizing.lines);
  if (widths.length > 1 && valuesWidth < needed) {
    widths[1] += needed - valuesWidth;
  }
  return widths;
}

/** Lines a text takes wrapped at its spaces into `width` characters (a cell's own padding aside). */
export function wrappedLines(text: string, width: number, measure: (text: string) => number = textWidth): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const wordWidth = measure(word);
      if (used > 0 && used + 1 + wordWidth > room) {
        lines++;
        used = 0;
      }
      // A word longer than the line is broken over as many lines as it needs.
      lines += Math.max(0, Math.ceil(wordWidth / room) - 1);
      used = (used > 0 ? used + 1 : 0) + (wordWidth > room ? wordWidth % room : wordWidth);
    }
  }
  return lines;
}

// A4 with half-inch side margins; Excel draws a column of width w characters 7w + 5 pixels wide at 96 dpi.
const A4 = 9;
const SIDE_MARGIN_INCHES = 0.5;
const PORTRAIT_PRINTABLE_PIXELS = (8.27 - 2 * SIDE_MARGIN_INCHES) * 96;
const columnPixels = (width: number) => Math.round(width * 7 + 5);

export function isWiderThanPortrait(widths: readonly number[]): boolean {
  return widths.reduce((sum, width) => sum + columnPixels(width), 0) > PORTRAIT_PRINTABLE_PIXELS;
}

/** `&A` the sheet's name, `&P` the page, `&N` the pages. */
export const FOOTER = '&L&A&RPage &P of &N';

/**
 * Print setup: one page wide however long (fitToHeight 0: as many pages as it takes),
 * landscape when the table is wider than a portrait page, the table's header row
 * repeated on every page. The header block sits above it, so it prints on the first page.
 */
export function pageSetup(widths: readonly number[], tableHeaderRow: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: A4,
    orientation: isWiderThanPortrait(widths) ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${tableHeaderRow}:${tableHeaderRow}`,
    margins: { left: SIDE_MARGIN_INCHES, right: SIDE_MARGIN_INCHES, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
}
