/**
 * What an Excel export is made of: a workbook of sheets, each a view's rows with the
 * request's context (shown in the sheet's header block). Types only.
 */
import type { Limits, SendingLimitMonth } from '../contract/apiTypes';
import type { FilterKey, ViewDefinition } from '../contract/views';

/** The request a sheet answers; shown above its table and used for its name and the file name. */
export interface SheetContext {
  account: string;
  /** ISO 8601 with the zone's offset, as the JSON answer gives them; [from, to). */
  from?: string;
  to?: string;
  tz: string;
  interval?: string;
  filters: Partial<Record<FilterKey, string[]>>;
  /** Domains view: number of domains before the rest is summed as (other); Infinity for `top=all`. */
  top?: number;
  /** Sending limit: the last month shown (YYYY-MM) and how many months end with it. */
  month?: string;
  months?: number;
  /** The account's subscription period the answer was clamped to (as the JSON gives them). */
  since?: string;
  until?: string;
}

export type SheetRow = Record<string, unknown>;

export interface SheetSpec {
  view: ViewDefinition;
  context: SheetContext;
  /** The table's rows, keyed like the view's columns; streamed, so any length. */
  rows: Iterable<SheetRow> | AsyncIterable<SheetRow>;
  /** Values of the totals row; counts missing here are summed from the rows. */
  totals?: SheetRow;
  /** Sending limit: the months summary (its `days` are the rows, laid out by sheetFromResponse). */
  months?: SendingLimitMonth[];
  /** Sending limit: the account's limits, shown in the header block. */
  limit?: Limits;
}

export interface WorkbookSpec {
  /** Without `.xlsx`; made safe for every file system before use. */
  fileName: string;
  generatedAt: Date;
  sheets: SheetSpec[];
}
