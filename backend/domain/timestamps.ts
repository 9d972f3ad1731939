import { readFileSync } from 'node:fs';
import { DateTime, IANAZone } from 'luxon';

/** Storage resolution: every day and hour boundary of every IANA zone in use falls on it (+05:45 included). */
export const BUCKET_MS = 15 * 60 * 1000;

/** Events outside these years are refused: they are typos, and InfluxDB cannot store all of them. */
export const EARLIEST_EVENT_TIME = Date.UTC(2000, 0, 1);
export const LATEST_EVENT_TIME = Date.UTC(2100, 0, 1);

/**
 * Query bounds: well inside what InfluxDB stores (int64 nanoseconds, 1677 to 2262) and can
 * group by local days in every zone without overflowing; no event lies outside 2000-2099.
 */
export const EARLIEST_QUERY_TIME = Date.UTC(1900, 0, 1);
export const LATEST_QUERY_TIME = Date.UTC(2200, 0, 1);
export const QUERY_RANGE_TEXT = 'between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z';

export const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

const ZERO = 48;

/** The value of `count` decimal digits of `text` at `at`, or -1 when one of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - ZERO; // NaN past the end
    if (!(digit >= 0 && digit <= 9)) {
      return -1;
    }
    value = value * 10 + digit;
  }
  return value;
}

/** Not the shape of ISO_WITH_OFFSET (an impossible date of that shape is `undefined`). */
export const NOT_ISO = null;

/**
 * ISO 8601 with an offset to epoch ms, scanned by hand: the hot path of ingestion (the
 * regular expression and a general date library cost several times more per event). Takes
 * exactly the strings ISO_WITH_OFFSET matches (a test holds them together); returns
 * undefined for impossible dates and NOT_ISO for any other string.
 */
export function scanIsoWithOffset(text: string): number | undefined | typeof NOT_ISO {
  const length = text.length;
  // yyyy-mm-ddThh:mm, then [:ss[.f{1,9}]], then Z or ±hh[:]mm
  if (length < 17 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') {
    return NOT_ISO;
  }
  const y = digitsAt(text, 0, 4);
  const mo = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  const h = digitsAt(text, 11, 2);
  const mi = digitsAt(text, 14, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0) {
    return NOT_ISO;
  }
  let at = 16;
  let s = 0;
  let millis = 0;
  if (text[at] === ':') {
    s = digitsAt(text, at + 1, 2);
    if (s < 0) {
      return NOT_ISO;
    }
    at += 3;
    if (text[at] === '.') {
      const first = at + 1;
      at = first;
      while (at < length && at - first < 9 && digitsAt(text, at, 1) >= 0) {
        at++;
      }
      if (at === first) {
        return NOT_ISO;
      }
      // floor(0.fff… × 1000): the first three digits, padded with zeros.
      const shown = Math.min(at - first, 3);
      millis = digitsAt(text, first, shown) * 10 ** (3 - shown);
    }
  }
  let offset = 0;
  const zone = text[at];
  if (zone === 'Z') {
    if (at + 1 !== length) {
      return NOT_ISO;
    }
  } else if (zone === '+' || zone === '-') {
    const colon = text[at + 3] === ':' ? 1 : 0;
    const offsetHours = digitsAt(text, at + 1, 2);
    const offsetMinutes = digitsAt(text, at + 3 + colon, 2);
    if (offsetHours < 0 || offsetMinutes < 0 || at + 5 + colon !== length) {
      return NOT_ISO;
    }
    if (offsetHours > 23 || offsetMinutes > 59) {
      return undefined;
    }
    offset = (zone === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  } else {
    return NOT_ISO;
  }
  // Date.UTC's own calendar (years 0-99 are 1900-1999), so only days 29-31 need a look.
  if (
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    (d > 28 && d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return undefined;
  }
  return Date.UTC(y, mo - 1, d, h, mi, s, millis) - offset * 60_000;
}

export function bucketStart(ms: number): number {
  return Math.floor(ms / BUCKET_MS) * BUCKET_MS;
}

export function bucketCeil(ms: number): number {
  return Math.ceil(ms / BUCKET_MS) * BUCKET_MS;
}

const EPOCH_DIGITS = /^\d{1,15}$/;

function inRange(ms: number): boolean {
  return ms >= EARLIEST_EVENT_TIME && ms < LATEST_EVENT_TIME;
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
  } else if (typeof value === 'string') {
    const parsed = value.length <= 15 && EPOCH_DIGITS.test(value) ? Number(value) : scanIsoWithOffset(value);
    if (parsed === NOT_ISO) {
      return 'must be ISO 8601 with an offset (e.g. 2026-03-29T09:30:00+09:00) or epoch milliseconds';
    }
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

/** The tz database's own spelling of zone names, by lower-case name (tzdata.zi lists links too). */
const SYSTEM_TZDATA = '/usr/share/zoneinfo/tzdata.zi';
let zoneSpellings: Map<string, string> | undefined;

function knownSpellings(): Map<string, string> {
  if (!zoneSpellings) {
    const names = ['UTC', ...Intl.supportedValuesOf('timeZone')];
    try {
      // "Z name ..." zones and "L target name" links: aliases ICU folds into other names.
      for (const line of readFileSync(SYSTEM_TZDATA, 'utf8').split('\n')) {
        const fields = line.split(' ');
        if (fields[0] === 'Z' || fields[0] === 'L') {
          names.push(fields[fields[0] === 'Z' ? 1 : 2]);
        }
      }
    } catch {
      // No system tz database: ICU's names and canonical spellings still cover every zone.
    }
    zoneSpellings = new Map(names.map((name) => [name.toLowerCase(), name]));
  }
  return zoneSpellings;
}

/**
 * A zone name as the tz database spells it (`asia/seoul` -> `Asia/Seoul`, `utc` -> `UTC`),
 * or undefined when it names no IANA zone. InfluxDB looks zone names up case-sensitively, so
 * only such spellings may reach it. An alias spelled in no known way gets ICU's canonical name.
 */
export function canonicalZone(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_/+-]*$/.test(name) || !isValidZone(name)) {
    return undefined;
  }
  return (
    knownSpellings().get(name.toLowerCase()) ??
    new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
  );
}

/**
 * A query bound: ISO 8601 with an offset, epoch ms, or a local date/time without an
 * offset (taken as wall-clock time in `zone`). Returns epoch ms, or an error message.
 */
export function parseQueryTime(value: string, zone: string): number | string {
  let ms: number;
  if (/^\d{1,15}$/.test(value)) {
    ms = Number(value);
  } else {
    const withOffset = ISO_WITH_OFFSET.test(value);
    const parsed = withOffset ? DateTime.fromISO(value, { setZone: true }) : DateTime.fromISO(value, { zone });
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || !parsed.isValid) {
      return 'must be ISO 8601 (e.g. 2026-03-01 or 2026-03-01T00:00:00+09:00) or epoch milliseconds';
    }
    ms = parsed.toMillis();
  }
  return ms >= EARLIEST_QUERY_TIME && ms <= LATEST_QUERY_TIME ? ms : `must lie ${QUERY_RANGE_TEXT}`;
}
