/**
 * Seeded pseudo-random numbers: the demo data must be the same on every run with the
 * same seed, so that re-running a backfill sends the same events with the same ids.
 */

/** 32-bit FNV-1a hash of a string: turns "seed:slot" into a generator seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type Random = () => number;

/** mulberry32: small, fast and good enough for traffic shapes; returns [0, 1). */
export function seededRandom(seed: string): Random {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/**
 * Picks items with probability proportional to their weights, by binary search over the
 * cumulative weights: the hot loop of the traffic model.
 */
export class Picker<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  constructor(weighted: Weighted<T>) {
    this.items = weighted.map(([item]) => item);
    let total = 0;
    this.cumulative = weighted.map(([, weight]) => (total += weight));
  }

  pick(random: Random): T {
    const target = random() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] <= target) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return this.items[low];
  }
}

/** A whole number whose mean is `expected`: the fraction is rounded up with that probability. */
export function roundRandomly(random: Random, expected: number): number {
  const whole = Math.floor(expected);
  return whole + (random() < expected - whole ? 1 : 0);
}

/** Uniform whole number in [min, max]. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
