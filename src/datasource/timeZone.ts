import { DateTime } from 'luxon';

/** The IANA zone the browser runs in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA zone days are counted in: the dashboard's zone ('browser', 'utc' or a zone name as
 * Grafana passes it in a query request), else the data source's default; undefined leaves the
 * choice to the backend (its DEFAULT_TZ).
 */
export function resolveTimeZone(
  dashboardZone: string | undefined,
  defaultZone: string | undefined
): string | undefined {
  switch (dashboardZone ?? '') {
    case 'browser':
      return browserTimeZone();
    case 'utc':
      return 'UTC';
    case '':
    case 'default':
      return defaultZone || undefined;
    default:
      return dashboardZone;
  }
}

/** The month (YYYY-MM) an instant falls in, in a zone. */
export function monthInZone(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat('yyyy-MM');
}

/** Epoch ms of local midnight starting a day (YYYY-MM-DD) in a zone. */
export function dayStartInZone(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).toMillis();
}
