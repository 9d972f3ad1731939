import { MAX_BACKOFF_MS, nextPollDelayMs } from './backoff';

test('waits the poll interval after a success and doubles per failure up to 15 minutes', () => {
  expect(nextPollDelayMs(60_000, 0)).toBe(60_000);
  expect(nextPollDelayMs(60_000, 1)).toBe(120_000);
  expect(nextPollDelayMs(60_000, 2)).toBe(240_000);
  expect(nextPollDelayMs(60_000, 3)).toBe(480_000);
  expect(nextPollDelayMs(60_000, 4)).toBe(900_000);
  expect(nextPollDelayMs(60_000, 400)).toBe(MAX_BACKOFF_MS);
});

test('an interval longer than the cap is never shortened by a failure', () => {
  expect(nextPollDelayMs(3_600_000, 1)).toBe(3_600_000);
  expect(nextPollDelayMs(3_600_000, 5)).toBe(3_600_000);
});
