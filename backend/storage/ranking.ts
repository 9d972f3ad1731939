/**
 * The top names of a sum over a range (the domain view's ranking), exactly, reading every
 * name's series once. InfluxDB 1.x pays per series and statement: a sum by domain over
 * 2,000 domains costs about the same on a quarter hour as on 90 days, and a range is up to
 * five pieces (countsReader.ts). So the UTC days inside the range are read by name, once;
 * the range's total (a level without names: a few series) bounds what the edges can add to
 * any one name; only names that bound lets into the top are read exactly over the whole range,
 * by time bucket when the caller wants series: their sums are those buckets' sums, so the
 * series cost no further round. The inner days' sums by name are kept between calls and
 * checked against InfluxDB before each use (sumsCache.ts).
 */
import { levelOf, piecesOf, sumCounts, sumOf, type SumQuery, type SumRow } from './countsReader';
import type { InfluxClient } from './influxClient';
import { granularitiesOf, MEASUREMENTS } from './schema';
import type { SumsCache } from './sumsCache';

export type RankedTag = 'domain' | 'code' | 'template';

export interface TopSums {
  /** Every name of the top `top` with its exact sum over the range, and maybe a few more (each exact too). */
  rows: SumRow[];
  /** The sum over every name: the rest is total minus the names shown. */
  total: number;
  /** When the query groups by time: the total of every name per bucket. */
  totalByTime?: SumRow[];
  /** When the query groups by time and the ranking read them: the buckets of every name in `rows`. */
  rowsByTime?: SumRow[];
}

/** Beyond this many candidates the exact read by name filter costs more than reading every name. */
const candidateLimit = (top: number) => top * 2 + 50;

/** One row per name: the sums of its rows over every bucket. */
function sumsByName(rows: readonly SumRow[], tag: RankedTag): SumRow[] {
  const byName = new Map<string, SumRow>();
  for (const row of rows) {
    const name = row.tags[tag]!;
    const sum = byName.get(name);
    if (sum) {
      sum.n += row.n;
    } else {
      byName.set(name, { tags: { [tag]: name }, n: row.n });
    }
  }
  return [...byName.values()];
}

/**
 * Sums by `tag` of which at least the `top` largest are exact (ties broken as the caller
 * sorts, by name: every name that could tie is included). Reads every name over the whole
 * range when the bound cannot exclude enough of them (short ranges, few names, levels without
 * daily pieces, top=all). With `query.time`, also the total per bucket and, when the bound
 * held, every returned name's buckets.
 */
export async function topSums(
  influx: InfluxClient,
  query: SumQuery & { groupBy: [RankedTag] },
  top: number,
  innerDays: SumsCache,
  signal?: AbortSignal
): Promise<TopSums> {
  const { time, ...overRange } = query;
  const totalQuery = { ...query, groupBy: [] };
  const everyName = async (knownByTime?: SumRow[]): Promise<TopSums> => {
    const [[rows], totalByTime] = await Promise.all([
      sumCounts(influx, [overRange], signal),
      time === undefined
        ? undefined
        : (knownByTime ?? sumCounts(influx, [totalQuery], signal).then(([byTime]) => byTime)),
    ]);
    return { rows, total: sumOf(rows), totalByTime };
  };
  const [coarsest] = granularitiesOf(levelOf(query));
  const inner =
    coarsest === '15m'
      ? undefined
      : piecesOf(overRange).find((piece) => MEASUREMENTS[piece.measurement].granularity === coarsest);
  if (!Number.isFinite(top) || inner === undefined) {
    return everyName();
  }
  const [innerRows, [totalRows]] = await Promise.all([
    innerDays.sums(influx, { ...overRange, from: inner.from, to: inner.to }, signal),
    sumCounts(influx, [totalQuery], signal),
  ]);
  const total = sumOf(totalRows);
  const totalByTime = time === undefined ? undefined : totalRows;
  // What the pieces outside the inner days hold, over every name: no name gains more there.
  const edges = total - sumOf(innerRows);
  const byInner = [...innerRows].sort((a, b) => b.n - a.n);
  const nth = byInner[top - 1]?.n ?? 0;
  // A name absent from the inner days has at most `edges`: it must stay below the top's smallest.
  if (edges >= nth) {
    return everyName(totalByTime);
  }
  const tag = query.groupBy[0];
  const candidates = byInner.filter((row) => row.n + edges >= nth).map((row) => row.tags[tag]!);
  if (candidates.length > candidateLimit(top)) {
    return everyName(totalByTime);
  }
  const named = { domain: { domains: candidates }, code: { codes: candidates }, template: { templates: candidates } }[
    tag
  ];
  const [rows] = await sumCounts(influx, [{ ...query, ...named }], signal);
  return time === undefined ? { rows, total } : { rows: sumsByName(rows, tag), total, totalByTime, rowsByTime: rows };
}

/** Sums by `tag` of every name in one read, with `query.time` from their buckets: for names few enough to list them all (result codes). */
export async function allSums(
  influx: InfluxClient,
  query: SumQuery & { groupBy: [RankedTag] },
  signal?: AbortSignal
): Promise<TopSums> {
  const [rows] = await sumCounts(influx, [query], signal);
  if (query.time === undefined) {
    return { rows, total: sumOf(rows) };
  }
  return { rows: sumsByName(rows, query.groupBy[0]), total: sumOf(rows), rowsByTime: rows };
}
