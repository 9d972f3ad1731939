import { MONTH_PATTERN } from '../../../contract/params';

/** Top N as typed: a whole number from 1, undefined when empty (the backend's default). */
export function parseTop(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }
  return /^[1-9]\d*$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

/** A sending-limit month as typed: YYYY-MM, a dashboard variable, or empty. */
export function isMonthInput(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || MONTH_PATTERN.test(trimmed) || /^\$(\w+|\{\w+\})$/.test(trimmed);
}
