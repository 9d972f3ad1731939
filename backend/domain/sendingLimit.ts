/**
 * The sending-limit view: usage (requested - canceled, on the request date) per day and
 * month against the account's limits, with a month-end projection (domain.md, view 5).
 */
import { DateTime } from 'luxon';
import type { Limits, SendingLimitMonth, SendingLimitResponse } from '../contract/apiTypes';
import type { StatsRequest } from './statsParams';
import type { QueryGateway } from './queryGateway';
import { clampToWindow, type VisibleWindow } from './subscriptions';
import { formatDate } from './timeBuckets';
import { ratio } from '../contract/views';

/** The `count` months ending with `month` (YYYY-MM), oldest first, as local month starts. */
export function monthStarts(month: string, count: number, tz: string): DateTime[] {
  const last = DateTime.fromISO(`${month}-01`, { zone: tz }).startOf('month');
  return Array.from({ length: count }, (_unused, index) => last.minus({ months: count - 1 - index }));
}

/** Complete days before today whose daily volume the projection averages. */
export const PROJECTION_WINDOW_DAYS = 7;

/**
 * Average daily volume of the PROJECTION_WINDOW_DAYS local days before `today` (they may
 * lie in the previous month), counted from the first of them with any volume, so that a
 * new account is not averaged down by days before it sent anything; 0 without history.
 */
export function trailingDailyAverage(volumeByDay: ReadonlyMap<number, number>, today: DateTime): number {
  const volumes = Array.from(
    { length: PROJECTION_WINDOW_DAYS },
    (_unused, index) => volumeByDay.get(today.minus({ days: PROJECTION_WINDOW_DAYS - index }).toMillis()) ?? 0
  );
  const first = volumes.findIndex((volume) => volume !== 0);
  if (first < 0) {
    return 0;
  }
  const history = volumes.slice(first);
  // Cancellations can outweigh a day's requests; a month does not shrink by itself.
  return Math.max(0, history.reduce((sum, volume) => sum + volume, 0) / history.length);
}

export interface ProjectionInput {
  /** Usage of the month so far, today included (scheduled mails count on their request day). */
  used: number;
  /** Usage of today so far; 0 when today is not in the month. */
  usedToday: number;
  /** Local days of the month after today (the whole month when it lies ahead). */
  daysAfterToday: number;
  /** trailingDailyAverage. */
  dailyAverage: number;
  /** The month has ended: nothing more can be added. */
  ended: boolean;
  /** Today is a day of this month. */
  current: boolean;
}

/**
 * Month-end total expected (docs/projection.md): the usage so far, plus the trailing
 * daily average for each day still to come; today counts as at least one average day.
 * Only completed days are averaged, so one big request today (a campaign scheduled for
 * later days, say) is counted once, never multiplied by the days of the month.
 */
export function projectMonthEnd(input: ProjectionInput): number {
  if (input.ended) {
    return input.used;
  }
  const restOfToday = input.current ? Math.max(0, input.dailyAverage - input.usedToday) : 0;
  return Math.round(input.used + restOfToday + input.dailyAverage * input.daysAfterToday);
}

const localDays = (from: DateTime, to: DateTime) => Math.max(0, Math.round(to.diff(from, 'days').days));

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
  const today = DateTime.fromMillis(now, { zone: start.zone }).startOf('day');
  const current = today >= start && today < end;
  const projected = projectMonthEnd({
    used,
    usedToday: current ? (volumeByDay.get(today.toMillis()) ?? 0) : 0,
    daysAfterToday: current ? localDays(today.plus({ days: 1 }), end) : localDays(start, end),
    dailyAverage: trailingDailyAverage(volumeByDay, today),
    ended: now >= end.toMillis(),
    current,
  });
  return {
    month: start.toFormat('yyyy-MM'),
    used,
    remaining: limits.monthly === null ? null : Math.max(0, limits.monthly - used),
    share: limits.monthly === null ? null : ratio(used, limits.monthly),
    projected,
    days,
  };
}

export async function sendingLimitView(
  stats: QueryGateway,
  limits: Limits,
  request: StatsRequest,
  now: number,
  signal?: AbortSignal,
  /** The subscription period the usage is counted in. */
  window?: VisibleWindow
): Promise<SendingLimitResponse> {
  const starts = monthStarts(request.month, request.months, request.tz);
  const to = starts[starts.length - 1].plus({ months: 1 }).toMillis();
  // A month not yet ended is projected from the days before today, which may lie before the first month shown.
  const windowStart = DateTime.fromMillis(now, { zone: request.tz })
    .startOf('day')
    .minus({ days: PROJECTION_WINDOW_DAYS })
    .toMillis();
  // Only the subscription period counts, for the usage and for the projection's history alike.
  const range = clampToWindow(
    { from: now < to ? Math.min(starts[0].toMillis(), windowStart) : starts[0].toMillis(), to },
    window
  );
  const [rows] = await stats.sums(
    [
      {
        account: request.account,
        axis: 'request',
        kinds: ['requested', 'canceled'],
        ...range,
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
