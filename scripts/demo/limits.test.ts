import { DAY_MS, localMonth, localTime, slotOf } from './calendar';
import { demoLimits, MONTH_END_SHARE, PEAK_DAY_SHARE } from './limits';
import { slotEvents } from './slotEvents';

describe('demoLimits', () => {
  it('sets limits that the current month and its busiest day approach', () => {
    const traffic = { seed: 'limits', rate: 1000 };
    const now = Date.parse('2026-11-20T03:00:00Z');
    const limits = demoLimits(traffic, now);
    // Usage recomputed independently: requested - canceled of every event requested in November (Seoul).
    const month = localMonth(now);
    const byDay = new Map<number, number>();
    for (let slot = slotOf(month.start); slot < slotOf(month.end); slot++) {
      for (const { event } of slotEvents(traffic, slot)) {
        const day = localTime(Date.parse(event.requestedAt)).dayNumber;
        const change = { requested: event.count, canceled: -event.count }[event.type as string] ?? 0;
        byDay.set(day, (byDay.get(day) ?? 0) + change);
      }
    }
    const usage = [...byDay.values()].reduce((a, b) => a + b, 0);
    expect(byDay.size).toBe(30);
    expect(limits.monthUsage).toBe(usage);
    expect(limits.peakDayUsage).toBe(Math.max(...byDay.values()));
    expect(limits.monthly % 1000).toBe(0);
    expect(limits.monthUsage / limits.monthly).toBeLessThanOrEqual(MONTH_END_SHARE);
    expect(limits.monthUsage / limits.monthly).toBeGreaterThan(MONTH_END_SHARE - 0.05);
    expect(limits.peakDayUsage / limits.daily).toBeLessThanOrEqual(PEAK_DAY_SHARE);
    expect(limits.monthUsage).toBeGreaterThan(25 * traffic.rate);
    expect(month.end - month.start).toBe(30 * DAY_MS);
  });
});
