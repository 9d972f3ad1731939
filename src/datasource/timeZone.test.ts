import { dayStartInZone, isValidTimeZone, monthInZone, resolveTimeZone } from './timeZone';

describe('resolveTimeZone', () => {
  it('maps Grafana zone names to IANA zones, empty to the default', () => {
    expect(resolveTimeZone('browser', 'Asia/Tokyo')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(resolveTimeZone('utc', 'Asia/Tokyo')).toBe('UTC');
    expect(resolveTimeZone('Europe/Berlin', 'Asia/Tokyo')).toBe('Europe/Berlin');
    expect(resolveTimeZone('', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(resolveTimeZone(undefined, 'Asia/Kathmandu')).toBe('Asia/Kathmandu');
    expect(resolveTimeZone('default', 'Asia/Kolkata')).toBe('Asia/Kolkata');
  });

  it('leaves the zone to the backend when neither the dashboard nor the data source names one', () => {
    expect(resolveTimeZone('', undefined)).toBeUndefined();
    expect(resolveTimeZone('', '')).toBeUndefined();
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and refuses anything else', () => {
    expect(isValidTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('monthInZone', () => {
  it('places an instant in the month of the zone, not of UTC', () => {
    const lastEveningOfMarchUtc = Date.parse('2026-03-31T22:30:00Z');
    expect(monthInZone(lastEveningOfMarchUtc, 'UTC')).toBe('2026-03');
    expect(monthInZone(lastEveningOfMarchUtc, 'Europe/Berlin')).toBe('2026-04');
    expect(monthInZone(lastEveningOfMarchUtc, 'America/New_York')).toBe('2026-03');
  });
});

describe('dayStartInZone', () => {
  it('gives local midnight, DST days and quarter-hour offsets included', () => {
    expect(dayStartInZone('2026-03-29', 'Europe/Berlin')).toBe(Date.parse('2026-03-28T23:00:00Z'));
    expect(dayStartInZone('2026-03-30', 'Europe/Berlin')).toBe(Date.parse('2026-03-29T22:00:00Z'));
    expect(dayStartInZone('2026-01-01', 'Asia/Kathmandu')).toBe(Date.parse('2025-12-31T18:15:00Z'));
    expect(dayStartInZone('2026-01-01', 'UTC')).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });
});
