import { RESULT_CODES } from '../../contract/resultCodes';
import { slotOf } from '../../scripts/demo/calendar';
import { BENCH_DOMAINS, BENCH_TEMPLATES, Picker, slotRecords, TAIL_DOMAIN_COUNT } from './traffic';

const NOW = Date.parse('2026-03-20T00:00:00Z');
const traffic = { seed: 'test', mailsPerDay: 20000, nowMs: NOW };
// Tuesday 2026-03-17 16:00 in Seoul: the weekly newsletter is requested.
const CAMPAIGN_SLOT = slotOf(Date.parse('2026-03-17T07:00:00Z'));
const NOON_SLOT = slotOf(Date.parse('2026-03-18T03:00:00Z'));

describe('benchmark traffic', () => {
  it('picks by weight', () => {
    let state = 0;
    const random = () => (state = (state + 0.1) % 1);
    const picker = new Picker([
      ['a', 1],
      ['b', 3],
      ['never', 0],
    ]);
    const picks = Array.from({ length: 10 }, () => picker.pick(random));
    expect(picks.filter((pick) => pick === 'a')).toHaveLength(2);
    expect(picks.filter((pick) => pick === 'b')).toHaveLength(8);
  });

  it('has the demo domains and templates plus a long tail', () => {
    expect(BENCH_DOMAINS).toHaveLength(16 + TAIL_DOMAIN_COUNT);
    expect(BENCH_DOMAINS.reduce((sum, [, weight]) => sum + weight, 0)).toBeCloseTo(1, 9);
    expect(BENCH_TEMPLATES.filter(([profile]) => profile.name?.startsWith('Partner notice'))).toHaveLength(40);
  });

  it('makes the same records from the same seed and slot', () => {
    expect(slotRecords(traffic, NOON_SLOT)).toEqual(slotRecords(traffic, NOON_SLOT));
    expect(slotRecords({ ...traffic, seed: 'other' }, NOON_SLOT)).not.toEqual(slotRecords(traffic, NOON_SLOT));
  });

  it('makes consistent events: results and opens after the send, nothing after now', () => {
    const records = [NOON_SLOT, CAMPAIGN_SLOT].flatMap((slot) => slotRecords(traffic, slot));
    const total = (type: string) => records.filter((record) => record.type === type).reduce((sum, record) => sum + record.count, 0);
    expect(total('requested')).toBeGreaterThan(1000);
    expect(total('canceled') + total('result')).toBeGreaterThanOrEqual(total('requested'));
    expect(total('opened')).toBeLessThan(total('result'));
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
    expect(Math.max(...records.filter((record) => record.template === '주간 뉴스레터').map((record) => record.count))).toBeGreaterThan(100);
  });
});
