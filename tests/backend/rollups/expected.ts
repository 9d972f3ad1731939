/**
 * Seeded events around the DST changes of 2026 and what every view must answer for them,
 * computed here from the events alone (domain.md's counting rules, luxon for local days),
 * never from the backend's code.
 */
import { DateTime } from 'luxon';

export interface SentEvent {
  kind: 'requested' | 'result' | 'opened' | 'unsubscribed' | 'canceled';
  template: string;
  domain: string;
  code?: string;
  requestedAt: number;
  sentAt?: number;
  count: number;
}

/** domain.md's result-code table, for the codes used here. */
const CODES: Record<string, { sent: boolean; resultClass: string }> = {
  MAIL_SENT: { sent: true, resultClass: 'delivered' },
  MAILBOX_ERROR: { sent: true, resultClass: 'bounced' },
  SMTP_ERROR: { sent: true, resultClass: 'bounced' },
  CONNECTION_ABNORMAL: { sent: false, resultClass: 'deferred' },
  UNKNOWN_DOMAIN_ADDRESS: { sent: false, resultClass: 'failed' },
  CANCELED_MAIL: { sent: false, resultClass: 'canceled' },
};
const CODE_NAMES = Object.keys(CODES);
export const TEMPLATES = ['Welcome', 'Receipt', '주간 소식'];
/** Skewed, so that the top three leave a rest for (other). */
const DOMAINS = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'naver.com',
  'naver.com',
  'daum.net',
  'example.org',
  'mail.example',
  'tiny.example',
];
const KINDS: Array<SentEvent['kind']> = [
  'requested',
  'requested',
  'requested',
  'result',
  'result',
  'result',
  'opened',
  'unsubscribed',
  'canceled',
];
const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;

/** mulberry32: a small seeded generator, so every run sends the same events. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function event(kind: SentEvent['kind'], requestedAt: number, random: () => number): SentEvent {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const onSendDate = kind === 'result' || kind === 'opened' || kind === 'unsubscribed';
  return {
    kind,
    template: pick(TEMPLATES),
    domain: pick(DOMAINS),
    code: kind === 'result' ? pick(CODE_NAMES) : undefined,
    requestedAt,
    // sent up to 36 hours later: across day and DST boundaries
    sentAt: onSendDate
      ? requestedAt + Math.floor(random() * 36 * 60) * MINUTE + Math.floor(random() * 60) * 1000
      : undefined,
    count: 1 + Math.floor(random() * 4),
  };
}

/** Events spread over windows around 2026's DST changes, plus some exactly at local midnights. */
export function makeEvents(): SentEvent[] {
  const random = generator(20260329);
  const windows = [
    { from: Date.UTC(2026, 2, 4), to: Date.UTC(2026, 3, 5), events: 700 },
    { from: Date.UTC(2026, 9, 19), to: Date.UTC(2026, 10, 5), events: 400 },
  ];
  const events: SentEvent[] = [];
  for (const window of windows) {
    for (let i = 0; i < window.events; i++) {
      const at = window.from + Math.floor(random() * ((window.to - window.from) / 1000)) * 1000;
      events.push(event(KINDS[Math.floor(random() * KINDS.length)], at, random));
    }
  }
  const edges = [
    '2026-03-29T00:00:00+01:00',
    '2026-03-29T23:59:59+02:00',
    '2026-03-30T00:00:00+02:00',
    '2026-10-25T00:00:00+02:00',
    '2026-10-25T02:30:00+01:00',
    '2026-10-26T00:00:00+01:00',
    '2026-03-20T00:00:00+05:45',
    '2026-03-20T23:59:59+05:45',
    '2026-03-08T00:00:00-05:00',
    '2026-11-01T00:00:00-04:00',
    '2026-11-02T00:00:00-05:00',
  ];
  for (const at of edges) {
    events.push(event('requested', Date.parse(at), random), event('result', Date.parse(at), random));
  }
  return events;
}

export function toApiEvent(sent: SentEvent, index: number): Record<string, unknown> {
  return {
    id: `rollup-${index}`,
    type: sent.kind,
    template: sent.template,
    domain: sent.domain,
    requestedAt: sent.requestedAt,
    ...(sent.sentAt === undefined ? {} : { sentAt: sent.sentAt }),
    ...(sent.code === undefined ? {} : { resultCode: sent.code }),
    ...(sent.kind === 'unsubscribed' ? { advertising: true } : {}),
    count: sent.count,
  };
}

export type Interval = '1h' | '1d' | '1w' | '1M';
const UNIT = { '1h': 'hour', '1d': 'day', '1w': 'week', '1M': 'month' } as const;

export interface Range {
  tz: string;
  from: string;
  to: string;
  interval: Interval;
}

/** Local bucket starts covering [from, to); and the rule "every 15-minute bucket that overlaps [from, to) counts". */
export function bucketsOf(range: Range) {
  const from = DateTime.fromISO(range.from, { zone: range.tz });
  const to = DateTime.fromISO(range.to, { zone: range.tz }).toMillis();
  const unit = UNIT[range.interval];
  const starts: number[] = [];
  // Hours step by elapsed time (the repeated hour of a DST end is two buckets); days, weeks and months by local start.
  const step = (cursor: DateTime) =>
    unit === 'hour' ? cursor.plus({ hours: 1 }) : cursor.plus({ [`${unit}s`]: 1 }).startOf(unit);
  for (let cursor: DateTime = from.startOf(unit); cursor.toMillis() < to; cursor = step(cursor)) {
    starts.push(cursor.toMillis());
  }
  const fromMs = from.toMillis();
  return {
    starts,
    counts: (at: number) => {
      const quarter = Math.floor(at / QUARTER) * QUARTER;
      return quarter + QUARTER > fromMs && quarter < to;
    },
    startOf: (at: number) => DateTime.fromMillis(at, { zone: range.tz }).startOf(unit).toMillis(),
  };
}

