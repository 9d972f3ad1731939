/** Demo time: 15-minute slots (the backend's bucket size) and the demo zone's local calendar. */
import { DEMO_ZONE } from './profile';

export const SLOT_MS = 15 * 60_000;
export const DAY_MS = 24 * 60 * 60_000;

export function slotOf(ms: number): number {
  return Math.floor(ms / SLOT_MS);
}

export function slotStart(slot: number): number {
  return slot * SLOT_MS;
}

export interface LocalTime {
  /** 0 = Sunday. */
  weekday: number;
  hour: number;
  /** Day of the month, from 1. */
  day: number;
  /** Milliseconds since local midnight. */
  timeOfDayMs: number;
  /** Days since 1970-01-01 in the zone: names one local day. */
  dayNumber: number;
}

export function localTime(ms: number): LocalTime {
  const local = ms + DEMO_ZONE.offsetMs;
  const date = new Date(local);
  return {
    weekday: date.getUTCDay(),
    hour: date.getUTCHours(),
    day: date.getUTCDate(),
    timeOfDayMs: ((local % DAY_MS) + DAY_MS) % DAY_MS,
    dayNumber: Math.floor(local / DAY_MS),
  };
}

/** The UTC instant of local midnight `daysBack` days before the local day of `ms`. */
export function localMidnight(ms: number, daysBack = 0): number {
  return (localTime(ms).dayNumber - daysBack) * DAY_MS - DEMO_ZONE.offsetMs;
}

/** [start, end) of the local month of `ms`, as UTC instants. */
export function localMonth(ms: number): { start: number; end: number } {
  const local = new Date(ms + DEMO_ZONE.offsetMs);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - DEMO_ZONE.offsetMs;
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - DEMO_ZONE.offsetMs;
  return { start, end };
}
