import { localMidnight, localMonth, localTime, slotOf, slotStart } from './calendar';

describe('demo calendar (Asia/Seoul, UTC+9)', () => {
  it('places 2026-03-01T15:30Z on Monday 2026-03-02 00:30 in Seoul', () => {
    const local = localTime(Date.parse('2026-03-01T15:30:00Z'));
    expect(local).toMatchObject({ weekday: 1, hour: 0, day: 2, timeOfDayMs: 30 * 60_000 });
  });

  it('finds local midnights and months', () => {
    const ms = Date.parse('2026-03-31T16:00:00Z'); // 2026-04-01 01:00 in Seoul
    expect(new Date(localMidnight(ms)).toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(new Date(localMidnight(ms, 2)).toISOString()).toBe('2026-03-29T15:00:00.000Z');
    const month = localMonth(ms);
    expect(new Date(month.start).toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(new Date(month.end).toISOString()).toBe('2026-04-30T15:00:00.000Z');
  });

  it('cuts time into 15-minute slots', () => {
    const ms = Date.parse('2026-03-01T10:44:59.999Z');
    expect(new Date(slotStart(slotOf(ms))).toISOString()).toBe('2026-03-01T10:30:00.000Z');
  });
});
