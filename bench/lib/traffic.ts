/**
 * Benchmark traffic: the demo's traffic model (scripts/demo/trafficModel.ts: its rhythm,
 * campaigns, result-code mix, incidents, opens and unsubscribes) widened by a long tail of
 * templates and recipient domains, the cardinality that pre-aggregated counters must survive.
 * The demo keeps every event as an object, too slow for ten million events; here a sink sums
 * identical recipient mails of one slot (same template, domain, code and times to the second)
 * under integer keys into one record with a `count`, as a mailer may report them.
 */
import { SLOT_MS, slotStart } from '../../scripts/demo/calendar';
import type { DemoEventType } from '../../scripts/demo/events';
import { DOMAINS, TRANSACTIONAL_TEMPLATES, type DomainProfile, type TemplateProfile } from '../../scripts/demo/profile';
import type { Weighted } from '../../scripts/demo/random';
import { addSlotMails } from '../../scripts/demo/slotMails';
import { trafficModel, type MailEventSink, type RecipientMail } from '../../scripts/demo/trafficModel';
import { RESULT_CODE_NAMES } from '../../contract/resultCodes';

/** `count` identical events (recipient mails) of one kind. */
export interface TrafficRecord {
  type: DemoEventType;
  template?: string;
  advertising: boolean;
  domain: string;
  resultCode?: string;
  requestedAt: number;
  sentAt?: number;
  count: number;
}

export interface BenchTraffic {
  seed: string;
  /** Average recipient mails requested per day, campaigns included. */
  mailsPerDay: number;
  /** Events after this instant have not happened yet and are left out (opens of recent mail). */
  nowMs: number;
}

const zipf = <T>(items: T[], offset: number): Weighted<T> => items.map((item, rank) => [item, 1 / (rank + offset)]);
const totalWeight = <T>(weighted: Weighted<T>): number => weighted.reduce((sum, [, weight]) => sum + weight, 0);
/** The head keeps its shares among itself and gets 1 - tailShare; the tail shares tailShare by Zipf's law. */
function withTail<T>(head: Weighted<T>, tail: T[], zipfOffset: number, tailShare: number): Weighted<T> {
  const headWeight = totalWeight(head);
  const tailWeights = zipf(tail, zipfOffset);
  const tailWeight = totalWeight(tailWeights);
  return [
    ...head.map(([item, weight]) => [item, (weight / headWeight) * (1 - tailShare)] as const),
    ...tailWeights.map(([item, weight]) => [item, (weight / tailWeight) * tailShare] as const),
  ];
}

/** Share of mail going to the long tail of small (mostly business) domains. */
export const TAIL_DOMAIN_SHARE = 0.15;
export const TAIL_DOMAIN_COUNT = 2000;
/** Share of transactional mail made from the long tail of templates. */
export const TAIL_TEMPLATE_SHARE = 0.4;
export const TAIL_TEMPLATE_COUNT = 40;
const TAIL_KINDS = ['corp', 'shop', 'univ', 'clinic', 'studio', 'law', 'farm', 'media'];

const tailDomains: DomainProfile[] = Array.from({ length: TAIL_DOMAIN_COUNT }, (_unused, i) => ({
  domain: `${TAIL_KINDS[i % TAIL_KINDS.length]}-${i + 1}.example.co.kr`,
  kind: 'mailbox',
}));
export const BENCH_DOMAINS = withTail(DOMAINS, tailDomains, 10, TAIL_DOMAIN_SHARE);

const tailTemplates: TemplateProfile[] = Array.from({ length: TAIL_TEMPLATE_COUNT }, (_unused, i) => ({
  name: `Partner notice ${i + 1}`,
  advertising: i % 5 === 4,
  openRate: 0.3 + (i % 7) * 0.05,
}));
/** The transactional templates: the demo's and the tail. */
export const BENCH_TEMPLATES = withTail(TRANSACTIONAL_TEMPLATES, tailTemplates, 2, TAIL_TEMPLATE_SHARE);

