/**
 * Writes one sheet into a streaming workbook. Layout, top to bottom:
 *   row 1            the view's title
 *   rows 2..         the header block (headerBlock.ts): label in A, value in B
 *   one empty row
 *   the table header the view's column labels; frozen (it and everything above stay in
 *                    view, as does column A) and the top of the autofilter
 *   the table        one row per answer row, typed cells; the autofilter covers it
 *   one empty row    (so sorting or filtering the table never takes the summary along)
 *   the summary      time and distribution views: the totals row (totals.ts).
 *                    Sending limit: its table is the days of all months with a Month
 *                    column first; the summary is the months block, a header row of the
 *                    view's monthColumns and one row per month (used, remaining, share,
 *                    projection): the months' totals, as the totals row is for other views.
 */
import type * as ExcelJS from 'exceljs';
import type { ColumnDefinition } from '../domain/views';
import { cellValue, columnWidth, numberFormat, type CellValue } from './cells';
import { headerLines, type HeaderLine } from './headerBlock';
import { readAhead } from './readAhead';
import { worksheetBacklog, type ResponseFlow } from './responseFlow';
import { CountSums, totalsRow } from './totals';
import type { SheetRow, SheetSpec } from './types';

/** Rows read ahead to size text columns. */
const SIZING_ROWS = 1000;
/** Rows written between two checks of back-pressure. */
const ROWS_PER_CHECK = 128;

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const BOLD: Partial<ExcelJS.Font> = { bold: true };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const RULE: Partial<ExcelJS.Borders> = { bottom: { style: 'thin' } };
const TOTAL_RULE: Partial<ExcelJS.Borders> = { top: { style: 'thin' } };

/** The table's columns: a view's columns; for the sending limit, its days with the month first. */
export function tableColumns({ view }: SheetSpec): readonly ColumnDefinition[] {
  return view.shape === 'limit' ? [view.monthColumns[0], ...view.columns] : view.columns;
}

function longestTexts(columns: readonly ColumnDefinition[], rows: readonly SheetRow[]): number[] {
  return columns.map((column) =>
    column.unit === 'text' ? Math.max(0, ...rows.map((row) => String(row[column.key] ?? '').length)) : 0
  );
}

function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = BOLD;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = RULE;
  });
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

function writeHeaderBlock(ws: ExcelJS.Worksheet, title: string, lines: readonly HeaderLine[]): void {
  ws.addRow([title]).font = TITLE_FONT;
  for (const line of lines) {
    const row = ws.addRow([line.label, line.value]);
    row.getCell(1).font = BOLD;
    const value = row.getCell(2);
    value.alignment = { horizontal: 'left' };
    if (line.numFmt) {
      value.numFmt = line.numFmt;
    }
    if (typeof line.value === 'object' && line.value !== null && 'hyperlink' in line.value) {
      value.font = LINK_FONT;
    }
  }
  ws.addRow([]);
}

/** Below the table: the totals row, or for the sending limit the months block. */
function writeSummary(ws: ExcelJS.Worksheet, sheet: SheetSpec, columns: readonly ColumnDefinition[], sums: CountSums) {
  ws.addRow([]);
  if (sheet.view.shape === 'limit') {
    const monthColumns = sheet.view.monthColumns;
    styleHeaderRow(ws.addRow(monthColumns.map((column) => column.label)));
    for (const month of sheet.months ?? []) {
      const values = monthColumns.map((column) => cellValue(column.unit, month[column.key as keyof typeof month]));
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
  const summaryColumns = view.shape === 'limit' ? view.monthColumns : [];
  const lines = headerLines(sheet, generatedAt);
  const headerRowNumber = lines.length + 3;
  const { head, rows } = await readAhead(sheet.rows, SIZING_ROWS);

  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: headerRowNumber, activeCell: `B${headerRowNumber + 1}` }],
  });
  const longest = longestTexts(columns, head);
  const formats = columns.map((column) => numberFormat(column.unit, context.interval));
  // One style object per column: exceljs registers a style once per object, not once per cell.
  const styles: Array<Partial<ExcelJS.Style>> = formats.map((format) => (format ? { numFmt: format } : {}));
  ws.columns = columns.map((column, index) => {
    const summary = summaryColumns[index];
    const width = Math.max(
      columnWidth(column, formats[index], longest[index]),
      summary ? columnWidth(summary, numberFormat(summary.unit)) : 0,
      // Column A also holds the header block's labels.
      index === 0 ? Math.max(...lines.map((line) => line.label.length)) + 2 : 0
    );
    return { width, style: styles[index] };
  });
  const backlog = worksheetBacklog(ws);

  writeHeaderBlock(ws, view.title, lines);
  styleHeaderRow(ws.addRow(columns.map((column) => column.label)));
  const sums = new CountSums(columns.filter((column) => column.unit === 'count').map((column) => column.key));
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
  writeSummary(ws, sheet, columns, sums);
  ws.commit();
  return !flow.isStopped;
}
