import { wallClockAt, wallClockDate, wallClockText } from './wallClock';

describe('wallClockDate', () => {
  it('keeps the local wall clock of a time with an offset, across a DST change', () => {
    expect(wallClockDate('2026-03-29T00:00:00+01:00').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(wallClockDate('2026-03-30T00:00:00+02:00').toISOString()).toBe('2026-03-30T00:00:00.000Z');
    expect(wallClockDate('2026-03-01T05:15:00+05:45').toISOString()).toBe('2026-03-01T05:15:00.000Z');
    expect(wallClockDate('2026-03-01T23:00:00-03:30').toISOString()).toBe('2026-03-01T23:00:00.000Z');
    expect(wallClockDate('2026-03-01T10:20:30.456Z').toISOString()).toBe('2026-03-01T10:20:30.456Z');
  });

  it('reads days and months', () => {
    expect(wallClockDate('2026-02-28').toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(wallClockDate('2026-02').toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('refuses what is not ISO 8601', () => {
    expect(() => wallClockDate('1 March 2026')).toThrow('not an ISO 8601 date or time: "1 March 2026"');
  });
});

describe('wallClockAt', () => {
  it('gives the wall clock of an instant in a zone', () => {
    const instant = new Date('2026-03-29T01:30:00Z');
    expect(wallClockAt(instant, 'Europe/Berlin').toISOString()).toBe('2026-03-29T03:30:00.000Z');
    expect(wallClockAt(instant, 'Asia/Kathmandu').toISOString()).toBe('2026-03-29T07:15:00.000Z');
    expect(wallClockAt(instant, 'UTC').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => wallClockAt(new Date(0), 'Mars/Olympus')).toThrow('unknown time zone "Mars/Olympus"');
  });
});

describe('wallClockText', () => {
  it('shows day, hour and minute', () => {
    expect(wallClockText(wallClockDate('2026-03-29T03:05:59+02:00'))).toBe('2026-03-29 03:05');
  });
});
