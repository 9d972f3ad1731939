/**
 * Shapes of the backend's JSON answers (../shared/docs/api.md), shared with the plugin.
 * Types only.
 */
import type { Counts, Interval, Rates, ViewId } from './views';
import type { ResultClass } from './resultCodes';

export type TimeRowValues = Partial<Counts> & Partial<Rates>;

export interface TimeViewRow extends TimeRowValues {
  /** Bucket start, ISO 8601 with the zone's offset. */
  time: string;
}

export interface TimeViewResponse {
  view: 'request-date' | 'send-date';
  from: string;
  to: string;
  tz: string;
  interval: Interval;
  rows: TimeViewRow[];
  totals: TimeRowValues;
}

export interface DomainRow {
  domain: string;
  count: number;
  share: number | null;
}

export interface ResultCodeRow {
  resultCode: string;
  class: ResultClass;
  count: number;
  share: number | null;
}

export interface DomainsResponse {
  view: 'domains';
  from: string;
  to: string;
  tz: string;
  interval: Interval;
  rows: DomainRow[];
  totals: { count: number };
  series: Array<{ time: string; domain: string; count: number }>;
}

export interface ResultCodesResponse {
  view: 'result-codes';
  from: string;
  to: string;
  tz: string;
  interval: Interval;
  rows: ResultCodeRow[];
  totals: { count: number };
  series: Array<{ time: string; resultCode: string; count: number }>;
}

export interface Limits {
  monthly: number | null;
  daily: number | null;
  changeRequestUrl: string | null;
}

export interface SendingLimitDay {
  date: string;
  volume: number;
  cumulative: number;
  dailyShare: number | null;
}

export interface SendingLimitMonth {
  month: string;
  used: number;
  remaining: number | null;
  share: number | null;
  projected: number;
  days: SendingLimitDay[];
}

export interface SendingLimitResponse {
  view: 'sending-limit';
  tz: string;
  limit: Limits;
  months: SendingLimitMonth[];
}

export type StatsResponse = TimeViewResponse | DomainsResponse | ResultCodesResponse | SendingLimitResponse;

export interface ValuesResponse {
  values: string[];
}

export interface ErrorDetail {
  index?: number;
  field?: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[] };
}

export type { ViewId };
