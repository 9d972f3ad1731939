/**
 * Excel export of the statistics views (api.md, "Export"). The routes call, for one view:
 *   streamWorkbook(res, workbookFor([sheetFromResponse(view, json, request)]), signal)
 * and for /api/v1/export one sheetFromResponse per view in the same workbookFor([...]).
 */
export { exportFileName, safeFileName, asciiFileName } from '../contract/fileName';
export { sheetFromResponse, type RequestContext } from './sheetFromResponse';
export { attachmentHeader, streamWorkbook, workbookFor, XLSX_CONTENT_TYPE } from './streamWorkbook';
export type { SheetContext, SheetRow, SheetSpec, WorkbookSpec } from './types';
