/** Exports sheets through a real HTTP response and reads the workbook back with exceljs. */
import type * as ExcelJS from 'exceljs';
import { streamWorkbook, type SheetSpec } from '../../../backend/export';
import { download, readWorkbook, type Download } from './exportServer';

export const GENERATED_AT = new Date('2026-04-01T08:00:00Z');

export async function exportSheets(
  sheets: SheetSpec[],
  fileName = 'test export'
): Promise<{ download: Download; workbook: ExcelJS.Workbook }> {
  const answer = await download((res) => streamWorkbook(res, { fileName, generatedAt: GENERATED_AT, sheets }));
  return { download: answer, workbook: await readWorkbook(answer.body) };
}

/** A row's values from column A on, empty cells as null. */
export function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number, columns: number): unknown[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: columns }, (_, index) => row.getCell(index + 1).value ?? null);
}

export function rowFormats(sheet: ExcelJS.Worksheet, rowNumber: number, columns: number): Array<string | undefined> {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: columns }, (_, index) => row.getCell(index + 1).numFmt);
}
