/**
 * Computes the five statistics views from the counters in InfluxDB, exactly as
 * views.ts defines them. Every read first waits until the changes acknowledged so far
 * are in InfluxDB, so an answer never misses an accepted event.
 */
import { sumCounts, type CountsSelection, type SumQuery, type SumRow } from '../storage/countsReader';
import { InfluxUnavailableError, type InfluxClient } from '../storage/influxClient';
import { allSums, topSums } from '../storage/ranking';
import { SumsCache } from '../storage/sumsCache';
import type { OutboxFlusher } from '../storage/outboxFlusher';
import { storageErrorCode } from '../storage/storageErrors';
import type { DomainsResponse, ResultCodesResponse, TimeRowValues, TimeViewResponse } from '../contract/apiTypes';
import { addCounter, SEND_AXIS_KINDS } from './counting';
import { ApiError } from './errors';
import { takesTop } from '../contract/params';
import { RESULT_CODES } from '../contract/resultCodes';
import { checkAnswerCells, type StatsRequest } from './statsParams';
import { formatBucket, planBuckets, type BucketPlan } from './timeBuckets';
import { bucketCeil, bucketStart } from './timestamps';
import {
  computeRates,
  METRIC_DEFINITIONS,
  OTHER_DOMAINS,
  ratio,
  zeroCounts,
  type Counts,
  type DistributionViewDefinition,
  type MetricKey,
  type TimeViewDefinition,
} from '../contract/views';

const FRESHNESS_TIMEOUT_MS = 10000;

export class QueryGateway {
  /** The domain ranking's sums over whole UTC days, checked against InfluxDB on every use. */
  private readonly innerDays = new SumsCache();

  constructor(
    private readonly influx: InfluxClient,
    private readonly flusher: OutboxFlusher
  ) {}

  /** Runs sums once the outbox is drained; InfluxDB trouble becomes a 503. */
  sums(queries: readonly SumQuery[], signal?: AbortSignal): Promise<SumRow[][]> {
    return this.read(() => sumCounts(this.influx, queries, signal), signal);
  }

