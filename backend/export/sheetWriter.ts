/**
 * Writes one sheet into a streaming workbook. Layout, top to bottom:
 *   row 1            the view's title
 *   rows 2..         the header block (headerBlock.ts): label in A, value in B merged
 *                    across the table's width and wrapped, one filter value per row
 *   one empty row
 *   the table header the view's column labels, aligned like their values; frozen (it
 *                    and everything above stay in view, as does column A) unless the
 *                    header block is long; the top of the autofilter; repeated on
 *                    every printed page
 *   the table        one row per answer row, typed cells; the autofilter covers it
 *   one empty row    (so sorting or filtering the table never takes the summary along)
 *   the summary      time and distribution views: the totals row (totals.ts).
 *                    Sending limit: its table is the days of all months with a Month
 *                    column first; the summary is the months block, a header row of the
 *                    view's monthColumns and one row per month (used, remaining, share,
 *                    projection): the months' totals, as the totals row is for other views.
 */
import type * as ExcelJS from 'exceljs';
import type { ColumnDefinition } from '../contract/views';
import { boldWidth, cellValue, FILTER_BUTTON, numberFormat, type CellValue } from './cells';
import { headerLines, type HeaderLine } from './headerBlock';
import { columnWidths, FOOTER, pageSetup, wrappedLines } from './layout';
import { readAhead } from './readAhead';
import { worksheetBacklog, type ResponseFlow } from './responseFlow';
import { CountSums, totalsRow } from './totals';
import type { SheetSpec } from './types';

/** Rows read ahead to size the columns. */
const SIZING_ROWS = 1000;
/** Rows written between two checks of back-pressure. */
const ROWS_PER_CHECK = 128;
/** Above this many rows a frozen header block would fill the screen: then only column A is frozen. */
const MAX_FROZEN_ROWS = 25;
/** Excel's default row height, in points: a wrapped header value gets one per line. */
const LINE_HEIGHT = 15;

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const BOLD: Partial<ExcelJS.Font> = { bold: true };
const ITALIC: Partial<ExcelJS.Font> = { italic: true };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const RULE: Partial<ExcelJS.Borders> = { bottom: { style: 'thin' } };
const TOTAL_RULE: Partial<ExcelJS.Borders> = { top: { style: 'thin' } };
const HEADER_VALUE_ALIGNMENT: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'top', wrapText: true };

/** The table's columns: a view's columns; for the sending limit, its days with the month first. */
export function tableColumns({ view }: SheetSpec): readonly ColumnDefinition[] {
  return view.shape === 'limit' ? [view.monthColumns[0], ...view.columns] : view.columns;
}

/** Text to the left, numbers and dates to the right: a label stands over its values. */
export const labelAlignment = (column: ColumnDefinition): Partial<ExcelJS.Alignment> => ({
  horizontal: column.unit === 'text' ? 'left' : 'right',
});

/** Column labels, bold, wrapped at their spaces within the width left by the filter button. */
function addHeaderRow(ws: ExcelJS.Worksheet, columns: readonly ColumnDefinition[], widths: readonly number[]): void {
  const row = ws.addRow(columns.map((column) => column.label));
  row.font = BOLD;
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.fill = HEADER_FILL;
    cell.border = RULE;
    cell.alignment = { ...labelAlignment(column), vertical: 'bottom', wrapText: true };
  });
  const lines = Math.max(
    ...columns.map((column, index) => wrappedLines(column.label, widths[index] - FILTER_BUTTON + 1, boldWidth))
  );
  if (lines > 1) {
    row.height = lines * LINE_HEIGHT;
  }
}

function addTypedRow(
  ws: ExcelJS.Worksheet,
  columns: readonly ColumnDefinition[],
  values: CellValue[],
  interval?: string
) {
  const row = ws.addRow(values);
  values.forEach((value, index) => {
    const format = numberFormat(columns[index].unit, interval);
    if (value !== null && format) {
      row.getCell(index + 1).numFmt = format;
    }
  });
  return row;
}

const valueText = (value: HeaderLine['value']): string =>
  typeof value === 'string' ? value : value !== null && typeof value === 'object' && 'text' in value ? value.text : '';

