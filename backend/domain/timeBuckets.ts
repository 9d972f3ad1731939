/**
 * The buckets of a range in a zone: local hours, days, Monday weeks and months, DST and
 * quarter-hour offsets included. InfluxDB sums by hour or day in the zone; weeks and
 * months are made here from days.
 */
import { DateTime } from 'luxon';
import type { Interval } from '../contract/views';
import { zoneOf } from '../storage/zones';

const UNIT = { '1h': 'hour', '1d': 'day', '1w': 'week', '1M': 'month' } as const;
const STEP = { '1h': { hours: 1 }, '1d': { days: 1 }, '1w': { weeks: 1 }, '1M': { months: 1 } } as const;

export interface BucketPlan {
  /** Bucket starts (epoch ms), ascending, covering [from, to). */
  starts: number[];
  /** The interval InfluxDB groups by. */
  storageInterval: '1h' | '1d';
  /** Index of the bucket a storage bucket (InfluxDB's time) falls in. */
  indexOf(storageTime: number): number;
}

export function bucketStartOf(ms: number, interval: Interval, zone: string): number {
  return DateTime.fromMillis(ms, { zone: zoneOf(zone) })
    .startOf(UNIT[interval])
    .toMillis();
}

export function planBuckets(from: number, to: number, interval: Interval, zone: string): BucketPlan {
  const starts: number[] = [];
  let cursor = DateTime.fromMillis(bucketStartOf(from, interval, zone), { zone: zoneOf(zone) });
  while (cursor.toMillis() < to) {
    starts.push(cursor.toMillis());
    // Step from the local start so that DST days keep local midnights (23 h / 25 h days).
    cursor = interval === '1h' ? cursor.plus(STEP[interval]) : cursor.plus(STEP[interval]).startOf(UNIT[interval]);
  }
  const index = new Map(starts.map((start, i) => [start, i]));
  const storageInterval = interval === '1h' ? '1h' : '1d';
  return {
    starts,
    storageInterval,
    indexOf(storageTime: number): number {
      const exact = index.get(storageTime);
      return exact ?? index.get(bucketStartOf(storageTime, interval, zone)) ?? -1;
    },
  };
}

/** ISO 8601 with the zone's offset, e.g. 2026-03-29T00:00:00+01:00. */
export function formatBucket(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone: zoneOf(zone) }).toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

export function formatDate(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone: zoneOf(zone) }).toISODate()!;
}
