/**
 * Sums of stored counters, grouped by time bucket and tags. Cost depends on pieces x series,
 * never on the number of events: a query reads the least detailed level that has what it
 * needs (schema.ts) and covers its range with the coarsest pieces that fit: UTC days inside,
 * hours next to them, 15-minute pieces only at the very edges. Every statement goes to
 * InfluxDB as its own request, all at once (InfluxDB runs the statements of one request one
 * after another, but separate requests on all its cores); the rows of a query's pieces are
 * summed here.
 */
import type { Axis } from './counterStore';
import type { InfluxClient } from './influxClient';
import { decodeTagText, encodeTagText, influxString, tagEquals } from './lineProtocol';
import { measurementRef } from './retention';
import {
  GRANULARITY_MS,
  granularitiesOf,
  levelFor,
  measurementOf,
  type CounterLevel,
  type CounterMeasurement,
  type Granularity,
} from './schema';
import { zoneOf } from './zones';

export type CounterTag = 'kind' | 'code' | 'template' | 'domain';

export interface CountsSelection {
  account: string;
  axis: Axis;
  kinds?: readonly string[];
  codes?: readonly string[];
  templates?: readonly string[];
  domains?: readonly string[];
  /** Bucket timestamps in [from, to), epoch ms (15-minute aligned). */
  from: number;
  to: number;
}

export interface SumQuery extends CountsSelection {
  /** Group by local hours or days of `tz` (InfluxDB's tz() clause); absent for one sum over the range. */
  time?: { interval: '1h' | '1d'; tz: string };
  groupBy: readonly CounterTag[];
  /** Read this level, not the least detailed one that has what the query needs: a check of the very points another query read (sumsCache.ts). */
  level?: CounterLevel;
}

export interface SumRow {
  /** Bucket start (epoch ms), when grouped by time. */
  time?: number;
  tags: Partial<Record<CounterTag, string>>;
  n: number;
}

/** One statement's share of a query: a measurement over [from, to). */
export interface Piece {
  measurement: CounterMeasurement;
  from: number;
  to: number;
}

const DECODED_TAGS: ReadonlySet<CounterTag> = new Set(['template', 'domain']);
const DAY_MS = GRANULARITY_MS['1d'];
const MINUTE_MS = 60_000;

/** The least detailed level that has every name the query filters or groups by, and the counters it sums. */
export function levelOf(query: SumQuery): CounterLevel {
  if (query.level !== undefined) {
    return query.level;
  }
  const needs = (tag: CounterTag, values: readonly string[] | undefined) =>
    (values?.length ?? 0) > 0 || query.groupBy.includes(tag);
  return levelFor({
    template: needs('template', query.templates),
    domain: needs('domain', query.domains),
    code: needs('code', query.codes),
    axis: query.axis,
    kinds: query.kinds,
  });
}

/**
 * The zone's UTC offsets (minutes) over [from, to): at both ends and at every UTC midnight
 * between, which sees every DST and other offset change as long as a zone changes its offset
 * at most once a day (true of every zone in the tz database since 2000, the events' range).
 */
export function offsetsOver(tz: string, from: number, to: number): Set<number> {
  const zone = zoneOf(tz);
  const offsets = new Set([zone.offset(from), zone.offset(Math.max(from, to - 1))]);
  for (let midnight = Math.ceil(from / DAY_MS) * DAY_MS; midnight < to; midnight += DAY_MS) {
    offsets.add(zone.offset(midnight));
  }
  return offsets;
}

/**
 * Whether pieces of this size sum exactly into the query's local hours or days: every local
 * hour or day start in the range must fall on a piece boundary, i.e. each offset the zone has
 * over the range is a multiple of the piece. Hours fit whole-hour zones (DST included), UTC days
 * only zones at offset 0; 15 minutes fit every zone.
 */
function fitsZone(size: Granularity, time: SumQuery['time'], from: number, to: number): boolean {
  if (time === undefined || size === '15m') {
    return true;
  }
  const sizeMs = GRANULARITY_MS[size];
  if (sizeMs > GRANULARITY_MS[time.interval]) {
    return false;
  }
  return [...offsetsOver(time.tz, from, to)].every((offset) => (offset * MINUTE_MS) % sizeMs === 0);
}

