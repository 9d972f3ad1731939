import { DateTime } from 'luxon';
import { buildMonth, monthStarts, projectMonthEnd } from './sendingLimit';

test('the projection keeps the usage rate so far up to the month end', () => {
  const start = Date.parse('2026-04-01T00:00:00Z');
  const end = Date.parse('2026-05-01T00:00:00Z');
  expect(projectMonthEnd(300, start, end, Date.parse('2026-04-11T00:00:00Z'))).toBe(900);
  expect(projectMonthEnd(300, start, end, end + 1)).toBe(300);
  expect(projectMonthEnd(0, start, end, start - 1)).toBe(0);
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
    projected: 720,
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
