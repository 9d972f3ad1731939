/**
 * Sums by name kept until their points change: the domain ranking's one statement over every
 * domain's series (its UTC days inside the range), which InfluxDB 1.x answers slowly because it
 * builds one group per name. A counter's point holds an absolute total that only grows (counts
 * are added, never taken away, see counterStore.ts), so when one sum over the same points and
 * filters, without grouping, still equals the cached names' sum, every name's sum is unchanged:
 * a larger value anywhere would make it larger. That check reads InfluxDB on every use, so
 * counts written by any instance, at any time, are seen; it never serves a stale number.
 */
import { levelOf, statementsOf, sumCounts, sumOf, type SumQuery, type SumRow } from './countsReader';
import type { InfluxClient } from './influxClient';

/** Rows kept over every entry (about 100 B each): many rankings of 2,000 domains, a few of 50,000. */
const MAX_ROWS = 200_000;

interface Entry {
  rows: SumRow[];
  total: number;
}

export class SumsCache {
  /** By the statements read, least recently used first. */
  private readonly entries = new Map<string, Entry>();
  private rowsKept = 0;

  /** The query's rows (no time grouping), from the cache when one ungrouped sum shows its points unchanged. */
  async sums(influx: InfluxClient, query: SumQuery, signal?: AbortSignal): Promise<SumRow[]> {
    const key = statementsOf(influx, query).join('; ');
    const cached = this.entries.get(key);
    if (cached) {
      const [check] = await sumCounts(influx, [{ ...query, groupBy: [], level: levelOf(query) }], signal);
      if (sumOf(check) === cached.total) {
        this.keep(key, cached);
        return cached.rows;
      }
    }
    const [rows] = await sumCounts(influx, [query], signal);
    this.keep(key, { rows, total: sumOf(rows) });
    return rows;
  }

  private keep(key: string, entry: Entry): void {
    this.forget(key);
    this.entries.set(key, entry);
    this.rowsKept += entry.rows.length;
    for (const oldest of this.entries.keys()) {
      if (this.rowsKept <= MAX_ROWS) {
        break;
      }
      this.forget(oldest);
    }
  }

  private forget(key: string): void {
    this.rowsKept -= this.entries.get(key)?.rows.length ?? 0;
    this.entries.delete(key);
  }
}
