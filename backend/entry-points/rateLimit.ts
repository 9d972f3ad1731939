/**
 * Per-key request rate limits: a token bucket per API key hash, in memory (one instance's
 * share; each instance behind a balancer limits on its own). Only authenticated keys get a
 * bucket, so the map is as large as API_KEYS at most.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  /** @param perMinute sustained requests per minute, and the burst a full bucket allows */
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one token for `keyHash`: 0 when the request may go ahead, else whole seconds to wait. */
  take(keyHash: string): number {
    const now = this.now();
    const bucket = this.buckets.get(keyHash) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(keyHash, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perMs / 1000);
  }
}
