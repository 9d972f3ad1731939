/** Delay before the next poll: the interval after a success, doubling per consecutive failure up to a cap. */
export const MAX_BACKOFF_MS = 15 * 60 * 1000;

export function nextPollDelayMs(pollIntervalMs: number, consecutiveFailures: number): number {
  if (consecutiveFailures === 0) {
    return pollIntervalMs;
  }
  return Math.min(Math.max(MAX_BACKOFF_MS, pollIntervalMs), pollIntervalMs * 2 ** Math.min(consecutiveFailures, 20));
}
