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

/** Set when the account has subscription periods: the answer shows the latest one only (docs/subscriptions.md). */
export interface PeriodFields {
  since?: string;
  /** Once that period has ended. */
  until?: string;
}

/** What every ranged view answer starts with: the range as bucket labels, the zone, the interval. */
export interface RangeHeader extends PeriodFields {
  from: string;
  to: string;
  tz: string;
  interval: Interval;
}

export interface TimeViewResponse extends RangeHeader {
  view: 'request-date' | 'send-date';
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

/** A row of a distribution view: a domain's or a result code's count and share. */
export type DistributionRow = DomainRow | ResultCodeRow;

export interface DomainsResponse extends RangeHeader {
  view: 'domains';
  rows: DomainRow[];
  totals: { count: number };
  series: Array<{ time: string; domain: string; count: number }>;
}

export interface ResultCodesResponse extends RangeHeader {
  view: 'result-codes';
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

export interface SendingLimitResponse extends PeriodFields {
  view: 'sending-limit';
  tz: string;
  limit: Limits;
  months: SendingLimitMonth[];
}

export type StatsResponse = TimeViewResponse | DomainsResponse | ResultCodesResponse | SendingLimitResponse;

export interface ValuesResponse {
  values: string[];
}

/** An account's subscription periods (docs/subscriptions.md). */
export interface PeriodJson {
  subscribedAt: string;
  unsubscribedAt: string | null;
}

export interface AccountJson {
  account: string;
  /** Start of the open period; null when none is open. */
  subscribedAt: string | null;
  periods: PeriodJson[];
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
