/**
 * Benchmark traffic: recipient mails shaped like the demo's (scripts/demo/profile.ts: daily
 * rhythm, weekly and monthly campaigns with cancellations, the result-code mix, opens days
 * later, unsubscribes) plus a long tail of templates and recipient domains, the cardinality
 * that pre-aggregated counters must survive. The demo's own generator keeps every event as
 * an object and is too slow for ten million events; this one keeps small integer-keyed maps.
 * Identical recipient mails of one slot (same template, domain, code and times to the
 * second) become one record with a `count`, as a mailer may report them.
 */
import { localTime, slotStart, SLOT_MS } from '../../scripts/demo/calendar';
import {
  ANY_DEFERRED,
  CAMPAIGN_DOMAIN_STAGGER_MS,
  CAMPAIGNS,
  DEFERRED_CODES,
  DOMAINS,
  FAILING_FATES,
  MAILBOX_FATES,
  OPEN_DELAYS,
  SEND_DELAY_MS,
  TRANSACTIONAL_TEMPLATES,
  UNSUBSCRIBE,
  type CampaignProfile,
  type DomainProfile,
  type Fate,
  type TemplateProfile,
} from '../../scripts/demo/profile';
import { roundRandomly, seededRandom, type Random, type Weighted } from '../../scripts/demo/random';
import { expectedTransactional } from '../../scripts/demo/slotEvents';
import { RESULT_CODE_NAMES, resultCodeDefinition } from '../../contract/resultCodes';

export type RecordType = 'requested' | 'result' | 'opened' | 'unsubscribed' | 'canceled';

/** `count` identical events (recipient mails) of one kind. */
export interface TrafficRecord {
  type: RecordType;
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

/** Weighted picks by binary search over cumulative weights: the hot loop of the generator. */
export class Picker<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  constructor(weighted: Weighted<T>) {
    this.items = weighted.map(([item]) => item);
    let total = 0;
    this.cumulative = weighted.map(([, weight]) => (total += weight));
  }
  pick(random: Random): T {
    const target = random() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] <= target) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return this.items[low];
  }
}

const zipf = <T>(items: T[], offset: number): Weighted<T> => items.map((item, rank) => [item, 1 / (rank + offset)]);

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
const headWeight = DOMAINS.reduce((sum, [, weight]) => sum + weight, 0);
const tailWeights = zipf(tailDomains, 10);
const tailWeight = tailWeights.reduce((sum, [, weight]) => sum + weight, 0);
/** Demo domains keep their shares of the head; the tail shares TAIL_DOMAIN_SHARE by Zipf's law. */
export const BENCH_DOMAINS: Weighted<DomainProfile> = [
  ...DOMAINS.map(([profile, weight]) => [profile, (weight / headWeight) * (1 - TAIL_DOMAIN_SHARE)] as const),
  ...tailWeights.map(([profile, weight]) => [profile, (weight / tailWeight) * TAIL_DOMAIN_SHARE] as const),
];

const tailTemplates: TemplateProfile[] = Array.from({ length: TAIL_TEMPLATE_COUNT }, (_unused, i) => ({
  name: `Partner notice ${i + 1}`,
  advertising: i % 5 === 4,
  openRate: 0.3 + (i % 7) * 0.05,
}));
const tailTemplateWeights = zipf(tailTemplates, 2);
const tailTemplateWeight = tailTemplateWeights.reduce((sum, [, weight]) => sum + weight, 0);
export const BENCH_TEMPLATES: Weighted<TemplateProfile> = [
  ...TRANSACTIONAL_TEMPLATES.map(([profile, weight]) => [profile, weight * (1 - TAIL_TEMPLATE_SHARE)] as const),
  ...tailTemplateWeights.map(([profile, weight]) => [profile, (weight / tailTemplateWeight) * TAIL_TEMPLATE_SHARE] as const),
  // Campaign templates are only used by their campaigns.
  ...CAMPAIGNS.map(({ template }) => [template, 0] as const),
];

