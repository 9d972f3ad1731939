import { dateTime, type DataQueryRequest, type DataSourceInstanceSettings } from '@grafana/data';
import type { MailDataSourceOptions, MailQuery } from '../types';

export const PROXY_URL = '/api/datasources/proxy/uid/mail-delivery-analytics';

export function instanceSettings(
  jsonData: MailDataSourceOptions = { apiUrl: 'http://backend:3001' }
): DataSourceInstanceSettings<MailDataSourceOptions> {
  // Without the deprecated numeric id: the data source never reads it.
  return {
    uid: 'mail-delivery-analytics',
    type: 'maildelivery-maildeliveryanalytics-datasource',
    name: 'Mail Delivery Analytics',
    url: PROXY_URL,
    jsonData,
    access: 'proxy',
    readOnly: false,
    meta: {} as DataSourceInstanceSettings['meta'],
  } as DataSourceInstanceSettings<MailDataSourceOptions>;
}

/** A panel's request over [from, to) with Grafana's interval for a ~1000 px panel. */
export function queryRequest(
  targets: MailQuery[],
  from: string,
  to: string,
  timezone = 'utc'
): DataQueryRequest<MailQuery> {
  const range = { from: dateTime(from), to: dateTime(to), raw: { from, to } };
  const rangeMs = range.to.valueOf() - range.from.valueOf();
  return {
    requestId: 'test',
    interval: '1m',
    intervalMs: Math.max(1, Math.floor(rangeMs / 1000)),
    range,
    scopedVars: {},
    targets,
    timezone,
    app: 'dashboard',
    startTime: 0,
  };
}
