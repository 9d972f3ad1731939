/**
 * Names of exported files: readable (view, range), safe on every file system, and an
 * ASCII fallback for the Content-Disposition header. Pure: the Grafana plugin names the
 * files it saves with the same rules.
 */
import type { ViewDefinition } from './views';
import { wallClockDate } from './wallClock';

const MAX_LENGTH = 150;
// Forbidden in Windows file names, path separators, and control characters.
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** A file name (without extension) safe on Windows, macOS and Linux; any script kept. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const cut = Array.from(cleaned).slice(0, MAX_LENGTH).join('');
  // Windows drops trailing dots and spaces; a leading dot hides the file.
  return cut.replace(/^[.\s]+|[.\s]+$/g, '') || 'export';
}

/** The ASCII fallback: accents dropped, dashes kept as '-', other characters as '_'; no quotes, '%' or '\'. */
export function asciiFileName(name: string): string {
  const ascii = safeFileName(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[^\x20-\x7e]|[%'`]/g, '_')
    .replace(/_+/g, '_');
  return safeFileName(ascii);
}

const day = (wallClock: Date): string => wallClock.toISOString().slice(0, 10);

/** The days a range [from, to) covers, given as wall-clock Dates: `2026-03-01–2026-03-31`, or one day. */
export function dayRangeLabel(fromWallClock: Date, toWallClock: Date): string {
  const first = day(fromWallClock);
  const last = day(new Date(Math.max(toWallClock.getTime() - 1, fromWallClock.getTime())));
  return first === last ? first : `${first}–${last}`;
}

/** The months the sending-limit view covers: `months` months ending with `month` (YYYY-MM). */
export function monthRangeLabel(month: string, months = 1): string {
  const last = wallClockDate(month);
  const first = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - (months - 1), 1));
  const label = (date: Date) => date.toISOString().slice(0, 7);
  return months > 1 ? `${label(first)}–${label(last)}` : label(last);
}

export interface FileNameContext {
  from?: string;
  to?: string;
  month?: string;
  months?: number;
}

/** `Mail delivery by request date 2026-03-01–2026-03-31`; several views: `Mail delivery statistics …`. */
export function exportFileName(views: readonly ViewDefinition[], context: FileNameContext): string {
  const subject = views.length === 1 ? views[0].title.toLowerCase() : 'statistics';
  const range =
    context.from && context.to
      ? dayRangeLabel(wallClockDate(context.from), wallClockDate(context.to))
      : context.month
        ? monthRangeLabel(context.month, context.months)
        : '';
  return safeFileName(`Mail delivery ${subject} ${range}`);
}
