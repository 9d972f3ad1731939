/** Expected time-view totals and rows, built from counts alone (domain.md's rules), for the tests that tally their own data. */
import { zeroRequestRow, zeroSendRow } from './fixtures';

/** Counts of a time view; a missing one is 0. */
export type Counts = Partial<Record<Exclude<keyof typeof zeroRequestRow, keyof typeof RATE_FORMULAS>, number>>;

/** domain.md's rates, written out here and not taken from views.ts, which the tests check. */
const RATE_FORMULAS = {
  deliveryRate: ['sentCount', 'requestCount'],
  openRate: ['openedCount', 'sentCount'],
  unsubscribeRate: ['unsubscribeCount', 'openedCount'],
  bounceRate: ['bouncedCount', 'sentCount'],
  complaintRate: ['complaintCount', 'sentCount'],
} as const;

/** Time-view totals with every count zero unless given, and the rates of those counts; only the axis's fields. */
export function expectedTotals(counts: Counts, axis: 'request' | 'send') {
  const all: Record<string, number | null> = { ...zeroRequestRow, ...counts };
  for (const [rate, [numerator, denominator]] of Object.entries(RATE_FORMULAS)) {
    const [n, d] = [all[numerator] as number, all[denominator] as number];
    all[rate] = d === 0 ? null : n / d;
  }
  const fields = Object.keys(axis === 'request' ? zeroRequestRow : zeroSendRow);
  return Object.fromEntries(fields.map((field) => [field, all[field]]));
}
