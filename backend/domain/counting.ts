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

/** The same counters as countersOf, as key strings (the ingest hot path: no key objects). */
export function counterKeysOf(event: DeliveryEvent): string[] {
  const kind = kindOf(event);
  const code = event.resultCode ?? NO_CODE;
  return axesOf(event).map(
    ([axis, at]) => countsHead(event.account, axis, kind, code, event.template, event.domain) + bucketStart(at)
  );
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
