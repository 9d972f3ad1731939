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

/** Rankings kept: a dashboard's few ranges and filters per account. */
const CAPACITY = 64;

interface Entry {
  rows: SumRow[];
  total: number;
}

export class SumsCache {
  /** By the statements read, least recently used first. */
  private readonly entries = new Map<string, Entry>();

  /** The query's rows (no time grouping), from the cache when one ungrouped sum shows its points unchanged. */
  async sums(influx: InfluxClient, query: SumQuery, signal?: AbortSignal): Promise<SumRow[]> {
    const key = statementsOf(influx, query).join('; ');
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      const [check] = await sumCounts(influx, [{ ...query, groupBy: [], level: levelOf(query) }], signal);
      if (sumOf(check) === cached.total) {
        this.entries.set(key, cached);
        return cached.rows;
      }
    }
    const [rows] = await sumCounts(influx, [query], signal);
    this.entries.set(key, { rows, total: sumOf(rows) });
    if (this.entries.size > CAPACITY) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return rows;
  }
}
