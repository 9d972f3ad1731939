import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { takesTop } from '../../contract/params';
import { VIEWS, isViewId, type ViewDefinition } from '../../contract/views';
import { DEFAULT_QUERY, type MailQuery } from './types';
import { interpolateFilter, queryFilterValues } from './filters';
import { queryInterval } from './interval';
import { monthInZone } from './timeZone';

/** What a panel's request contributes to every query of it. */
export interface RequestContext {
  /** Epoch ms, [from, to). */
  from: number;
  to: number;
  /** Grafana's suggested interval for the panel, in ms. */
  intervalMs: number;
  /** IANA zone; undefined leaves it to the backend. */
  timeZone?: string;
  scopedVars?: ScopedVars;
}

/** The view a query asks for; a query saved before a view was chosen gets the default one. */
export function queryView(query: MailQuery): ViewDefinition {
  return VIEWS[isViewId(query.view ?? '') ? query.view : (DEFAULT_QUERY.view as MailQuery['view'])];
}

/** Sending limit: the month asked for, or the month the range ends in (in the zone, else UTC). */
function limitMonth(query: MailQuery, context: RequestContext, templateSrv: Pick<TemplateSrv, 'replace'>): string {
  const chosen = templateSrv.replace(query.month ?? '', context.scopedVars).trim();
  return chosen || monthInZone(context.to - 1, context.timeZone ?? 'UTC');
}

/** Query-string parameters of the statistics endpoint for one query (api.md, "Statistics"). */
export function statsParams(
  query: MailQuery,
  context: RequestContext,
  templateSrv: Pick<TemplateSrv, 'replace'>
): URLSearchParams {
  const view = queryView(query);
  const params = new URLSearchParams();
  if (context.timeZone) {
    params.set('tz', context.timeZone);
  }
  if (view.shape === 'limit') {
    params.set('month', limitMonth(query, context, templateSrv));
    if (query.months !== undefined) {
      params.set('months', String(query.months));
    }
    return params;
  }
  params.set('from', String(context.from));
  params.set('to', String(context.to));
  params.set('interval', queryInterval(query.interval, context.intervalMs, context.to - context.from));
  for (const filter of view.filters) {
    for (const value of interpolateFilter(queryFilterValues(query, filter), templateSrv, context.scopedVars) ?? []) {
      params.append(filter, value);
    }
  }
  if (takesTop(view) && query.top !== undefined) {
    params.set('top', String(query.top));
  }
  return params;
}