const domainIndexes = new Picker(BENCH_DOMAINS.map(([, weight], index) => [index, weight] as const));
const templateIndexes = new Picker(BENCH_TEMPLATES.map(([, weight], index) => [index, weight] as const));
const mailboxFates = new Picker(MAILBOX_FATES);
const failingFates = {
  nonexistent: new Picker(FAILING_FATES.nonexistent),
  defunct: new Picker(FAILING_FATES.defunct),
};
const deferredCodes = new Picker(DEFERRED_CODES);
const openDelays = new Picker(OPEN_DELAYS);
const DAYS_PER_MONTH = 365.25 / 12;
/** Campaign sends are staggered over the head domains; tail domains go out with the last of them. */
const MAX_STAGGER_STEPS = DOMAINS.length;

/** Event kinds as small numbers: the other types, then `result` with each code. */
const KINDS: ReadonlyArray<{ type: RecordType; resultCode?: string }> = [
  { type: 'requested' },
  { type: 'canceled' },
  { type: 'opened' },
  { type: 'unsubscribed' },
  ...RESULT_CODE_NAMES.map((resultCode) => ({ type: 'result' as const, resultCode })),
];
const [REQUESTED, CANCELED, OPENED, UNSUBSCRIBED] = [0, 1, 2, 3];
const RESULT_KIND = new Map(RESULT_CODE_NAMES.map((code, index) => [code, 4 + index]));
const MAX_SEND_DELAY_S = 2 ** 20;

/**
 * Sums identical events of one slot. The key packs kind, template, domain, the request's
 * second within the slot and the send delay in seconds into one number below 2^53.
 */
