/**
 * The query parameter rules both sides apply: the backend when it reads a request
 * (backend/domain/statsParams.ts), the plugin's editors and request builder when they write
 * one, the OpenAPI when it describes them, and the export header when it shows them.
 */
import type { ViewDefinition } from './views';

/** Grafana's All marker (a multi-value variable's allValue): a filter holding it selects everything. */
export const ALL_MARKER = '$__all';

/** `top`: how many domains are listed before the rest is summed as (other); `all` lists every one. */
export const TOP = { min: 1, max: 1000, default: 10, all: 'all' } as const;

/** Only the domain view ranks and cuts its rows: result codes are few and all listed. */
export function takesTop(view: ViewDefinition): boolean {
  return view.shape === 'distribution' && view.dimension === 'domain';
}

/** Sending limit: how many months, counting back from `month` and including it. */
export const MONTHS = { min: 1, max: 3, default: 3 } as const;

/** A month as the sending-limit view names it: YYYY-MM. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