export interface Filters {
  template?: string;
  domain?: string;
}

const matches = (sent: SentEvent, filters: Filters) =>
  (filters.template === undefined || sent.template === filters.template) &&
  (filters.domain === undefined || sent.domain === filters.domain);

type CountName =
  | 'requestCount'
  | 'sentCount'
  | 'deliveredCount'
  | 'bouncedCount'
  | 'openedCount'
  | 'unsubscribeCount'
  | 'canceledCount';
export const REQUEST_COUNTS: CountName[] = [
  'requestCount',
  'sentCount',
  'deliveredCount',
  'bouncedCount',
  'openedCount',
  'unsubscribeCount',
  'canceledCount',
];
export const SEND_COUNTS: CountName[] = [
  'sentCount',
  'deliveredCount',
  'bouncedCount',
  'openedCount',
  'unsubscribeCount',
];

function countsOf(sent: SentEvent): CountName[] {
  if (sent.kind === 'result') {
    const code = CODES[sent.code!];
    const names: CountName[] = code.sent ? ['sentCount'] : [];
    if (code.resultClass === 'delivered') {
      names.push('deliveredCount');
    }
    if (code.resultClass === 'bounced') {
      names.push('bouncedCount');
    }
    return names;
  }
  return [
    (
      {
        requested: 'requestCount',
        opened: 'openedCount',
        unsubscribed: 'unsubscribeCount',
        canceled: 'canceledCount',
      } as const
    )[sent.kind],
  ];
}

/** Rows of a time view: [bucket start, ...counts], and the totals. */
export function expectedTimeView(
  events: readonly SentEvent[],
  range: Range,
  axis: 'request' | 'send',
  filters: Filters = {}
) {
  const names = axis === 'request' ? REQUEST_COUNTS : SEND_COUNTS;
  const buckets = bucketsOf(range);
  const rows = new Map(buckets.starts.map((start) => [start, Object.fromEntries(names.map((name) => [name, 0]))]));
  const totals = Object.fromEntries(names.map((name) => [name, 0]));
  for (const sent of events) {
    const at = axis === 'request' ? sent.requestedAt : sent.sentAt;
    if (at === undefined || !buckets.counts(at) || !matches(sent, filters)) {
      continue;
    }
    for (const name of countsOf(sent).filter((counted) => names.includes(counted))) {
      rows.get(buckets.startOf(at))![name] += sent.count;
      totals[name] += sent.count;
    }
  }
  return { rows: [...rows].map(([start, counts]) => [start, ...names.map((name) => counts[name])]), totals };
}

const byCountThenName = (a: [string, number], b: [string, number]) =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Result events on the request date by domain or code: rows [name, count], series [start, name, count]. */
export function expectedDistribution(
  events: readonly SentEvent[],
  range: Range,
  dimension: 'domain' | 'code',
  top: number,
  filters: Filters = {}
) {
  const buckets = bucketsOf(range);
  const byName = new Map<string, number>();
  const byBucket = new Map<string, number>();
  for (const sent of events) {
    if (sent.kind !== 'result' || !buckets.counts(sent.requestedAt) || !matches(sent, filters)) {
      continue;
    }
    const name = dimension === 'domain' ? sent.domain : sent.code!;
    byName.set(name, (byName.get(name) ?? 0) + sent.count);
    const cell = `${buckets.startOf(sent.requestedAt)} ${name}`;
    byBucket.set(cell, (byBucket.get(cell) ?? 0) + sent.count);
  }
  const ranked = [...byName].sort(byCountThenName);
  const shown = ranked.slice(0, top);
  const rest = ranked.slice(top);
  const rows: Array<[string, number]> = [...shown];
  if (rest.length > 0) {
    rows.push(['(other)', rest.reduce((sum, [, count]) => sum + count, 0)]);
  }
  const cell = (start: number, name: string) => byBucket.get(`${start} ${name}`) ?? 0;
  const series = buckets.starts.flatMap((start) => [
    ...shown.map(([name]) => [start, name, cell(start, name)]),
    ...(rest.length > 0 ? [[start, '(other)', rest.reduce((sum, [name]) => sum + cell(start, name), 0)]] : []),
  ]);
  return { rows, series, total: ranked.reduce((sum, [, count]) => sum + count, 0) };
}

/** Sending-limit usage per local day of a month: requested minus canceled, on the request date. */
export function expectedLimitDays(events: readonly SentEvent[], tz: string, month: string): Array<[string, number]> {
  const start = DateTime.fromISO(`${month}-01`, { zone: tz });
  const days: Array<[string, number]> = [];
  for (let day = start; day < start.plus({ months: 1 }); day = day.plus({ days: 1 })) {
    const [from, to] = [day.toMillis(), day.plus({ days: 1 }).toMillis()];
    const volume = events
      .filter((sent) => sent.requestedAt >= from && sent.requestedAt < to)
      .reduce(
        (sum, sent) => sum + (sent.kind === 'requested' ? sent.count : sent.kind === 'canceled' ? -sent.count : 0),
        0
      );
    days.push([day.toISODate()!, volume]);
  }
  return days;
}
