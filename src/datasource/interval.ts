import { INTERVALS, type Interval } from '../../contract/views';

const HOUR_MS = 3_600_000;

/** Nominal length of each bucket size (a month as 30 days: only used to compare sizes). */
export const INTERVAL_MS: Readonly<Record<Interval, number>> = {
  '1h': HOUR_MS,
  '1d': 24 * HOUR_MS,
  '1w': 7 * 24 * HOUR_MS,
  '1M': 30 * 24 * HOUR_MS,
};

/** Bars beyond this get too thin to read in a panel. */
export const MAX_AUTO_BUCKETS = 100;

/**
 * The finest bucket size that is no finer than Grafana's interval for the panel and keeps the
 * range within MAX_AUTO_BUCKETS bars; months when even weeks are too many.
 */
export function autoInterval(intervalMs: number, rangeMs: number): Interval {
  const fits = (interval: Interval) =>
    INTERVAL_MS[interval] >= intervalMs && rangeMs / INTERVAL_MS[interval] <= MAX_AUTO_BUCKETS;
  return INTERVALS.find(fits) ?? '1M';
}

/** The bucket size a query asks for, 'auto' (or nothing) resolved from the request. */
export function queryInterval(chosen: Interval | 'auto' | undefined, intervalMs: number, rangeMs: number): Interval {
  return chosen === undefined || chosen === 'auto' ? autoInterval(intervalMs, rangeMs) : chosen;
}
