/** Figures of repeated measurements: median, nearest-rank percentiles, min and max. */

export interface Summary {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p in (0, 100]) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) {
    throw new Error('no samples');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function summarize(samples: readonly number[], digits = 1): Summary {
  return {
    runs: samples.length,
    median: round(median(samples), digits),
    p95: round(percentile(samples, 95), digits),
    min: round(Math.min(...samples), digits),
    max: round(Math.max(...samples), digits),
  };
}

/** How many times `subject` beats `baseline` (both "bigger is better" or both "smaller is better" handled by the caller). */
export function ratio(numerator: number, denominator: number, digits = 2): number {
  return round(numerator / denominator, digits);
}
