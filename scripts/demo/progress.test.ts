import { backfillLine, LiveReport } from './progress';

describe('backfillLine', () => {
  it('says events, percent, rate and the time left at that rate', () => {
    // 60,000 of 240,000 in 30 s: 2,000/s, 180,000 left = 90 s
    expect(backfillLine(60_000, 240_000, 30_000)).toBe(
      'backfill: 60,000 of 240,000 events (25 %), 2,000 events/s, about 1 min 30 s left'
    );
  });

  it('rounds the percent down, so 100 % means done', () => {
    expect(backfillLine(999, 1000, 1000)).toBe('backfill: 999 of 1,000 events (99 %), 999 events/s, about 0 s left');
    expect(backfillLine(1000, 1000, 2000)).toBe('backfill: 1,000 of 1,000 events (100 %), 500 events/s');
  });

  it('has no rate before anything was acknowledged', () => {
    expect(backfillLine(0, 5000, 0)).toBe('backfill: 0 of 5,000 events (0 %), 0 events/s');
  });
});

describe('LiveReport', () => {
  const T = Date.parse('2026-05-04T10:00:00Z');

  it('counts the events of the last minute and says how long ago the newest became visible', () => {
    const report = new LiveReport();
    report.acknowledged(5, T);
    report.acknowledged(7, T + 30_000);
    report.acknowledged(11, T + 50_000);
    // at T+70 s the batch of T has left the minute: 7 + 11
    expect(report.line(T + 70_000)).toBe('live: 18 events in the last minute; the newest became visible 20 s ago');
  });

  it('prints nothing until something new was acknowledged, then again', () => {
    const report = new LiveReport();
    expect(report.line(T)).toBeUndefined();
    report.acknowledged(3, T);
    expect(report.line(T + 1000)).toBe('live: 3 events in the last minute; the newest became visible 1 s ago');
    expect(report.line(T + 61_000)).toBeUndefined();
    report.acknowledged(0, T + 62_000); // an empty tick is not news
    expect(report.line(T + 63_000)).toBeUndefined();
    report.acknowledged(4, T + 125_000);
    expect(report.line(T + 155_000)).toBe('live: 4 events in the last minute; the newest became visible 30 s ago');
  });
});