/** Title and header block; values span columns B to the last, wrapped, each row as tall as its lines. */
function writeHeaderBlock(ws: ExcelJS.Worksheet, title: string, lines: readonly HeaderLine[], widths: number[]): void {
  const last = widths.length;
  const titleRow = ws.addRow([title]);
  titleRow.font = TITLE_FONT;
  ws.mergeCells(titleRow.number, 1, titleRow.number, last);
  const valueWidth = widths.slice(1).reduce((sum, width) => sum + width, 0);
  for (const line of lines) {
    const row = ws.addRow([line.label, line.value]);
    row.getCell(1).font = BOLD;
    row.getCell(1).alignment = { vertical: 'top' };
    const value = row.getCell(2);
    value.alignment = HEADER_VALUE_ALIGNMENT;
    if (line.numFmt) {
      value.numFmt = line.numFmt;
    }
    if (line.italic) {
      value.font = ITALIC;
    }
    if (typeof line.value === 'object' && line.value !== null && 'hyperlink' in line.value) {
      value.font = LINK_FONT;
    }
    ws.mergeCells(row.number, 2, row.number, last);
    const rowLines = Math.max(wrappedLines(valueText(line.value), valueWidth), wrappedLines(line.label, widths[0]));
    if (rowLines > 1) {
      row.height = rowLines * LINE_HEIGHT;
    }
  }
  ws.addRow([]);
}

/** Below the table: the totals row, or for the sending limit the months block. */
function writeSummary(
  ws: ExcelJS.Worksheet,
  sheet: SheetSpec,
  columns: readonly ColumnDefinition[],
  widths: readonly number[],
  sums: CountSums
) {
  ws.addRow([]);
  if (sheet.view.shape === 'limit') {
    const monthColumns = sheet.view.monthColumns;
    addHeaderRow(ws, monthColumns, widths);
    for (const month of sheet.months ?? []) {
      const values = monthColumns.map((column) => cellValue(column.unit, month[column.key]));
      addTypedRow(ws, monthColumns, values);
    }
    return;
  }
  const totals = addTypedRow(ws, columns, totalsRow(columns, sheet.totals, sums), sheet.context.interval);
  totals.font = BOLD;
  totals.eachCell({ includeEmpty: true }, (cell) => (cell.border = TOTAL_RULE));
}

/** Writes the sheet; false when the export stopped (client gone, aborted) before it was complete. */
export async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  sheet: SheetSpec,
  generatedAt: Date,
  flow: ResponseFlow
): Promise<boolean> {
  const { view, context } = sheet;
  const columns = tableColumns(sheet);
  const lines = headerLines(sheet, generatedAt);
  const headerRowNumber = lines.length + 3;
  const { head, rows } = await readAhead(sheet.rows, SIZING_ROWS);
  const complete = head.length < SIZING_ROWS;
  const formats = columns.map((column) => numberFormat(column.unit, context.interval));
  const headSums = new CountSums(countKeys(columns));
  head.forEach((row) => headSums.add(row));
  const widths = columnWidths(sheet, {
    columns,
    formats,
    head,
    complete,
    // Sums of the rows read ahead are the final ones when there are no more.
    totals: view.shape === 'limit' ? undefined : totalsRow(columns, sheet.totals, headSums),
    lines,
  });

  const frozenRows = headerRowNumber <= MAX_FROZEN_ROWS ? headerRowNumber : 0;
  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: frozenRows, activeCell: `B${headerRowNumber + 1}` }],
    pageSetup: pageSetup(widths, headerRowNumber),
    headerFooter: { oddFooter: FOOTER },
  });
  // One style object per column: exceljs registers a style once per object, not once per cell.
  const styles: Array<Partial<ExcelJS.Style>> = formats.map((format) => (format ? { numFmt: format } : {}));
  ws.columns = widths.map((width, index) => ({ width, style: styles[index] }));
  const backlog = worksheetBacklog(ws);

  writeHeaderBlock(ws, view.title, lines, widths);
  addHeaderRow(ws, columns, widths);
  const sums = new CountSums(countKeys(columns));
  let written = 0;
  for await (const row of rows) {
    const added = ws.addRow(columns.map((column) => cellValue(column.unit, row[column.key])));
    styles.forEach((style, index) => (added.getCell(index + 1).style = style));
    added.commit();
    sums.add(row);
    if (++written % ROWS_PER_CHECK === 0 && !(await flow.room(backlog))) {
      return false; // leaving the loop closes the row source
    }
  }
  ws.autoFilter = {
    from: { row: headerRowNumber, column: 1 },
    to: { row: headerRowNumber + written, column: columns.length },
  };
  writeSummary(ws, sheet, columns, widths, sums);
  ws.commit();
  return !flow.isStopped;
}

const countKeys = (columns: readonly ColumnDefinition[]) =>
  columns.filter((column) => column.unit === 'count').map((column) => column.key);
