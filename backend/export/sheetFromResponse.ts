/**
 * Turns a statistics endpoint's JSON answer into a sheet, so the workbook holds exactly
 * the numbers the JSON holds. The answer's own range, zone and interval (defaults
 * resolved) take precedence over the request's.
 */
import type { StatsResponse } from '../contract/apiTypes';
import { ratio, type ViewDefinition } from '../contract/views';
import type { SheetContext, SheetRow, SheetSpec } from './types';

/** What the route knows of the request; the rest comes from the answer. */
export type RequestContext = Pick<SheetContext, 'account' | 'filters'> & Partial<SheetContext>;

// The answer's rows are plain JSON objects; their interfaces just lack an index signature.
const asRows = (rows: readonly object[]): Iterable<SheetRow> => rows as readonly SheetRow[];

export function sheetFromResponse(view: ViewDefinition, response: StatsResponse, request: RequestContext): SheetSpec {
  if (response.view !== view.id) {
    throw new Error(`answer of view ${response.view} given for view ${view.id}`);
  }
  if (response.view === 'sending-limit') {
    const months = response.months;
    return {
      view,
      context: {
        ...request,
        since: response.since,
        until: response.until,
        tz: response.tz,
        month:
          months
            .map((month) => month.month)
            .sort()
            .pop() ?? request.month,
        months: months.length,
      },
      // One table of days; its Month column says which month each day belongs to.
      rows: months.flatMap((month) => month.days.map((day) => ({ month: month.month, ...day }))),
      months,
      limit: response.limit,
    };
  }
  const context: SheetContext = {
    ...request,
    from: response.from,
    to: response.to,
    tz: response.tz,
    interval: response.interval,
    since: response.since,
    until: response.until,
  };
  switch (response.view) {
    case 'request-date':
    case 'send-date':
      return { view, context, rows: asRows(response.rows), totals: response.totals };
    case 'domains':
    case 'result-codes': {
      const { count } = response.totals;
      // Every row's share together: 100 % of the total, none when nothing was counted.
      return { view, context, rows: asRows(response.rows), totals: { count, share: ratio(count, count) } };
    }
  }
}
