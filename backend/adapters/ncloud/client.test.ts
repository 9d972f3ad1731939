import { retryAfterMs } from './client';

const now = Date.parse('2026-06-01T00:00:00Z');

test('Retry-After in seconds or as an HTTP date, bounded to 0..5 minutes, 1 s when absent or unreadable', () => {
  expect(retryAfterMs('3', now)).toBe(3000);
  expect(retryAfterMs('0', now)).toBe(0);
  expect(retryAfterMs('Mon, 01 Jun 2026 00:00:07 GMT', now)).toBe(7000);
  expect(retryAfterMs('Sun, 31 May 2026 23:59:00 GMT', now)).toBe(0);
  expect(retryAfterMs('86400', now)).toBe(300_000);
  expect(retryAfterMs(null, now)).toBe(1000);
  expect(retryAfterMs('', now)).toBe(1000);
  expect(retryAfterMs('soon', now)).toBe(1000);
});
