/**
 * The sending-limit view: usage (requested - canceled, on the request date) per day and
 * month against the account's limits, with a month-end projection (domain.md, view 5).
 */
import { DateTime } from 'luxon';
import type { Limits, SendingLimitMonth, SendingLimitResponse } from './apiTypes';
import type { StatsRequest } from './statsParams';
import type { StatsService } from './statsService';
import { clampToWindow, type VisibleWindow } from './subscriptions';
import { formatDate } from './timeBuckets';
import { ratio } from './views';

/** The `count` months ending with `month` (YYYY-MM), oldest first, as local month starts. */
export function monthStarts(month: string, count: number, tz: string): DateTime[] {
  const last = DateTime.fromISO(`${month}-01`, { zone: tz }).startOf('month');
  return Array.from({ length: count }, (_unused, index) => last.minus({ months: count - 1 - index }));
}

/** Month-end total expected from the month so far: the usage rate so far, kept up to the month's end. */
export function projectMonthEnd(used: number, monthStart: number, monthEnd: number, now: number): number {
  if (now >= monthEnd) {
    return used;
  }
  if (now <= monthStart) {
    return 0;
  }
  return Math.round((used * (monthEnd - monthStart)) / (now - monthStart));
}

export function buildMonth(
  start: DateTime,
  volumeByDay: ReadonlyMap<number, number>,
  limits: Limits,
  now: number
): SendingLimitMonth {
  const end = start.plus({ months: 1 });
  const days: SendingLimitMonth['days'] = [];
  let cumulative = 0;
  // Days of the month up to today: future days have no volume yet.
  for (let day = start; day < end && day.toMillis() <= now; day = day.plus({ days: 1 })) {
    const volume = volumeByDay.get(day.toMillis()) ?? 0;
    cumulative += volume;
    days.push({
      date: formatDate(day.toMillis(), start.zoneName!),
      volume,
      cumulative,
      dailyShare: limits.daily === null ? null : ratio(volume, limits.daily),
    });
  }
  const used = cumulative;
  return {
    month: start.toFormat('yyyy-MM'),
    used,
    remaining: limits.monthly === null ? null : Math.max(0, limits.monthly - used),
    share: limits.monthly === null ? null : ratio(used, limits.monthly),
    projected: projectMonthEnd(used, start.toMillis(), end.toMillis(), now),
    days,
  };
}

export async function sendingLimitView(
  stats: StatsService,
  limits: Limits,
  request: StatsRequest,
  now: number,
  signal?: AbortSignal,
  /** The subscription period the usage is counted in. */
  window?: VisibleWindow
): Promise<SendingLimitResponse> {
  const starts = monthStarts(request.month, request.months, request.tz);
  const months = clampToWindow(
    { from: starts[0].toMillis(), to: starts[starts.length - 1].plus({ months: 1 }).toMillis() },
    window
  );
  const [rows] = await stats.sums(
    [
      {
        account: request.account,
        axis: 'request',
        kinds: ['requested', 'canceled'],
        ...months,
        time: { interval: '1d', tz: request.tz },
        groupBy: ['kind'],
      },
    ],
    signal
  );
  const volumeByDay = new Map<number, number>();
  for (const row of rows) {
    const sign = row.tags.kind === 'canceled' ? -1 : 1;
    volumeByDay.set(row.time!, (volumeByDay.get(row.time!) ?? 0) + sign * row.n);
  }
  return {
    view: 'sending-limit',
    tz: request.tz,
    limit: limits,
    months: starts.map((start) => buildMonth(start, volumeByDay, limits, now)),
  };
}
