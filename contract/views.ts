/**
 * The one definition of every statistics view: its metrics, labels, units and rate
 * formulas. The backend computes from it, the Grafana plugin builds frames and editors
 * from it, and the Excel export takes its columns from it. Pure data and pure functions
 * only: this module is bundled into the browser.
 */
import type {
  DistributionRow,
  DomainRow,
  Limits,
  ResultCodeRow,
  SendingLimitDay,
  SendingLimitMonth,
  TimeViewRow,
} from './apiTypes';

export const COUNT_METRICS = [
  'requestCount',
  'sentCount',
  'deliveredCount',
  'bouncedCount',
  'openedCount',
  'machineOpenedCount',
  'unsubscribeCount',
  'complaintCount',
  'canceledCount',
] as const;
export type CountMetric = (typeof COUNT_METRICS)[number];

export const RATE_METRICS = ['deliveryRate', 'openRate', 'unsubscribeRate', 'bounceRate', 'complaintRate'] as const;
export type RateMetric = (typeof RATE_METRICS)[number];

export type MetricKey = CountMetric | RateMetric;

/** How a value is shown: a count, a fraction shown as percent, a bucket start, a day, a label. */
export type ValueUnit = 'count' | 'percent' | 'time' | 'date' | 'month' | 'text';

export interface MetricDefinition {
  key: MetricKey;
  /** The console's name for it. */
  label: string;
  unit: 'count' | 'percent';
  description: string;
}

export interface RateDefinition extends MetricDefinition {
  key: RateMetric;
  numerator: CountMetric;
  denominator: CountMetric;
}

const countMetric = (key: CountMetric, label: string, description: string): MetricDefinition => ({
  key,
  label,
  unit: 'count',
  description,
});

export const COUNT_DEFINITIONS: Readonly<Record<CountMetric, MetricDefinition>> = {
  requestCount: countMetric('requestCount', 'Request count', 'Recipient mails requested for delivery'),
  sentCount: countMetric('sentCount', 'Sent count', 'Recipient mails that left the system (delivered or bounced)'),
  deliveredCount: countMetric('deliveredCount', 'Delivered count', 'Recipient mails delivered'),
  bouncedCount: countMetric('bouncedCount', 'Bounced count', 'Recipient mails sent and bounced'),
  openedCount: countMetric(
    'openedCount',
    'Opened count',
    'Sent mails that recipients opened (machine opens, e.g. Apple Mail Privacy Protection, not included)'
  ),
  machineOpenedCount: countMetric(
    'machineOpenedCount',
    'Machine opened count',
    "Opens made by a mail client's privacy proxy (e.g. Apple Mail Privacy Protection), not by a person"
  ),
  unsubscribeCount: countMetric('unsubscribeCount', 'Unsubscribe count', 'Clicks on the unsubscribe link'),
  complaintCount: countMetric('complaintCount', 'Complaint count', 'Sent mails the recipient reported as spam'),
  canceledCount: countMetric('canceledCount', 'Canceled count', 'Recipient mails canceled before sending'),
};

const rate = (
  key: RateMetric,
  label: string,
  numerator: CountMetric,
  denominator: CountMetric,
  description: string
): RateDefinition => ({ key, label, unit: 'percent', numerator, denominator, description });

/** Rates are fractions from 0 to 1; null where the denominator is 0 (domain.md, "Rates"). */
export const RATE_DEFINITIONS: Readonly<Record<RateMetric, RateDefinition>> = {
  deliveryRate: rate('deliveryRate', 'Delivery rate', 'sentCount', 'requestCount', 'Sent mails to requested mails'),
  openRate: rate(
    'openRate',
    'Open rate',
    'openedCount',
    'sentCount',
    'Mails opened by people to sent mails (machine opens left out)'
  ),
  unsubscribeRate: rate(
    'unsubscribeRate',
    'Unsubscribe rate',
    'unsubscribeCount',
    'openedCount',
    'Unsubscribe clicks to opened mails'
  ),
  bounceRate: rate('bounceRate', 'Bounce rate', 'bouncedCount', 'sentCount', 'Bounced mails to sent mails'),
  complaintRate: rate(
    'complaintRate',
    'Complaint rate',
    'complaintCount',
    'sentCount',
    'Spam complaints to sent mails (mailbox providers act at 0.1 % to 0.3 %)'
  ),
};

