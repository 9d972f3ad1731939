/**
 * The totals row under a table. Counts: the answer's totals, or the sum of the rows.
 * Rates: the answer's totals, or the rate of the summed counts; never an average of
 * percentages, which would weigh a quiet day like a busy one.
 */
import { RATE_DEFINITIONS, ratio, type ColumnDefinition, type RateMetric } from '../contract/views';
import { cellValue, type CellValue } from './cells';
import type { SheetRow } from './types';

export const TOTAL_LABEL = 'Total';

/** Sums the count columns of the rows written so far. */
export class CountSums {
  private readonly sums = new Map<string, number>();

  constructor(private readonly countKeys: readonly string[]) {}

  add(row: SheetRow): void {
    for (const key of this.countKeys) {
      const value = row[key];
      if (typeof value === 'number') {
        this.sums.set(key, (this.sums.get(key) ?? 0) + value);
      }
    }
  }

  get(key: string): number {
    return this.sums.get(key) ?? 0;
  }
}

const isRate = (key: string): key is RateMetric => Object.prototype.hasOwnProperty.call(RATE_DEFINITIONS, key);

function totalOf(column: ColumnDefinition, totals: SheetRow | undefined, sums: CountSums): CellValue {
  if (totals && column.key in totals) {
    return cellValue(column.unit, totals[column.key]);
  }
  if (column.unit === 'count') {
    return sums.get(column.key);
  }
  if (isRate(column.key)) {
    const { numerator, denominator } = RATE_DEFINITIONS[column.key];
    return ratio(sums.get(numerator), sums.get(denominator));
  }
  return null;
}

/** Values of the totals row: the label in the first column, counts and rates below theirs. */
export function totalsRow(
  columns: readonly ColumnDefinition[],
  totals: SheetRow | undefined,
  sums: CountSums
): CellValue[] {
  return columns.map((column, index) =>
    index === 0
      ? TOTAL_LABEL
      : column.unit === 'count' || column.unit === 'percent'
        ? totalOf(column, totals, sums)
        : null
  );
}