/** Covers [from, to) with the first size inside and the next ones at the edges; the last size covers any rest. */
function cover(
  from: number,
  to: number,
  sizes: readonly Granularity[]
): Array<{ size: Granularity; from: number; to: number }> {
  if (from >= to) {
    return [];
  }
  const [size, ...finer] = sizes;
  if (finer.length === 0) {
    return [{ size, from, to }];
  }
  const sizeMs = GRANULARITY_MS[size];
  const inner = { from: Math.ceil(from / sizeMs) * sizeMs, to: Math.floor(to / sizeMs) * sizeMs };
  if (inner.from >= inner.to) {
    return cover(from, to, finer);
  }
  return [...cover(from, inner.from, finer), { size, ...inner }, ...cover(inner.to, to, finer)];
}

/** The statements' pieces: coarsest pieces that fit the level, the range and the zone. */
export function piecesOf(query: SumQuery): Piece[] {
  const level = levelOf(query);
  const sizes = granularitiesOf(level).filter((size) => fitsZone(size, query.time, query.from, query.to));
  return cover(query.from, query.to, sizes).map((piece) => ({
    measurement: measurementOf(level, piece.size),
    from: piece.from,
    to: piece.to,
  }));
}

/** @param from the piece's measurement as the FROM clause names it (retention.ts measurementRef) */
export function sumStatement(query: SumQuery, piece: Piece, from: string): string {
  const conditions = [
    `"account" = ${influxString(query.account)}`,
    `"axis" = ${influxString(query.axis)}`,
    tagEquals('kind', query.kinds ?? []),
    tagEquals('code', query.codes ?? []),
    tagEquals('template', (query.templates ?? []).map(encodeTagText)),
    tagEquals('domain', (query.domains ?? []).map(encodeTagText)),
    `time >= ${piece.from}ms`,
    `time < ${piece.to}ms`,
  ].filter((condition) => condition !== '');
  const groups = [...(query.time ? [`time(${query.time.interval})`] : []), ...query.groupBy.map((tag) => `"${tag}"`)];
  const groupBy = groups.length > 0 ? ` GROUP BY ${groups.join(', ')}` : '';
  const tz = query.time ? ` fill(none) tz(${influxString(query.time.tz)})` : '';
  return `SELECT sum("n") AS "n" FROM ${from} WHERE ${conditions.join(' AND ')}${groupBy}${tz}`;
}

/** A query's statements, one per piece. */
export function statementsOf(influx: InfluxClient, query: SumQuery): string[] {
  return piecesOf(query).map((piece) => sumStatement(query, piece, measurementRef(influx, piece.measurement)));
}

export const sumOf = (rows: readonly SumRow[]) => rows.reduce((sum, row) => sum + row.n, 0);

/** Runs several sums at once; one list of rows per query, each (time, tags) once. */
export async function sumCounts(
  influx: InfluxClient,
  queries: readonly SumQuery[],
  signal?: AbortSignal
): Promise<SumRow[][]> {
  const statements = queries.map((query) => statementsOf(influx, query));
  const results = await Promise.all(
    statements.map((ofQuery) => Promise.all(ofQuery.map(async (statement) => (await influx.query(statement, signal))[0])))
  );
  return queries.map((query, index) => {
    const sums = new Map<string, SumRow>();
    for (const result of results[index]) {
      for (const series of result?.series ?? []) {
        const tags: Partial<Record<CounterTag, string>> = {};
        for (const tag of query.groupBy) {
          const stored = series.tags?.[tag] ?? '';
          tags[tag] = DECODED_TAGS.has(tag) ? decodeTagText(stored) : stored;
        }
        const tagKey = query.groupBy.map((tag) => tags[tag]).join('\u0000');
        const timeColumn = series.columns.indexOf('time');
        const nColumn = series.columns.indexOf('n');
        for (const values of series.values) {
          const time = query.time ? Number(values[timeColumn]) : undefined;
          const key = `${time}\u0000${tagKey}`;
          const n = Number(values[nColumn] ?? 0);
          const sum = sums.get(key);
          if (sum) {
            sum.n += n;
          } else {
            sums.set(key, { time, tags, n });
          }
        }
      }
    }
    return [...sums.values()].filter((row) => row.n !== 0);
  });
}