/** Requests to the second; identical mails within one second are one record. */
export const BENCH_MODEL = trafficModel({
  domains: BENCH_DOMAINS,
  transactionalTemplates: BENCH_TEMPLATES,
  requestStepMs: 1000,
});

/** Event kinds as small numbers: the other types, then `result` with each code. */
const KINDS: ReadonlyArray<{ type: DemoEventType; resultCode?: string }> = [
  { type: 'requested' },
  { type: 'canceled' },
  { type: 'opened' },
  { type: 'unsubscribed' },
  ...RESULT_CODE_NAMES.map((resultCode) => ({ type: 'result' as const, resultCode })),
];
const KIND_OF_TYPE = new Map(KINDS.slice(0, 4).map(({ type }, index) => [type, index]));
const KIND_OF_CODE = new Map(RESULT_CODE_NAMES.map((code, index) => [code, 4 + index]));
const REQUEST_SECONDS = SLOT_MS / 1000;
const MAX_SEND_DELAY_S = 2 ** 20;
const TEMPLATE_COUNT = BENCH_MODEL.templates.length;
const DOMAIN_COUNT = BENCH_MODEL.domains.length;

/**
 * Sums identical events of one slot, leaving out those after `nowMs`. The key packs kind,
 * template, domain, the request's second within the slot and the send delay in seconds
 * into one number below 2^53.
 */
class RecordSums implements MailEventSink {
  private readonly counts = new Map<number, number>();
  constructor(
    private readonly slotStartMs: number,
    private readonly nowMs: number
  ) {}

  add(type: DemoEventType, mail: RecipientMail, at: number, sentAt?: number, resultCode?: string): void {
    if (at > this.nowMs) {
      return;
    }
    const kind = resultCode === undefined ? KIND_OF_TYPE.get(type)! : KIND_OF_CODE.get(resultCode)!;
    const requestSecond = (mail.requestedAt - this.slotStartMs) / 1000;
    const sendDelay = sentAt === undefined ? 0 : (sentAt - mail.requestedAt) / 1000 + 1;
    const key =
      (((kind * TEMPLATE_COUNT + mail.template) * DOMAIN_COUNT + mail.domain) * REQUEST_SECONDS + requestSecond) *
        MAX_SEND_DELAY_S +
      sendDelay;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  all(): TrafficRecord[] {
    const records: TrafficRecord[] = [];
    for (const [key, count] of this.counts) {
      const sendDelay = key % MAX_SEND_DELAY_S;
      let rest = (key - sendDelay) / MAX_SEND_DELAY_S;
      const requestSecond = rest % REQUEST_SECONDS;
      rest = (rest - requestSecond) / REQUEST_SECONDS;
      const domain = rest % DOMAIN_COUNT;
      rest = (rest - domain) / DOMAIN_COUNT;
      const template = BENCH_MODEL.templates[rest % TEMPLATE_COUNT];
      const kind = KINDS[Math.floor(rest / TEMPLATE_COUNT)];
      const requestedAt = this.slotStartMs + requestSecond * 1000;
      const record: TrafficRecord = {
        type: kind.type,
        advertising: template.advertising,
        domain: BENCH_MODEL.domains[domain].domain,
        requestedAt,
        count,
      };
      if (template.name !== undefined) {
        record.template = template.name;
      }
      if (kind.resultCode !== undefined) {
        record.resultCode = kind.resultCode;
      }
      if (sendDelay > 0) {
        record.sentAt = requestedAt + (sendDelay - 1) * 1000;
      }
      records.push(record);
    }
    return records;
  }
}

/** The records of one 15-minute slot, made from the seed and the slot number alone. */
export function slotRecords(traffic: BenchTraffic, slot: number): TrafficRecord[] {
  const sums = new RecordSums(slotStart(slot), traffic.nowMs);
  addSlotMails(BENCH_MODEL, { seed: traffic.seed, rate: traffic.mailsPerDay }, slot, sums);
  return sums.all();
}
