/**
 * Case 2, views: latency of each view over 90 days through the backend (HTTP, counters),
 * against the very InfluxQL the backend sent, run on the raw database (one point per
 * recipient-mail event) and, for the breakdown, on the backend's own counters. Backend and
 * raw alternate run by run, up to `runs` runs or until the time budget of the view is spent
 * (at least two runs): raw queries over ten million points take many seconds each. A run is
 * one raw sample and BACKEND_SAMPLES_PER_RUN backend ones: a p95 needs many samples, and
 * backend ones take milliseconds.
 */
import { DateTime } from 'luxon';
import type { RunningBackend } from '../../backend/server';
import { InfluxClient, type InfluxStatementResult } from '../../backend/storage/influxClient';
import { COUNTS_MEASUREMENT } from '../../backend/storage/schema';
import { VIEW_IDS, VIEWS, type ViewId } from '../../contract/views';
import { join } from 'node:path';
import { BENCH_KEYS } from '../lib/backendProcess';
import { withCpuProfile } from '../lib/cpuProfile';
import { ratio, summarize, type Summary } from '../lib/summary';
import type { Dataset } from './dataset';

export interface ViewFigures {
  /** GET through the backend's HTTP API, milliseconds. */
  backend: Summary;
  /** The backend's statements run on its counters directly, once after the runs: its InfluxDB share of `backend`. */
  countersDirectMs: number;
  /** The same statements on the raw points. */
  raw: Summary;
  speedupP50: number;
  speedupP95: number;
  /** InfluxDB requests per view (statements), and rounds of them in flight together. */
  queries: number;
  rounds: number;
  /** Sum of every number the statements return, on counters and on raw points: equal when both hold the same events. */
  checksum: { counters: number; raw: number };
}

export const VIEW_DAYS = 90;
/** With 2 runs (10 M events on a slow day), 10 backend samples: a p95 that is not simply the slowest of 2. */
export const BACKEND_SAMPLES_PER_RUN = 5;

export function viewParams(id: ViewId, tz: string, nowMs: number): URLSearchParams {
  if (VIEWS[id].shape === 'limit') {
    return new URLSearchParams({ tz, months: '3' });
  }
  const from = DateTime.fromMillis(nowMs, { zone: tz }).startOf('day').minus({ days: VIEW_DAYS });
  return new URLSearchParams({ from: String(from.toMillis()), to: String(nowMs), tz, interval: '1d' });
}

async function elapsedMs(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function getView(baseUrl: string, path: string, params: URLSearchParams): Promise<string> {
  const answer = await fetch(`${baseUrl}/api/v1${path}?${params}`, { headers: { Authorization: `Bearer ${BENCH_KEYS.account}` } });
  const text = await answer.text();
  if (answer.status !== 200) {
    throw new Error(`GET ${path} answered ${answer.status}: ${text.slice(0, 300)}`);
  }
  return text;
}

function checksum(results: InfluxStatementResult[][]): number {
  let sum = 0;
  for (const result of results.flat()) {
    for (const series of result.series) {
      const column = series.columns.indexOf('n');
      for (const values of series.values) {
        sum += Number(values[column] ?? 0);
      }
    }
  }
  return sum;
}

/**
 * The raw points hold every tag, so any of the backend's counter measurements (rollups and
 * hourly or daily pieces included) reads as the raw one over the same time range.
 */
export function fromRawMeasurement(statement: string): string {
  return statement.replace(/ FROM ("[a-z0-9_]+"\.)?"mail_[a-z0-9_]+"/g, ` FROM "${COUNTS_MEASUREMENT}"`);
}

/**
 * Records the statements the backend sends to InfluxDB while `run` runs, in rounds: the
 * requests it had in flight together (a round ends when one of them is answered), so a replay
 * sends them as concurrently as the backend did.
 */
async function recordStatements(backend: RunningBackend, run: () => Promise<unknown>): Promise<string[][]> {
  const influx = backend.services.influx;
  const original = influx.query;
  const rounds: string[][] = [];
  let round: string[] | undefined;
  influx.query = (statements, signal, database) => {
    if (!round) {
      round = [];
      rounds.push(round);
    }
    round.push(statements);
    return original.call(influx, statements, signal, database).finally(() => {
      round = undefined;
    });
  };
  try {
    await run();
  } finally {
    influx.query = original;
  }
  return rounds;
}

export async function runViewsCase(
  dataset: Dataset,
  backend: RunningBackend,
  runs: number,
  budgetSeconds: number,
  nowMs: number,
  log: (line: string) => void,
  profileDir?: string
): Promise<Record<ViewId, ViewFigures>> {
  const counters = new InfluxClient({ url: dataset.backend.influxUrl, database: dataset.backend.database, timeoutMs: 600_000 });
  const raw = new InfluxClient({ url: dataset.backend.influxUrl, database: dataset.rawDatabase, timeoutMs: 600_000 });
  const figures = {} as Record<ViewId, ViewFigures>;
  for (const id of VIEW_IDS) {
    const path = VIEWS[id].path;
    const params = viewParams(id, dataset.backend.tz, nowMs);
    const statements = await recordStatements(backend, () => getView(backend.url, path, params));
    const replay = (client: InfluxClient, rewrite = (statement: string) => statement) => async () => {
      const results: InfluxStatementResult[][] = [];
      for (const round of statements) {
        results.push(...(await Promise.all(round.map((statement) => client.query(rewrite(statement))))));
      }
      return results;
    };
    const onRaw = replay(raw, fromRawMeasurement);
    const sums = { counters: checksum(await replay(counters)()), raw: checksum(await onRaw()) };
    const samples = { backend: [] as number[], raw: [] as number[] };
    const sides = [
      async () => {
        for (let sample = 0; sample < BACKEND_SAMPLES_PER_RUN; sample++) {
          samples.backend.push(await elapsedMs(() => getView(backend.url, path, params)));
        }
      },
      async () => samples.raw.push(await elapsedMs(onRaw)),
    ];
    const deadline = Date.now() + budgetSeconds * 1000;
    await withCpuProfile(profileDir && join(profileDir, `views-${dataset.label}-${id}.cpuprofile`), async () => {
      for (let run = 0; run < runs && (run < 2 || Date.now() < deadline); run++) {
        for (const side of run % 2 === 0 ? sides : [...sides].reverse()) {
          await side();
        }
      }
    });
    const countersDirectMs = Number((await elapsedMs(replay(counters))).toFixed(1));
    const backendFigures = summarize(samples.backend);
    const rawFigures = summarize(samples.raw);
    figures[id] = {
      backend: backendFigures,
      countersDirectMs,
      raw: rawFigures,
      speedupP50: ratio(rawFigures.median, backendFigures.median, 1),
      speedupP95: ratio(rawFigures.p95, backendFigures.p95, 1),
      queries: statements.flat().length,
      rounds: statements.length,
      checksum: sums,
    };
    log(
      `views ${dataset.label} ${id}: backend p50 ${backendFigures.median} ms p95 ${backendFigures.p95} ms, ` +
        `raw p50 ${rawFigures.median} ms p95 ${rawFigures.p95} ms (${figures[id].speedupP95}x at p95)` +
        (sums.counters === sums.raw ? '' : `; CHECKSUMS DIFFER counters ${sums.counters} raw ${sums.raw}`)
    );
  }
  return figures;
}
