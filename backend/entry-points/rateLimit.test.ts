import { RateLimiter } from './rateLimit';

test('a full bucket allows a burst of perMinute requests, then asks to wait for the next token', () => {
  let now = 0;
  const limiter = new RateLimiter(3, () => now);
  expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
  expect(limiter.take('a')).toBe(20); // 3 a minute: one token every 20 s
  now = 10_000;
  expect(limiter.take('a')).toBe(10);
  now = 20_000;
  expect(limiter.take('a')).toBe(0);
  expect(limiter.take('a')).toBe(20);
});

test('keys have their own buckets', () => {
  const limiter = new RateLimiter(1, () => 0);
  expect(limiter.take('a')).toBe(0);
  expect(limiter.take('a')).toBe(60);
  expect(limiter.take('b')).toBe(0);
});

test('an idle key refills up to the burst, not beyond', () => {
  let now = 0;
  const limiter = new RateLimiter(2, () => now);
  limiter.take('a');
  now = 3_600_000;
  expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 0]);
  expect(limiter.take('a')).toBe(30);
});