class RecordSums {
  private readonly counts = new Map<number, number>();
  constructor(private readonly slotStartMs: number) {}
  add(kind: number, mail: Mail, sentAt: number | undefined): void {
    const requestSecond = (mail.requestedAt - this.slotStartMs) / 1000;
    const sendDelay = sentAt === undefined ? 0 : (sentAt - mail.requestedAt) / 1000 + 1;
    const key = (((kind * BENCH_TEMPLATES.length + mail.template) * BENCH_DOMAINS.length + mail.domain) * 900 + requestSecond) * MAX_SEND_DELAY_S + sendDelay;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  all(): TrafficRecord[] {
    const records: TrafficRecord[] = [];
    for (const [key, count] of this.counts) {
      const sendDelay = key % MAX_SEND_DELAY_S;
      let rest = (key - sendDelay) / MAX_SEND_DELAY_S;
      const requestSecond = rest % 900;
      rest = (rest - requestSecond) / 900;
      const domain = rest % BENCH_DOMAINS.length;
      rest = (rest - domain) / BENCH_DOMAINS.length;
      const template = rest % BENCH_TEMPLATES.length;
      const kind = KINDS[(rest - template) / BENCH_TEMPLATES.length];
      const [templateProfile] = BENCH_TEMPLATES[template];
      const requestedAt = this.slotStartMs + requestSecond * 1000;
      const record: TrafficRecord = {
        type: kind.type,
        advertising: templateProfile.advertising,
        domain: BENCH_DOMAINS[domain][0].domain,
        requestedAt,
        count,
      };
      if (templateProfile.name !== undefined) {
        record.template = templateProfile.name;
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

/** A recipient mail; template and domain are indexes into BENCH_TEMPLATES and BENCH_DOMAINS. */
interface Mail {
  template: number;
  domain: number;
  requestedAt: number;
  sendAt: number;
  canceled: boolean;
}

function pickFate(random: Random, mail: Mail): Fate {
  const domain = BENCH_DOMAINS[mail.domain][0];
  if (domain.kind !== 'mailbox') {
    return failingFates[domain.kind].pick(random);
  }
  const fate = mailboxFates.pick(random);
  const code = fate[fate.length - 1].code;
  const template = BENCH_TEMPLATES[mail.template][0];
  // UNSUBSCRIBE_ADDRESS only hits advertising mail and TEST_MAIL_SEND has no template (profile.ts).
  const impossible = (code === 'UNSUBSCRIBE_ADDRESS' && !template.advertising) || (code === 'TEST_MAIL_SEND' && template.name !== undefined);
  return impossible ? [{ code: 'MAIL_SENT', afterMs: 0 }] : fate;
}

function addMail(random: Random, mail: Mail, sums: RecordSums, nowMs: number): void {
  sums.add(REQUESTED, mail, undefined);
  if (mail.canceled) {
    sums.add(CANCELED, mail, undefined);
    return;
  }
  let sentAt = mail.sendAt;
  let finalCode = '';
  for (const attempt of pickFate(random, mail)) {
    sentAt = mail.sendAt + attempt.afterMs;
    if (sentAt > nowMs) {
      return;
    }
    finalCode = attempt.code === ANY_DEFERRED ? deferredCodes.pick(random) : attempt.code;
    sums.add(RESULT_KIND.get(finalCode)!, mail, sentAt);
  }
  const template = BENCH_TEMPLATES[mail.template][0];
  if (resultCodeDefinition(finalCode)?.resultClass !== 'delivered' || random() >= template.openRate) {
    return;
  }
  const openedAt = sentAt + openDelays.pick(random);
  if (openedAt > nowMs) {
    return;
  }
  sums.add(OPENED, mail, sentAt);
  if (template.advertising && random() < UNSUBSCRIBE.rate && openedAt + UNSUBSCRIBE.afterOpenMs <= nowMs) {
    sums.add(UNSUBSCRIBED, mail, sentAt);
  }
}

function campaignRequestedIn(campaign: CampaignProfile, slotMs: number): boolean {
  const local = localTime(slotMs);
  if (local.timeOfDayMs !== campaign.requestAtMs) {
    return false;
  }
  const { schedule } = campaign;
  return schedule.every === 'week' ? local.weekday === schedule.requestWeekday : local.day === schedule.requestDay;
}

const campaignTemplate = new Map(CAMPAIGNS.map((campaign) => [campaign, BENCH_TEMPLATES.findIndex(([profile]) => profile === campaign.template)]));

function addCampaign(random: Random, traffic: BenchTraffic, campaign: CampaignProfile, requestedAt: number, sums: RecordSums): void {
  const periodDays = campaign.schedule.every === 'week' ? 7 : DAYS_PER_MONTH;
  const mails = roundRandomly(random, traffic.mailsPerDay * campaign.volumeShare * periodDays);
  const [minCanceled, maxCanceled] = campaign.canceledShare;
  const canceledShare = random() < campaign.cancelChance ? minCanceled + (maxCanceled - minCanceled) * random() : 0;
  for (let i = 0; i < mails; i++) {
    const domain = domainIndexes.pick(random);
    const mail = {
      template: campaignTemplate.get(campaign)!,
      domain,
      requestedAt,
      sendAt: requestedAt + campaign.sendAfterMs + Math.min(domain, MAX_STAGGER_STEPS) * CAMPAIGN_DOMAIN_STAGGER_MS,
      canceled: random() < canceledShare,
    };
    addMail(random, mail, sums, traffic.nowMs);
  }
}

/** The records of one 15-minute slot, made from the seed and the slot number alone. */
export function slotRecords(traffic: BenchTraffic, slot: number): TrafficRecord[] {
  const random = seededRandom(`${traffic.seed}:${slot}`);
  const start = slotStart(slot);
  const sums = new RecordSums(start);
  const mails = roundRandomly(random, expectedTransactional(traffic.mailsPerDay, localTime(start)));
  for (let i = 0; i < mails; i++) {
    // Requests arrive to the second; identical mails within one second are one record.
    const requestedAt = start + Math.floor(random() * (SLOT_MS / 1000)) * 1000;
    const mail = {
      template: templateIndexes.pick(random),
      domain: domainIndexes.pick(random),
      requestedAt,
      sendAt: requestedAt + SEND_DELAY_MS,
      canceled: false,
    };
    addMail(random, mail, sums, traffic.nowMs);
  }
  for (const campaign of CAMPAIGNS) {
    if (campaignRequestedIn(campaign, start)) {
      addCampaign(random, traffic, campaign, start, sums);
    }
  }
  return sums.all();
}
