import type { DataQuery, DataSourceJsonData } from '@grafana/schema';
import type { Interval, MetricKey, ViewId } from '../../contract/views';

/** How a distribution view (domains, result codes) answers: its rows, or one series per row over time. */
export type DistributionOutput = 'table' | 'series';
/** How a time view answers: one row per bucket, or one row of the backend's totals over the whole range. */
export type TimeOutput = 'series' | 'totals';
/** How the sending-limit view answers: one row per day, or one summary row per month. */
export type LimitOutput = 'days' | 'months';

export interface MailQuery extends DataQuery {
  view: ViewId;
  /** Time views: the metrics to show, in this order; empty or absent means all of the view's metrics. */
  metrics?: MetricKey[];
  /** Time views; absent means series. Totals are the backend's own (rates of the summed counts), never re-derived here. */
  timeOutput?: TimeOutput;
  /** 'auto' picks from the panel's interval. */
  interval?: Interval | 'auto';
  /** Filters; values may hold template variables ($var), multi-value ones included. */
  templates?: string[];
  domains?: string[];
  resultCodes?: string[];
  /** Domains view: how many domains before the rest is summed as (other). */
  top?: number;
  output?: DistributionOutput;
  /** Sending limit: YYYY-MM, empty for the month the range ends in. */
  month?: string;
  months?: number;
  limitOutput?: LimitOutput;
}

export const DEFAULT_QUERY: Partial<MailQuery> = {
  view: 'request-date',
  interval: 'auto',
};

export type ValuesKind = 'templates' | 'domains' | 'result-codes';

export interface MailVariableQuery {
  refId: string;
  kind: ValuesKind;
  /** Substring the values must contain. */
  search?: string;
}

export interface MailDataSourceOptions extends DataSourceJsonData {
  /** Base URL of the backend, e.g. http://backend:3001; the proxy route forwards to it. */
  apiUrl?: string;
  /** IANA zone used when a dashboard's zone is neither browser nor a named zone. */
  defaultTimeZone?: string;
}

export interface MailSecureJsonData {
  apiKey?: string;
}

export const APP_PLUGIN_ID = 'maildelivery-maildeliveryanalytics-app';
export const DATASOURCE_PLUGIN_ID = 'maildelivery-maildeliveryanalytics-datasource';
/** uid of the data source that provisioning creates and the shipped dashboards default to. */
export const PROVISIONED_DATASOURCE_UID = 'mail-delivery-analytics';
/** uid of the shipped dashboard of a view (src/dashboards). */
export const viewDashboardUid = (view: ViewId) => `mda-${view}`;
