/**
 * Streams a workbook as the HTTP answer: headers first, then the sheets one after
 * another, each row as soon as it is made, at the pace the client reads. Memory stays
 * flat whatever the row count. When the client goes away or the signal aborts, it stops
 * reading rows (closing their source), destroys the response and resolves; an error
 * while writing destroys the response and rejects (headers are sent by then).
 */
import type { ServerResponse } from 'node:http';
import contentDisposition from 'content-disposition';
import * as ExcelJS from 'exceljs';
import { asciiFileName, exportFileName, safeFileName } from '../contract/fileName';
import { ResponseFlow } from './responseFlow';
import { sheetNames } from './sheetNames';
import { writeSheet } from './sheetWriter';
import type { SheetSpec, WorkbookSpec } from './types';
import { wallClockAt } from '../contract/wallClock';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment; filename="<ASCII>.xlsx"; filename*=UTF-8''<UTF-8>.xlsx` (the second only when it differs). */
export function attachmentHeader(fileName: string): string {
  const name = safeFileName(fileName);
  return contentDisposition(`${name}.xlsx`, { fallback: `${asciiFileName(name)}.xlsx` });
}

/** A workbook of these sheets, named after their views and the first sheet's range. */
export function workbookFor(sheets: SheetSpec[], generatedAt = new Date()): WorkbookSpec {
  if (sheets.length === 0) {
    throw new Error('a workbook needs at least one sheet');
  }
  const fileName = exportFileName(
    sheets.map((sheet) => sheet.view),
    sheets[0].context
  );
  return { fileName, generatedAt, sheets };
}

export async function streamWorkbook(res: ServerResponse, workbook: WorkbookSpec, signal?: AbortSignal): Promise<void> {
  // Refuse a bad spec (unknown zone) while a JSON error can still be answered.
  workbook.sheets.forEach((sheet) => wallClockAt(workbook.generatedAt, sheet.context.tz));
  const names = sheetNames(workbook.sheets.map((sheet) => sheet.view.title));

  res.statusCode = 200;
  res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
  res.setHeader('Content-Disposition', attachmentHeader(workbook.fileName));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');

  const flow = new ResponseFlow(res, signal);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: res,
    useStyles: true,
    useSharedStrings: false,
  });
  writer.created = workbook.generatedAt;
  try {
    for (const [index, sheet] of workbook.sheets.entries()) {
      if (!(await writeSheet(writer, names[index], sheet, workbook.generatedAt, flow))) {
        break;
      }
    }
    if (!flow.isStopped) {
      // The last bytes may still meet a departing client: stop waiting for them then.
      await Promise.race([writer.commit(), flow.whenStopped()]);
    }
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  if (flow.isStopped) {
    res.destroy();
  }
}
