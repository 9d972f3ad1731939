import { DateTime, IANAZone } from 'luxon';

/** Storage resolution: every day and hour boundary of every IANA zone in use falls on it (+05:45 included). */
export const BUCKET_MS = 15 * 60 * 1000;

/** Events outside these years are refused: they are typos, and InfluxDB cannot store all of them. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/**
 * ISO 8601 with an offset to epoch ms, by hand: the hot path of ingestion (a general date
 * library costs several times more per event). Returns undefined for impossible dates.
 */
export function parseIsoWithOffset(text: string): number | undefined {
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) {
    return undefined;
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '', zulu, sign, offsetHours, offsetMinutes] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  if (!zulu && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) {
    return undefined;
  }
  const millis = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  return Date.UTC(y, mo - 1, d, h, mi, s, millis) - offset * 60_000;
}

export function bucketStart(ms: number): number {
  return Math.floor(ms / BUCKET_MS) * BUCKET_MS;
}

export function bucketCeil(ms: number): number {
  return Math.ceil(ms / BUCKET_MS) * BUCKET_MS;
}

function inRange(ms: number): boolean {
  return ms >= EARLIEST && ms < LATEST;
}

/**
 * An event timestamp: ISO 8601 with an offset, or epoch milliseconds (number or digits).
 * Returns epoch ms, or an error message.
 */
export function parseEventTime(value: unknown): number | string {
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      return 'must be whole epoch milliseconds';
    }
    ms = value;
  } else if (typeof value === 'string' && /^\d{1,15}$/.test(value)) {
    ms = Number(value);
  } else if (typeof value === 'string') {
    if (!ISO_WITH_OFFSET.test(value)) {
      return 'must be ISO 8601 with an offset (e.g. 2026-03-29T09:30:00+09:00) or epoch milliseconds';
    }
    const parsed = parseIsoWithOffset(value);
    if (parsed === undefined) {
      return 'is not a valid date and time';
    }
    ms = parsed;
  } else {
    return 'must be an ISO 8601 string with an offset or epoch milliseconds';
  }
  return inRange(ms) ? ms : 'must lie between the years 2000 and 2099';
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * A query bound: ISO 8601 with an offset, epoch ms, or a local date/time without an
 * offset (taken as wall-clock time in `zone`). Returns epoch ms, or an error message.
 */
export function parseQueryTime(value: string, zone: string): number | string {
  if (/^\d{1,15}$/.test(value)) {
    return Number(value);
  }
  const withOffset = ISO_WITH_OFFSET.test(value);
  const parsed = withOffset ? DateTime.fromISO(value, { setZone: true }) : DateTime.fromISO(value, { zone });
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || !parsed.isValid) {
    return 'must be ISO 8601 (e.g. 2026-03-01 or 2026-03-01T00:00:00+09:00) or epoch milliseconds';
  }
  return parsed.toMillis();
}
