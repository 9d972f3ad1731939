/**
 * What "Export to Excel" on a panel downloads: the panel's queries of our data source,
 * with the panel's time range, zone and (interpolated) variables, as the same request
 * parameters the data source sends for the panel. One view: its statistics endpoint
 * with format=xlsx; several views: /export with one sheet per view, where for each
 * parameter the first query that sets it decides (the endpoint takes one set).
 */
import { rangeUtil, type DataSourceInstanceSettings, type PluginExtensionPanelContext } from '@grafana/data';
import type { DataQuery, DataSourceRef } from '@grafana/schema';
import type { TemplateSrv } from '@grafana/runtime';
import { dayRangeLabel, safeFileName } from '../../contract/fileName';
import { wallClockAt } from '../../contract/wallClock';
import { queryView, statsParams, type RequestContext } from '../datasource/requestParams';
import { browserTimeZone, resolveTimeZone } from '../datasource/timeZone';
import { DATASOURCE_PLUGIN_ID, type MailDataSourceOptions, type MailQuery } from '../datasource/types';
import { backendUrl } from './workbookDownload';

export type DataSourceLookup = (
  ref: DataSourceRef | string
) => Pick<DataSourceInstanceSettings<MailDataSourceOptions>, 'uid' | 'type' | 'jsonData'> | undefined;

export interface PanelExportDeps {
  templateSrv: Pick<TemplateSrv, 'replace'>;
  /** Resolves a target's data source reference (variables included), like getDataSourceSrv().getInstanceSettings. */
  dataSource: DataSourceLookup;
}

export interface PanelExport {
  url: string;
  fileName: string;
}

interface OurQueries {
  dataSource: NonNullable<ReturnType<DataSourceLookup>>;
  queries: MailQuery[];
}

/** A query's data source: its own, or the one the panel's last request gave it (the panel's). */
function queryDataSource(target: DataQuery, context: PluginExtensionPanelContext): DataSourceRef | undefined {
  const requested = context.data?.request?.targets.find((query) => query.refId === target.refId);
  return target.datasource ?? requested?.datasource ?? undefined;
}

/** The panel's visible queries of our data source (of the first instance of it, if several). */
export function ourQueries(context: PluginExtensionPanelContext, deps: PanelExportDeps): OurQueries | undefined {
  let found: OurQueries | undefined;
  for (const target of context.targets ?? []) {
    const ref = queryDataSource(target, context);
    const dataSource = ref ? deps.dataSource(ref) : undefined;
    if (target.hide || dataSource?.type !== DATASOURCE_PLUGIN_ID) {
      continue;
    }
    found ??= { dataSource, queries: [] };
    if (dataSource.uid === found.dataSource.uid) {
      found.queries.push(target as MailQuery);
    }
  }
  return found;
}

export function panelExport(context: PluginExtensionPanelContext, deps: PanelExportDeps): PanelExport | undefined {
  const ours = ourQueries(context, deps);
  if (!ours) {
    return undefined;
  }
  const range = context.data?.timeRange ?? rangeUtil.convertRawToRange(context.timeRange, context.timeZone);
  const from = range.from.valueOf();
  const to = range.to.valueOf();
  const timeZone = resolveTimeZone(context.timeZone, ours.dataSource.jsonData?.defaultTimeZone);
  const request: RequestContext = {
    from,
    to,
    intervalMs: context.data?.request?.intervalMs ?? Math.max(1, Math.floor((to - from) / 1000)),
    timeZone,
    scopedVars: context.scopedVars,
  };

  const params = new URLSearchParams();
  for (const query of ours.queries) {
    const own = statsParams(query, request, deps.templateSrv);
    for (const key of new Set(own.keys())) {
      if (!params.has(key)) {
        own.getAll(key).forEach((value) => params.append(key, value));
      }
    }
  }
  const views = [...new Set(ours.queries.map((query) => queryView(query)))];
  if (views.length === 1) {
    params.set('format', 'xlsx');
  } else {
    params.set('views', views.map((view) => view.id).join(','));
  }
  const zone = timeZone ?? browserTimeZone();
  const days = dayRangeLabel(wallClockAt(new Date(from), zone), wallClockAt(new Date(to), zone));
  return {
    url: backendUrl(ours.dataSource.uid, views.length === 1 ? views[0].path : '/export', params),
    fileName: `${safeFileName(`${context.title || 'Panel'} ${days}`)}.xlsx`,
  };
}