  private async read<T>(run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error('writing recent events to InfluxDB takes too long')),
          FRESHNESS_TIMEOUT_MS
        );
      });
      await Promise.race([this.flusher.flushed(), timeout]).finally(() => clearTimeout(timer));
      return await run();
    } catch (error) {
      if (error instanceof ApiError || (signal?.aborted ?? false)) {
        throw error;
      }
      if (storageErrorCode(error) !== undefined) {
        throw new ApiError(
          503,
          'storage_unavailable',
          `statistics are unavailable: DATA_DIR cannot be read or written (${(error as Error).message})`,
          undefined,
          30
        );
      }
      const reason = error instanceof InfluxUnavailableError ? error.message : (error as Error).message;
      throw new ApiError(
        503,
        'influxdb_unavailable',
        `statistics are unavailable until InfluxDB accepts writes and queries: ${reason}`,
        undefined,
        5
      );
    }
  }

  private selection(request: StatsRequest, axis: 'request' | 'send'): CountsSelection {
    return {
      account: request.account,
      axis,
      templates: request.filters.template,
      domains: request.filters.domain,
      codes: request.filters.resultCode,
      from: bucketStart(request.from),
      to: bucketCeil(request.to),
    };
  }

  private header(request: StatsRequest) {
    return {
      from: formatBucket(request.from, request.tz),
      to: formatBucket(request.to, request.tz),
      tz: request.tz,
      interval: request.interval,
    };
  }

  async timeView(view: TimeViewDefinition, request: StatsRequest, signal?: AbortSignal): Promise<TimeViewResponse> {
    const plan = planBuckets(request.from, request.to, request.interval, request.tz);
    const [rows] = await this.sums(
      [
        {
          ...this.selection(request, view.axis),
          kinds: view.axis === 'send' ? SEND_AXIS_KINDS : undefined,
          time: { interval: plan.storageInterval, tz: request.tz },
          groupBy: ['kind', 'code'],
        },
      ],
      signal
    );
    const buckets = plan.starts.map(() => zeroCounts());
    const totals = zeroCounts();
    for (const row of rows) {
      const index = plan.indexOf(row.time!);
      if (index >= 0) {
        addCounter(buckets[index], row.tags.kind!, row.tags.code!, row.n);
        addCounter(totals, row.tags.kind!, row.tags.code!, row.n);
      }
    }
    return {
      view: view.id as TimeViewResponse['view'],
      ...this.header(request),
      rows: buckets.map((counts, index) => ({
        time: formatBucket(plan.starts[index], request.tz),
        ...pick(view.metrics, counts),
      })),
      totals: pick(view.metrics, totals),
    };
  }

  async distribution(
    view: DistributionViewDefinition,
    request: StatsRequest,
    signal?: AbortSignal
  ): Promise<DomainsResponse | ResultCodesResponse> {
    const tag = view.dimension === 'domain' ? 'domain' : 'code';
    const plan = planBuckets(request.from, request.to, request.interval, request.tz);
    // A workbook shows no series: with top=all that spares one per domain and bucket.
    const wantsSeries = request.format !== 'xlsx';
    const byTime = wantsSeries ? { time: { interval: plan.storageInterval, tz: request.tz } } : {};
    const query = {
      ...this.selection(request, 'request'),
      kinds: ['result'],
      ...byTime,
      groupBy: [tag] as [typeof tag],
    };
    // Only domains sum a rest as (other); codes are few and all listed.
    const withOther = takesTop(view);
    const top = withOther ? request.top : Infinity;
    const byName = await this.read(
      () =>
        withOther ? topSums(this.influx, query, top, this.innerDays, signal) : allSums(this.influx, query, signal),
      signal
    );
    const ranked = byName.rows
      .map((row) => ({ name: row.tags[tag]!, count: row.n }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const total = byName.total;
    const shown = ranked.slice(0, top);
    // Every count is positive: some rest exists exactly when the shown ones leave some of the total.
    const restCount = total - shown.reduce((sum, row) => sum + row.count, 0);
    const rest = restCount > 0;
    const names = shown.map((row) => row.name);
    const withSeries = wantsSeries && names.length > 0;
    if (withSeries) {
      checkAnswerCells(plan.starts.length, names.length + (rest ? 1 : 0), 'a number for top, or format=xlsx');
    }
    // When every name is shown, none needs naming in the query (top=all: maybe 50,000 domains).
    const named = !rest ? {} : tag === 'domain' ? { domains: names } : { codes: names };
    const [shownByTime] =
      !withSeries || byName.rowsByTime !== undefined
        ? [byName.rowsByTime ?? []]
        : await this.sums([{ ...query, ...named }], signal);
    const series = withSeries
      ? seriesByName(plan, request.tz, names, shownByTime, tag, rest ? byName.totalByTime : undefined)
      : [];
    const header = { ...this.header(request), totals: { count: total } };
    if (view.dimension === 'domain') {
      const rows = shown.map((row) => ({ domain: row.name, count: row.count, share: ratio(row.count, total) }));
      if (rest) {
        rows.push({ domain: OTHER_DOMAINS, count: restCount, share: ratio(restCount, total) });
      }
      return {
        view: 'domains',
        ...header,
        rows,
        series: series.map(({ time, name, count }) => ({ time, domain: name, count })),
      };
    }
    return {
      view: 'result-codes',
      ...header,
      rows: shown.map((row) => ({
        resultCode: row.name,
        class: RESULT_CODES.get(row.name)!.resultClass,
        count: row.count,
        share: ratio(row.count, total),
      })),
      series: series.map(({ time, name, count }) => ({
        time,
        resultCode: name,
        count,
      })),
    };
  }
}

function pick(metrics: readonly MetricKey[], counts: Counts): TimeRowValues {
  const all: Record<string, number | null> = { ...counts, ...computeRates(counts) };
  const picked: TimeRowValues = {};
  for (const metric of metrics) {
    (picked as Record<string, number | null>)[METRIC_DEFINITIONS[metric].key] = all[metric];
  }
  return picked;
}

/** For every bucket (its label), one entry per shown name (zeros included) and, when some are not shown, one for (other). */
function seriesByName(
  plan: BucketPlan,
  tz: string,
  names: readonly string[],
  rows: readonly SumRow[],
  tag: 'domain' | 'code',
  totalByTime: readonly SumRow[] | undefined
): Array<{ time: string; name: string; count: number }> {
  const width = names.length + (totalByTime ? 1 : 0);
  const grid = plan.starts.map(() => new Array<number>(width).fill(0));
  const column = new Map(names.map((name, index) => [name, index]));
  for (const row of rows) {
    const index = plan.indexOf(row.time!);
    const col = column.get(row.tags[tag]!);
    if (index >= 0 && col !== undefined) {
      grid[index][col] += row.n;
    }
  }
  if (totalByTime) {
    for (const row of totalByTime) {
      const index = plan.indexOf(row.time!);
      if (index >= 0) {
        grid[index][names.length] += row.n;
      }
    }
    for (const cells of grid) {
      cells[names.length] -= cells.slice(0, names.length).reduce((sum, n) => sum + n, 0);
    }
  }
  const labels = totalByTime ? [...names, OTHER_DOMAINS] : names;
  // Each bucket's label once: formatting a time in a zone costs more than the rest of a cell.
  return grid.flatMap((cells, index) => {
    const time = formatBucket(plan.starts[index], tz);
    return labels.map((name, col) => ({ time, name, count: cells[col] }));
  });
}
