/**
 * Counting rules: which counters an event adds to, and which counts a stored counter
 * (kind, result code) feeds (domain.md, "Counts").
 */
import { countsHead, type Axis, type CounterKey } from '../storage/counterKeys';
import { COUNTS_MEASUREMENT } from '../storage/schema';
import type { DeliveryEvent } from './events';
import { RESULT_CODES } from '../contract/resultCodes';
import { bucketStart } from './timestamps';
import type { CountMetric, Counts } from '../contract/views';

export const NO_CODE = '-';
/** Counter kind of opened events marked `machine`: kept apart so that openedCount counts people only. */
export const MACHINE_OPENED_KIND = 'machine_opened';
/** Counter kinds placed on the send date too (events that carry sentAt). */
export const SEND_AXIS_KINDS: readonly string[] = [
  'result',
  'opened',
  MACHINE_OPENED_KIND,
  'unsubscribed',
  'complained',
];

/** Every event counts on its request date; events about a sent mail count on its send date too. */
export function countersOf(event: DeliveryEvent): CounterKey[] {
  const base = {
    measurement: COUNTS_MEASUREMENT,
    account: event.account,
    kind: kindOf(event),
    code: event.resultCode ?? NO_CODE,
    template: event.template,
    domain: event.domain,
  };
  return axesOf(event).map(([axis, at]) => ({ ...base, axis, bucket: bucketStart(at) }));
}

/**
 * Detailed key strings found by their parts instead of built per event: one string object per
 * counter, whose hash V8 computes once, so summing a batch by key (and the log record, and the
 * checkpoint) reads the cached hash instead of joining, flattening and hashing 90 characters
 * twice per event. Bounded: cleared whole past MAX_CACHED_KEYS (ordered traffic moves on to
 * new buckets, so old keys stop being asked for).
 */
const MAX_CACHED_KEYS = 100_000;

/** One head's keys by bucket start. */
class HeadKeys {
  readonly byBucket = new Map<number, string>();
  constructor(readonly head: string) {}
}

type Branch<T> = Map<string, T>;

const newBranch = () => new Map();

function branch<T>(map: Branch<T>, part: string, make: () => T): T {
  let found = map.get(part);
  if (found === undefined) {
    found = make();
    map.set(part, found);
  }
  return found;
}

/** account → kind → code → template → domain → [request-date keys, send-date keys] */
let cachedKeys: Branch<Branch<Branch<Branch<Branch<[HeadKeys, HeadKeys]>>>>> = new Map();
let cachedKeyCount = 0;

function keyOf(heads: HeadKeys, at: number): string {
  const bucket = bucketStart(at);
  let key = heads.byBucket.get(bucket);
  if (key === undefined) {
    key = heads.head + bucket;
    heads.byBucket.set(bucket, key);
    cachedKeyCount++;
  }
  return key;
}

/** The same counters as countersOf, as key strings (the ingest hot path: no key objects). */
export function counterKeysOf(event: DeliveryEvent): string[] {
  if (cachedKeyCount >= MAX_CACHED_KEYS) {
    cachedKeys = new Map();
    cachedKeyCount = 0;
  }
  const { account, template, domain } = event;
  const kind = kindOf(event);
  const code = event.resultCode ?? NO_CODE;
  const byCode = branch(branch(cachedKeys, account, newBranch), kind, newBranch);
  const byDomain = branch(branch(byCode, code, newBranch), template, newBranch);
  const [request, send] = branch(byDomain, domain, (): [HeadKeys, HeadKeys] => [
    new HeadKeys(countsHead(account, 'request', kind, code, template, domain)),
    new HeadKeys(countsHead(account, 'send', kind, code, template, domain)),
  ]);
  const requestKey = keyOf(request, event.requestedAt);
  return event.sentAt === undefined ? [requestKey] : [requestKey, keyOf(send, event.sentAt)];
}

const kindOf = (event: DeliveryEvent) => (event.machine ? MACHINE_OPENED_KIND : event.type);

function axesOf(event: DeliveryEvent): Array<[Axis, number]> {
  return event.sentAt === undefined
    ? [['request', event.requestedAt]]
    : [
        ['request', event.requestedAt],
        ['send', event.sentAt],
      ];
}

const KIND_METRIC: Readonly<Record<string, CountMetric>> = {
  requested: 'requestCount',
  opened: 'openedCount',
  [MACHINE_OPENED_KIND]: 'machineOpenedCount',
  unsubscribed: 'unsubscribeCount',
  complained: 'complaintCount',
  canceled: 'canceledCount',
};

/** The counts a stored counter of this kind and code feeds. */
export function metricsOf(kind: string, code: string): CountMetric[] {
  if (kind !== 'result') {
    const metric = KIND_METRIC[kind];
    return metric ? [metric] : [];
  }
  const definition = RESULT_CODES.get(code);
  if (!definition) {
    return [];
  }
  const metrics: CountMetric[] = definition.countsAsSent ? ['sentCount'] : [];
  if (definition.resultClass === 'delivered') {
    metrics.push('deliveredCount');
  } else if (definition.resultClass === 'bounced') {
    metrics.push('bouncedCount');
  }
  return metrics;
}

export function addCounter(counts: Counts, kind: string, code: string, n: number): void {
  for (const metric of metricsOf(kind, code)) {
    counts[metric] += n;
  }
}