export const METRIC_DEFINITIONS: Readonly<Record<MetricKey, MetricDefinition>> = {
  ...COUNT_DEFINITIONS,
  ...RATE_DEFINITIONS,
};

export type Counts = Record<CountMetric, number>;
export type Rates = Record<RateMetric, number | null>;

/** Every count metric at 0: derived from COUNT_METRICS, so a new metric cannot be missed. */
export function zeroCounts(): Counts {
  return Object.fromEntries(COUNT_METRICS.map((metric) => [metric, 0])) as Counts;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function computeRates(counts: Counts): Rates {
  const rates = {} as Rates;
  for (const key of RATE_METRICS) {
    const { numerator, denominator } = RATE_DEFINITIONS[key];
    rates[key] = ratio(counts[numerator], counts[denominator]);
  }
  return rates;
}

export const INTERVALS = ['1h', '1d', '1w', '1M'] as const;
export type Interval = (typeof INTERVALS)[number];
export const INTERVAL_LABELS: Readonly<Record<Interval, string>> = {
  '1h': 'Hour',
  '1d': 'Day',
  '1w': 'Week (Monday)',
  '1M': 'Month',
};

export type FilterKey = 'template' | 'domain' | 'resultCode';
export const FILTER_LABELS: Readonly<Record<FilterKey, string>> = {
  template: 'Template',
  domain: 'Domain',
  resultCode: 'Result code',
};

export type ViewId = 'request-date' | 'send-date' | 'domains' | 'result-codes' | 'sending-limit';

/**
 * A column of a view's rows, as the JSON answer names it and the export shows it. `Key` is a
 * field of the view's row type (apiTypes.ts), so a column naming no field does not compile.
 */
export interface ColumnDefinition<Key extends string = string> {
  key: Key;
  label: string;
  unit: ValueUnit;
}

/** The fields of a row type that a column may name. */
export type RowKey<Row> = Extract<keyof Row, string>;
/** The columns of rows of type `Row`. */
export type ColumnsOf<Row> = ReadonlyArray<ColumnDefinition<RowKey<Row>>>;

/** The configured limits shown as columns beside the usage, and the field of `limit` each one shows. */
export const LIMIT_COLUMN_FIELDS = { monthlyLimit: 'monthly', dailyLimit: 'daily' } as const satisfies Record<
  string,
  keyof Limits
>;
export type LimitColumnKey = keyof typeof LIMIT_COLUMN_FIELDS;

interface ViewBase<Row> {
  id: ViewId;
  title: string;
  /** Path of the statistics endpoint, below /api/v1. */
  path: string;
  filters: readonly FilterKey[];
  /** Columns of one row of `rows` (for sending-limit: of one day). */
  columns: ColumnsOf<Row>;
}

/** Counts and rates per time bucket, placed on one of the two time axes. */
export interface TimeViewDefinition extends ViewBase<TimeViewRow> {
  shape: 'time';
  axis: 'request' | 'send';
  metrics: readonly MetricKey[];
}

/** Result events grouped by one dimension, with each group's share of the total. */
export interface DistributionViewOf<Row extends DistributionRow> extends ViewBase<Row> {
  shape: 'distribution';
  dimension: RowKey<Row> & ('domain' | 'resultCode');
  /** The dimension a drill-down from one of this view's rows filters the other view by. */
  drillDown: { view: 'domains' | 'result-codes'; filter: FilterKey };
}
export type DistributionViewDefinition = DistributionViewOf<DomainRow> | DistributionViewOf<ResultCodeRow>;

export interface LimitViewDefinition extends ViewBase<SendingLimitDay> {
  shape: 'limit';
  /** Columns of one month's summary. */
  monthColumns: ColumnsOf<Omit<SendingLimitMonth, 'days'>>;
  /** The configured limits (`limit.monthly`, `limit.daily` of the answer), as columns beside the usage. */
  limitColumns: ReadonlyArray<ColumnDefinition<LimitColumnKey>>;
}

export type ViewDefinition = TimeViewDefinition | DistributionViewDefinition | LimitViewDefinition;

const metricColumns = (metrics: readonly MetricKey[]): Array<ColumnDefinition<MetricKey>> =>
  metrics.map((key) => ({ key, label: METRIC_DEFINITIONS[key].label, unit: METRIC_DEFINITIONS[key].unit }));

const timeColumn: ColumnDefinition<'time'> = { key: 'time', label: 'Time', unit: 'time' };

const REQUEST_DATE_METRICS: readonly MetricKey[] = [...COUNT_METRICS, ...RATE_METRICS];
const SEND_DATE_METRICS: readonly MetricKey[] = REQUEST_DATE_METRICS.filter(
  (key) => key !== 'requestCount' && key !== 'canceledCount' && key !== 'deliveryRate'
);

export const REQUEST_DATE_VIEW: TimeViewDefinition = {
  id: 'request-date',
  title: 'By request date',
  path: '/stats/request-date',
  shape: 'time',
  axis: 'request',
  metrics: REQUEST_DATE_METRICS,
  filters: ['template', 'domain'],
  columns: [timeColumn, ...metricColumns(REQUEST_DATE_METRICS)],
};

export const SEND_DATE_VIEW: TimeViewDefinition = {
  id: 'send-date',
  title: 'By send date',
  path: '/stats/send-date',
  shape: 'time',
  axis: 'send',
  metrics: SEND_DATE_METRICS,
  filters: ['template', 'domain'],
  columns: [timeColumn, ...metricColumns(SEND_DATE_METRICS)],
};

const countColumn: ColumnDefinition<'count'> = { key: 'count', label: 'Count', unit: 'count' };
const shareColumn: ColumnDefinition<'share'> = { key: 'share', label: 'Share', unit: 'percent' };

export const DOMAINS_VIEW: DistributionViewOf<DomainRow> = {
  id: 'domains',
  title: 'By domain',
  path: '/stats/domains',
  shape: 'distribution',
  dimension: 'domain',
  drillDown: { view: 'result-codes', filter: 'domain' },
  filters: ['template', 'domain', 'resultCode'],
  columns: [{ key: 'domain', label: 'Domain', unit: 'text' }, countColumn, shareColumn],
};

export const RESULT_CODES_VIEW: DistributionViewOf<ResultCodeRow> = {
  id: 'result-codes',
  title: 'By result code',
  path: '/stats/result-codes',
  shape: 'distribution',
  dimension: 'resultCode',
  drillDown: { view: 'domains', filter: 'resultCode' },
  filters: ['template', 'domain', 'resultCode'],
  columns: [
    { key: 'resultCode', label: 'Result code', unit: 'text' },
    { key: 'class', label: 'Class', unit: 'text' },
    countColumn,
    shareColumn,
  ],
};

export const SENDING_LIMIT_VIEW: LimitViewDefinition = {
  id: 'sending-limit',
  title: 'By sending limit',
  path: '/stats/sending-limit',
  shape: 'limit',
  filters: [],
  columns: [
    { key: 'date', label: 'Date', unit: 'date' },
    { key: 'volume', label: 'Daily volume', unit: 'count' },
    { key: 'cumulative', label: 'Cumulative volume', unit: 'count' },
    { key: 'dailyShare', label: 'Share of daily limit', unit: 'percent' },
  ],
  monthColumns: [
    { key: 'month', label: 'Month', unit: 'month' },
    { key: 'used', label: 'Used', unit: 'count' },
    { key: 'remaining', label: 'Remaining', unit: 'count' },
    { key: 'share', label: 'Share of monthly limit', unit: 'percent' },
    { key: 'projected', label: 'Projected month-end total', unit: 'count' },
  ],
  limitColumns: [
    { key: 'monthlyLimit', label: 'Monthly limit', unit: 'count' },
    { key: 'dailyLimit', label: 'Daily limit', unit: 'count' },
  ],
};

export const VIEWS: Readonly<Record<ViewId, ViewDefinition>> = {
  'request-date': REQUEST_DATE_VIEW,
  'send-date': SEND_DATE_VIEW,
  domains: DOMAINS_VIEW,
  'result-codes': RESULT_CODES_VIEW,
  'sending-limit': SENDING_LIMIT_VIEW,
};

export const VIEW_IDS = Object.keys(VIEWS) as ViewId[];

export function isViewId(value: string): value is ViewId {
  return Object.prototype.hasOwnProperty.call(VIEWS, value);
}

/** Label of the row that sums every domain beyond the top N. */
export const OTHER_DOMAINS = '(other)';
/** Template name of mails sent without a template. */
export const NO_TEMPLATE = '(none)';
