import { RESULT_CODES } from '../../contract/resultCodes';
import { DAY_MS, localTime, SLOT_MS, slotOf, slotStart } from '../../scripts/demo/calendar';
import { seededRandom } from '../../scripts/demo/random';
import { addSlotMails } from '../../scripts/demo/slotMails';
import { DEFERRED_CODES, FAILING_FATES, INCIDENT, MAILBOX_FATES } from '../../scripts/demo/profile';
import {
  BENCH_DOMAINS,
  BENCH_MODEL,
  BENCH_TEMPLATES,
  slotRecords,
  TAIL_DOMAIN_COUNT,
  type TrafficRecord,
} from './traffic';

const NOW = Date.parse('2026-03-20T00:00:00Z');
const traffic = { seed: 'test', mailsPerDay: 20000, nowMs: NOW };
// Tuesday 2026-03-17 16:00 in Seoul: the weekly newsletter is requested.
const CAMPAIGN_SLOT = slotOf(Date.parse('2026-03-17T07:00:00Z'));
const NOON_SLOT = slotOf(Date.parse('2026-03-18T03:00:00Z'));
const total = (records: TrafficRecord[]) => records.reduce((sum, record) => sum + record.count, 0);

describe('benchmark traffic', () => {
  it('has the demo domains and templates plus a long tail, shared by Zipf', () => {
    expect(BENCH_DOMAINS).toHaveLength(16 + TAIL_DOMAIN_COUNT);
    expect(BENCH_DOMAINS.reduce((sum, [, weight]) => sum + weight, 0)).toBeCloseTo(1, 9);
    // The demo's domain weights add up to 0.972; they keep their shares of the head's 85 %.
    expect(BENCH_DOMAINS[0][0]).toEqual({ domain: 'naver.com', kind: 'mailbox' });
    expect(BENCH_DOMAINS[0][1]).toBeCloseTo((0.36 / 0.972) * 0.85, 12);
    let harmonic = 0;
    for (let rank = 0; rank < 2000; rank++) {
      harmonic += 1 / (rank + 10);
    }
    expect(BENCH_DOMAINS[16][1]).toBeCloseTo((0.15 * (1 / 10)) / harmonic, 12);
    expect(BENCH_DOMAINS[16][1] / BENCH_DOMAINS[17][1]).toBeCloseTo(11 / 10, 12);
    expect(BENCH_TEMPLATES.filter(([profile]) => profile.name?.startsWith('Partner notice'))).toHaveLength(40);
    // The demo's order confirmation keeps its 42 % of the head's 60 %.
    expect(BENCH_TEMPLATES[2][1]).toBeCloseTo(0.42 * 0.6, 12);
  });

  it('makes the same records from the same seed and slot', () => {
    expect(slotRecords(traffic, NOON_SLOT)).toEqual(slotRecords(traffic, NOON_SLOT));
    expect(slotRecords({ ...traffic, seed: 'other' }, NOON_SLOT)).not.toEqual(slotRecords(traffic, NOON_SLOT));
  });

  it("sums the model's events into records, none lost and none after now", () => {
    const countedBy = (nowMs: number) => {
      const counts = new Map<string, number>();
      addSlotMails(BENCH_MODEL, { seed: traffic.seed, rate: traffic.mailsPerDay }, CAMPAIGN_SLOT, {
        add: (type, _mail, at) => at <= nowMs && counts.set(type, (counts.get(type) ?? 0) + 1),
      });
      return counts;
    };
    const summedBy = (nowMs: number) => {
      const sums = new Map<string, number>();
      for (const record of slotRecords({ ...traffic, nowMs }, CAMPAIGN_SLOT)) {
        sums.set(record.type, (sums.get(record.type) ?? 0) + record.count);
      }
      return sums;
    };
    // The newsletter requested in this slot goes out two days later: before NOW, not all its opens.
    expect(summedBy(Infinity)).toEqual(countedBy(Infinity));
    expect(summedBy(NOW)).toEqual(countedBy(NOW));
    expect(summedBy(NOW).get('opened')).toBeLessThan(summedBy(Infinity).get('opened')!);
  });

  it('makes consistent events: results and opens after the send, nothing after now', () => {
    const records = [NOON_SLOT, CAMPAIGN_SLOT].flatMap((slot) => slotRecords(traffic, slot));
    const ofType = (type: string) => total(records.filter((record) => record.type === type));
    expect(ofType('requested')).toBeGreaterThan(1000);
    expect(ofType('canceled') + ofType('result')).toBeGreaterThanOrEqual(ofType('requested'));
    expect(ofType('opened')).toBeLessThan(ofType('result'));
    for (const record of records) {
      expect(record.count).toBeGreaterThanOrEqual(1);
      expect(record.requestedAt % 1000).toBe(0);
      if (record.type === 'result') {
        expect(RESULT_CODES.has(record.resultCode!)).toBe(true);
      }
      if (['result', 'opened', 'unsubscribed'].includes(record.type)) {
        expect(record.sentAt).toBeGreaterThan(record.requestedAt);
        expect(record.sentAt).toBeLessThanOrEqual(NOW);
      } else {
        expect(record.sentAt).toBeUndefined();
      }
    }
    // The campaign's identical mails come as counted records.
    expect(
      Math.max(...records.filter((record) => record.template === '주간 뉴스레터').map((record) => record.count))
    ).toBeGreaterThan(100);
  });

  it("takes its result codes from the demo's mix, incidents included", () => {
    const profileCodes = new Set([
      ...MAILBOX_FATES.flatMap(([fate]) => fate.map((attempt) => attempt.code)),
      ...Object.values(FAILING_FATES).flatMap((fates) =>
        fates.flatMap(([fate]) => fate.map((attempt) => attempt.code))
      ),
      ...DEFERRED_CODES.map(([code]) => code),
      INCIDENT.code,
    ]);
    // Noon of 40 days. A day is an incident day when the second draw of its own random stream
    // falls below INCIDENT.chancePerDay; then INCIDENT.share of the incident domain's mail is
    // rejected by policy, against about 0.1 % on other days.
    const slots = Array.from({ length: 40 }, (_unused, day) => NOON_SLOT - day * (DAY_MS / SLOT_MS));
    const isIncidentDay = (slot: number) => {
      const random = seededRandom(`${traffic.seed}:day:${localTime(slotStart(slot)).dayNumber}`);
      random();
      return random() < INCIDENT.chancePerDay;
    };
    const policyShare = (records: TrafficRecord[], domain: string) => {
      const results = records.filter((record) => record.type === 'result' && record.domain === domain);
      return total(results.filter((record) => record.resultCode === INCIDENT.code)) / total(results);
    };
    const rejectedDays: number[] = [];
    for (const slot of slots) {
      const records = slotRecords({ ...traffic, nowMs: Infinity }, slot);
      for (const record of records.filter((each) => each.type === 'result')) {
        expect(profileCodes.has(record.resultCode!)).toBe(true);
      }
      expect(policyShare(records, 'naver.com')).toBeLessThan(0.05);
      if (policyShare(records, INCIDENT.domain) > 0.1) {
        rejectedDays.push(slot);
      }
    }
    expect(rejectedDays.length).toBeGreaterThan(0);
    expect(rejectedDays).toEqual(slots.filter(isIncidentDay));
  });
});
