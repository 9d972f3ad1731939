/**
 * The top names of a sum over a range (the domain view's ranking), exactly, reading every
 * name's series once. InfluxDB 1.x pays per series and statement: a sum by domain over
 * 2,000 domains costs about the same on a quarter hour as on 90 days, and a range is up to
 * five pieces (countsReader.ts). So the UTC days inside the range are read by name, once;
 * the range's total (a level without names: a few series) bounds what the edges can add to
 * any one name; only names that bound lets into the top are read exactly over the whole range.
 */
import { levelOf, piecesOf, sumCounts, type SumQuery, type SumRow } from './countsReader';
import type { InfluxClient } from './influxClient';
import { granularitiesOf, MEASUREMENTS } from './schema';

export type RankedTag = 'domain' | 'code' | 'template';

export interface TopSums {
  /** Every name of the top `top` with its exact sum, and maybe a few more (each exact too). */
  rows: SumRow[];
  /** The sum over every name: the rest is total minus the names shown. */
  total: number;
}

/** Beyond this many candidates the exact read by name filter costs more than reading every name. */
const candidateLimit = (top: number) => top * 2 + 50;

const sumOf = (rows: readonly SumRow[]) => rows.reduce((sum, row) => sum + row.n, 0);

/**
 * Sums by `tag` of which at least the `top` largest are exact (ties broken as the caller
 * sorts, by name: every name that could tie is included). Reads every name over the whole
 * range when the bound cannot exclude enough of them (short ranges, few names, levels without
 * daily pieces, top=all).
 */
export async function topSums(
  influx: InfluxClient,
  query: SumQuery & { groupBy: [RankedTag] },
  top: number,
  signal?: AbortSignal
): Promise<TopSums> {
  const everyName = async (): Promise<TopSums> => {
    const [rows] = await sumCounts(influx, [query], signal);
    return { rows, total: sumOf(rows) };
  };
  const [coarsest] = granularitiesOf(levelOf(query));
  const inner =
    coarsest === '15m'
      ? undefined
      : piecesOf(query).find((piece) => MEASUREMENTS[piece.measurement].granularity === coarsest);
  if (!Number.isFinite(top) || inner === undefined || query.time !== undefined) {
    return everyName();
  }
  const [[innerRows], [totalRows]] = await Promise.all([
    sumCounts(influx, [{ ...query, from: inner.from, to: inner.to }], signal),
    sumCounts(influx, [{ ...query, groupBy: [] }], signal),
  ]);
  const total = sumOf(totalRows);
  // What the pieces outside the inner days hold, over every name: no name gains more there.
  const edges = total - sumOf(innerRows);
  const byInner = [...innerRows].sort((a, b) => b.n - a.n);
  const nth = byInner[top - 1]?.n ?? 0;
  // A name absent from the inner days has at most `edges`: it must stay below the top's smallest.
  if (edges >= nth) {
    return everyName();
  }
  const tag = query.groupBy[0];
  const candidates = byInner.filter((row) => row.n + edges >= nth).map((row) => row.tags[tag]!);
  if (candidates.length > candidateLimit(top)) {
    return everyName();
  }
  const named = { domain: { domains: candidates }, code: { codes: candidates }, template: { templates: candidates } }[
    tag
  ];
  const [rows] = await sumCounts(influx, [{ ...query, ...named }], signal);
  return { rows, total };
}
