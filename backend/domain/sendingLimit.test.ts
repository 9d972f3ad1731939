import { DateTime } from 'luxon';
import { buildMonth, monthStarts, projectMonthEnd, trailingDailyAverage } from './sendingLimit';

const NO_LIMITS = { monthly: null, daily: null, changeRequestUrl: null };
const utcDay = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Daily volumes keyed like the view's (local day starts, here UTC): `volumes(['2026-11-01', 40], ...)`. */
const volumes = (...days: Array<[string, number]>) => new Map(days.map(([date, volume]) => [utcDay(date), volume]));

/** The same volume on each day of [first, last]. */
function everyDay(first: string, last: string, volume: number): Array<[string, number]> {
  const days: Array<[string, number]> = [];
  for (let day = utcDay(first); day <= utcDay(last); day += 86_400_000) {
    days.push([new Date(day).toISOString().slice(0, 10), volume]);
  }
  return days;
}

const projected = (month: string, byDay: Map<number, number>, now: string) =>
  buildMonth(DateTime.fromISO(`${month}-01`, { zone: 'UTC' }), byDay, NO_LIMITS, Date.parse(now)).projected;

describe('the month-end projection: usage so far plus the trailing 7-day daily average for the days left', () => {
  it('first day of the month, with history: a big request today is counted once, not 31 times', () => {
    // Nov 24-30: 2,000 a day. Dec 1: a 60,000 campaign requested (scheduled for Dec 4).
    const byDay = volumes(...everyDay('2026-11-24', '2026-11-30', 2000), ['2026-12-01', 60_000]);
    // 60,000 + 30 days (Dec 2-31) x 2,000.
    expect(projected('2026-12', byDay, '2026-12-01T15:00:00Z')).toBe(120_000);
  });

  it('first day of the month, without history: only what is known', () => {
    expect(projected('2026-12', volumes(['2026-12-01', 5000]), '2026-12-01T12:00:00Z')).toBe(5000);
    expect(projected('2026-12', volumes(), '2026-12-01T00:00:00Z')).toBe(0);
  });

  it('mid-month, with history: today counts as at least an average day', () => {
    const byDay = volumes(...everyDay('2026-11-01', '2026-11-14', 1000), ['2026-11-15', 200]);
    // 14,200 used + 800 more today + 15 days (Nov 16-30) x 1,000.
    expect(projected('2026-11', byDay, '2026-11-15T06:00:00Z')).toBe(30_000);
  });

  it('mid-month, with a short history: averaged from the first day that had volume', () => {
    const byDay = volumes(['2026-11-13', 300], ['2026-11-14', 500], ['2026-11-15', 100]);
    // Average of Nov 13-14 = 400: 900 used + 300 more today + 15 x 400.
    expect(projected('2026-11', byDay, '2026-11-15T06:00:00Z')).toBe(7200);
    expect(projected('2026-11', volumes(['2026-11-15', 100]), '2026-11-15T06:00:00Z')).toBe(100);
  });

  it('last day of the month, with and without history', () => {
    const history = [...everyDay('2026-11-01', '2026-11-22', 500), ...everyDay('2026-11-23', '2026-11-29', 700)];
    // 11,000 + 4,900 + 1,000 today, already above the 700 average; no day left.
    expect(projected('2026-11', volumes(...history, ['2026-11-30', 1000]), '2026-11-30T18:00:00Z')).toBe(16_900);
    // 15,900 + 100 today + 600 more to reach the average.
    expect(projected('2026-11', volumes(...history, ['2026-11-30', 100]), '2026-11-30T18:00:00Z')).toBe(16_600);
    expect(projected('2026-11', volumes(['2026-11-30', 1000]), '2026-11-30T18:00:00Z')).toBe(1000);
  });

  it('a past month is what was used; a month ahead is the average for each of its days', () => {
    const byDay = volumes(...everyDay('2026-10-01', '2026-11-14', 1000));
    expect(projected('2026-10', byDay, '2026-11-15T06:00:00Z')).toBe(31_000);
    expect(projected('2026-12', byDay, '2026-11-15T06:00:00Z')).toBe(31 * 1000);
  });

  it('days whose cancellations outweigh their requests never make the average negative', () => {
    const byDay = volumes(['2026-11-13', 300], ['2026-11-14', -500], ['2026-11-15', 50]);
    expect(trailingDailyAverage(byDay, DateTime.fromISO('2026-11-15', { zone: 'UTC' }))).toBe(0);
    expect(projected('2026-11', byDay, '2026-11-15T06:00:00Z')).toBe(-150);
  });

  it('keeps the usage of an ended month', () => {
    expect(
      projectMonthEnd({ used: 300, usedToday: 0, daysAfterToday: 0, dailyAverage: 50, ended: true, current: false })
    ).toBe(300);
  });
});

test('months count back from the chosen month, in the zone', () => {
  expect(monthStarts('2026-01', 3, 'Asia/Seoul').map((month) => month.toISO())).toEqual([
    '2025-11-01T00:00:00.000+09:00',
    '2025-12-01T00:00:00.000+09:00',
    '2026-01-01T00:00:00.000+09:00',
  ]);
});

test('the current month lists days up to today, with cumulative volume and shares of the limits', () => {
  const start = DateTime.fromISO('2026-11-01', { zone: 'UTC' });
  const volume = new Map([
    [Date.parse('2026-11-01T00:00:00Z'), 40],
    [Date.parse('2026-11-03T00:00:00Z'), 20],
  ]);
  const month = buildMonth(
    start,
    volume,
    { monthly: 1000, daily: 50, changeRequestUrl: null },
    Date.parse('2026-11-03T12:00:00Z')
  );
  expect(month).toEqual({
    month: '2026-11',
    used: 60,
    remaining: 940,
    share: 0.06,
    // Average of Nov 1-2 (from the first day with volume) = 20; today already has 20; 27 days left.
    projected: 60 + 27 * 20,
    days: [
      { date: '2026-11-01', volume: 40, cumulative: 40, dailyShare: 0.8 },
      { date: '2026-11-02', volume: 0, cumulative: 40, dailyShare: 0 },
      { date: '2026-11-03', volume: 20, cumulative: 60, dailyShare: 0.4 },
    ],
  });
  const unlimited = buildMonth(
    start,
    volume,
    { monthly: null, daily: null, changeRequestUrl: null },
    Date.parse('2026-11-03T12:00:00Z')
  );
  expect(unlimited).toMatchObject({ remaining: null, share: null });
  expect(unlimited.days[0].dailyShare).toBeNull();
});
