/**
 * Excel has no time zones: a date cell holds a wall-clock time. These helpers build
 * Dates whose UTC fields are the wall clock in the requested zone, which is what
 * exceljs writes (it converts Dates to serial numbers by their UTC fields).
 * No dependencies: the Grafana plugin uses these too, in the browser.
 */
// The digits of an ISO 8601 string with an offset are the wall clock at that offset.
const ISO_WALL_CLOCK =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** `2026-03-29T02:00:00+02:00` -> a Date with UTC fields 2026-03-29 02:00; also `YYYY-MM-DD` and `YYYY-MM`. */
export function wallClockDate(iso: string): Date {
  const match = ISO_WALL_CLOCK.exec(iso);
  if (!match) {
    throw new Error(`not an ISO 8601 date or time: ${JSON.stringify(iso)}`);
  }
  const [year, month, day = '1', hour = '0', minute = '0', second = '0', fraction = '0'] = match.slice(1);
  return new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, Math.round(+`0.${fraction}` * 1000)));
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(tz: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(tz);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(`unknown time zone ${JSON.stringify(tz)}`);
    }
    zoneFormats.set(tz, format);
  }
  return format;
}

/** The wall clock of an instant in an IANA zone, as a Date with those UTC fields. */
export function wallClockAt(instant: Date, tz: string): Date {
  const field: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of zoneFormat(tz).formatToParts(instant)) {
    field[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = field;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, instant.getUTCMilliseconds()));
}

/** `YYYY-MM-DD HH:mm` of a wall-clock Date. */
export function wallClockText(wallClock: Date): string {
  return wallClock.toISOString().slice(0, 16).replace('T', ' ');
}
