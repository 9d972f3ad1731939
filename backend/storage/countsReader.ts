/**
 * Sums of stored counters, grouped by time bucket and tags. Cost depends on buckets x
 * series, never on the number of events: the counters are already summed per 15 minutes.
 */
import type { Axis } from './counterStore';
import type { InfluxClient } from './influxClient';
import { decodeTagText, encodeTagText, influxString, tagEquals } from './lineProtocol';
import { measurementFor, type CounterMeasurement } from './schema';

export type CounterTag = 'kind' | 'code' | 'template' | 'domain';

export interface CountsSelection {
  account: string;
  axis: Axis;
  kinds?: readonly string[];
  codes?: readonly string[];
  templates?: readonly string[];
  domains?: readonly string[];
  /** Bucket timestamps in [from, to), epoch ms. */
  from: number;
  to: number;
}

export interface SumQuery extends CountsSelection {
  /** Group by local hours or days of `tz` (InfluxDB's tz() clause); absent for one sum over the range. */
  time?: { interval: '1h' | '1d'; tz: string };
  groupBy: readonly CounterTag[];
}

export interface SumRow {
  /** Bucket start (epoch ms), when grouped by time. */
  time?: number;
  tags: Partial<Record<CounterTag, string>>;
  n: number;
}

const DECODED_TAGS: ReadonlySet<CounterTag> = new Set(['template', 'domain']);

/** The least detailed measurement that has every name the query filters or groups by. */
export function measurementOf(query: SumQuery): CounterMeasurement {
  const needs = (tag: CounterTag, values: readonly string[] | undefined) =>
    (values?.length ?? 0) > 0 || query.groupBy.includes(tag);
  const needsTemplate = needs('template', query.templates);
  const needsDomain = needs('domain', query.domains);
  const resultsOnRequestDate = query.axis === 'request' && query.kinds?.length === 1 && query.kinds[0] === 'result';
  if (needsDomain && !needsTemplate && !needs('code', query.codes) && resultsOnRequestDate) {
    return 'mail_results_by_domain';
  }
  return measurementFor(needsTemplate, needsDomain);
}

export function sumStatement(query: SumQuery, measurement = measurementOf(query)): string {
  const conditions = [
    `"account" = ${influxString(query.account)}`,
    `"axis" = ${influxString(query.axis)}`,
    tagEquals('kind', query.kinds ?? []),
    tagEquals('code', query.codes ?? []),
    tagEquals('template', (query.templates ?? []).map(encodeTagText)),
    tagEquals('domain', (query.domains ?? []).map(encodeTagText)),
    `time >= ${query.from}ms`,
    `time < ${query.to}ms`,
  ].filter((condition) => condition !== '');
  const groups = [...(query.time ? [`time(${query.time.interval})`] : []), ...query.groupBy.map((tag) => `"${tag}"`)];
  const groupBy = groups.length > 0 ? ` GROUP BY ${groups.join(', ')}` : '';
  const tz = query.time ? ` fill(none) tz(${influxString(query.time.tz)})` : '';
  return `SELECT sum("n") AS "n" FROM "${measurement}" WHERE ${conditions.join(' AND ')}${groupBy}${tz}`;
}

/** Runs several sums in one round trip; one list of rows per query. */
export async function sumCounts(
  influx: InfluxClient,
  queries: readonly SumQuery[],
  signal?: AbortSignal
): Promise<SumRow[][]> {
  const results = await influx.query(queries.map((query) => sumStatement(query)).join('; '), signal);
  return queries.map((query, index) => {
    const rows: SumRow[] = [];
    for (const series of results[index]?.series ?? []) {
      const tags: Partial<Record<CounterTag, string>> = {};
      for (const tag of query.groupBy) {
        const stored = series.tags?.[tag] ?? '';
        tags[tag] = DECODED_TAGS.has(tag) ? decodeTagText(stored) : stored;
      }
      const timeColumn = series.columns.indexOf('time');
      const nColumn = series.columns.indexOf('n');
      for (const values of series.values) {
        const n = Number(values[nColumn] ?? 0);
        if (n !== 0) {
          rows.push({ time: query.time ? Number(values[timeColumn]) : undefined, tags, n });
        }
      }
    }
    return rows;
  });
}
