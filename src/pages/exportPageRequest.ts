/**
 * The workbook the Export page downloads, from its URL: what the dashboards' link
 * "Download all views (Excel)" passes (datasource uid, views, Grafana's from/to, the
 * filter variables, optionally tz). Bad or missing parameters are errors naming them.
 */
import { dateMath } from '@grafana/data';
import { isViewId, VIEWS, VIEW_IDS, type FilterKey } from '../../contract/views';
import { exportFileName } from '../../contract/fileName';
import { wallClockAt } from '../../contract/wallClock';
import { ALL_MARKER } from '../../contract/params';
import { browserTimeZone, isValidTimeZone } from '../datasource/timeZone';
import { backendUrl } from '../extensions/workbookDownload';

export interface ExportPageRequest {
  dataSourceUid: string;
  viewTitles: string[];
  from: number;
  to: number;
  tz: string;
  filters: Partial<Record<FilterKey, string[]>>;
  url: string;
  fileName: string;
}

const FILTERS: readonly FilterKey[] = ['template', 'domain', 'resultCode'];

/** Grafana's time as the URL gives it: epoch ms or an expression such as now-30d or now/d. */
function instant(search: URLSearchParams, name: 'from' | 'to', tz: string, now: number): number {
  const text = search.get(name)?.trim() ?? (name === 'from' ? 'now-7d' : 'now');
  const parsed = /^\d+$/.test(text)
    ? Number(text)
    : dateMath.toDateTime(text, { roundUp: name === 'to', timezone: tz, now })?.valueOf();
  if (parsed === undefined || Number.isNaN(parsed)) {
    throw new Error(
      `${name} must be epoch milliseconds or a Grafana time such as now-30d; got ${JSON.stringify(text)}`
    );
  }
  return parsed;
}

function filterValues(search: URLSearchParams, key: FilterKey): string[] {
  const values = [...search.getAll(`var-${key}`), ...search.getAll(key)].filter((value) => value !== '');
  return values.includes(ALL_MARKER) ? [] : [...new Set(values)];
}

export function exportPageRequest(search: URLSearchParams, now = Date.now()): ExportPageRequest {
  const dataSourceUid = search.get('datasource')?.trim();
  if (!dataSourceUid) {
    throw new Error(
      'The link names no data source: the URL needs datasource=<uid of the Mail Delivery Analytics data source>'
    );
  }
  const tz = search.get('tz')?.trim() || browserTimeZone();
  if (!isValidTimeZone(tz)) {
    throw new Error(`tz must be an IANA time zone such as Europe/Berlin; got ${JSON.stringify(tz)}`);
  }
  const listed = search
    .getAll('views')
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter(Boolean);
  const ids = listed.length > 0 ? [...new Set(listed)] : VIEW_IDS;
  const unknown = ids.filter((id) => !isViewId(id));
  if (unknown.length > 0) {
    throw new Error(`Unknown views: ${unknown.join(', ')}; views are ${VIEW_IDS.join(', ')}`);
  }
  const views = ids.filter(isViewId).map((id) => VIEWS[id]);
  const from = instant(search, 'from', tz, now);
  const to = instant(search, 'to', tz, now);
  if (from >= to) {
    throw new Error('The range is empty: from must be before to');
  }

  const filters: Partial<Record<FilterKey, string[]>> = {};
  const params = new URLSearchParams([
    ['views', views.map((view) => view.id).join(',')],
    ['from', String(from)],
    ['to', String(to)],
    ['tz', tz],
  ]);
  for (const key of FILTERS) {
    const values = filterValues(search, key);
    if (values.length > 0) {
      filters[key] = values;
      values.forEach((value) => params.append(key, value));
    }
  }
  // Wall-clock ISO strings: their digits are the days the range covers in the zone.
  const wallClock = (ms: number) => wallClockAt(new Date(ms), tz).toISOString();
  return {
    dataSourceUid,
    viewTitles: views.map((view) => view.title),
    from,
    to,
    tz,
    filters,
    url: backendUrl(dataSourceUid, '/export', params),
    fileName: `${exportFileName(views, { from: wallClock(from), to: wallClock(to) })}.xlsx`,
  };
}
