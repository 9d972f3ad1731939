/**
 * `npm run bench`: the benchmarks of issue 7 as ratios measured in one run on one machine
 * (see bench/README.md). Starts its own InfluxDB, runs the cases, prints a table and writes
 * bench/results.json. Settings by environment:
 *   BENCH_SIZES        data-set sizes of the views case in events (default 1000000,10000000)
 *   BENCH_VIEW_RUNS    measured runs per view (one raw sample and 5 backend ones each) and dashboard (default 20), within
 *   BENCH_VIEW_BUDGET_S  seconds per view (default 45; at least 2 runs each side)
 *   BENCH_API_LOAD_MAX  largest data set loaded through the ingestion API; larger ones are
 *                      written as the backend's counters (default 1000000, see README)
 *   BENCH_DASHBOARD_SIZES  data sets the dashboard case runs on (default the smallest)
 *   BENCH_INGEST_ROUNDS, BENCH_INGEST_EVENTS  ingest rounds per side and events per round (5, 200000)
 *   BENCH_SUSTAINED_S  seconds of the sustained-load case, at 80 % of the ingest case's raw rate (default 300)
 *   BENCH_CASES        cases to run (default ingest,sustained,views,dashboard,export; sustained needs ingest)
 *   BENCH_PROFILE=1    CPU profiles of the child backends, and of this process during each view, in bench/profiles/
 *   BENCH_TZ           zone of the views and the dashboard (default Asia/Seoul, the traffic's zone)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInfluxd } from '../scripts/lib/influxd';
import { runDashboardCase, type DashboardFigures } from './cases/dashboard';
import { dropDataset, loadDataset, setBenchLimits, type Dataset } from './cases/dataset';
import { runExportCase, type ExportResults } from './cases/exportCase';
import { runIngestCase, type IngestResult } from './cases/ingest';
import { runSustainedCase, SUSTAINED_TARGETS, type SustainedResult } from './cases/sustained';
import { runViewsCase, type ViewFigures } from './cases/views';
import { startInProcessBackend } from './lib/backendProcess';
import { machineInfo, versions } from './lib/machine';
import { formatTable, type Cell } from './lib/table';
import { exportTargets, ingestTargets, viewTargets, type TargetCheck } from './lib/targets';
import type { ViewId } from '../contract/views';

const ROOT = join(__dirname, '..');
const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const settings = {
  sizes: (env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number),
  viewRuns: number('BENCH_VIEW_RUNS', 20),
  viewBudgetSeconds: number('BENCH_VIEW_BUDGET_S', 45),
  apiLoadMax: number('BENCH_API_LOAD_MAX', 1_000_000),
  ingestRounds: number('BENCH_INGEST_ROUNDS', 5),
  ingestEvents: number('BENCH_INGEST_EVENTS', 200_000),
  sustainedSeconds: number('BENCH_SUSTAINED_S', 300),
  cases: new Set((env.BENCH_CASES ?? 'ingest,sustained,views,dashboard,export').split(',')),
  tz: env.BENCH_TZ ?? 'Asia/Seoul',
  dashboardSizes: env.BENCH_DASHBOARD_SIZES?.split(',').map(Number),
  profileDir: env.BENCH_PROFILE ? join(ROOT, 'bench', 'profiles') : undefined,
};

const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const sizeLabel = (events: number) => (events >= 1e6 ? `${events / 1e6}M` : `${events / 1e3}k`);

interface SizeResults {
  dataset: Omit<Dataset, 'backend'> & { database: string };
  views: Record<ViewId, ViewFigures>;
  dashboard?: DashboardFigures;
}

/** Share of the raw points/s the sustained case sends at. */
const SUSTAINED_SHARE = 0.8;
const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);

function sustainedTargets(sustained: SustainedResult): TargetCheck[] {
  const lagP95 = sustained.visibilityLagMs?.p95 ?? Infinity;
  return [
    { target: 'sustained load: batches refused with 503', measured: sustained.refused503, limit: `= ${SUSTAINED_TARGETS.refused}`, pass: sustained.refused503 === SUSTAINED_TARGETS.refused },
    { target: 'sustained load: visibility lag p95 ms', measured: lagP95, limit: `<= ${SUSTAINED_TARGETS.visibilityLagP95Ms}`, pass: lagP95 <= SUSTAINED_TARGETS.visibilityLagP95Ms && sustained.neverShown === 0 },
    ...rssTarget(sustained.backendRssAfterTargetEventsBytes),
  ];
}

/** Checked only when the case acknowledged enough events (a short BENCH_SUSTAINED_S may not). */
function rssTarget(rssBytes: number | null): TargetCheck[] {
  if (rssBytes === null) {
    return [];
  }
  const measured = megabytes(rssBytes);
  const events = `${SUSTAINED_TARGETS.rssAfterEvents / 1e6}M`;
  return [{ target: `sustained load: backend RSS MB after ${events} events`, measured, limit: `<= ${SUSTAINED_TARGETS.rssMb}`, pass: measured <= SUSTAINED_TARGETS.rssMb }];
}

function printSustained(ingests: IngestResult[], sustained: SustainedResult | undefined): void {
  for (const ingest of ingests) {
    console.log(`backend after ingest: RSS ${megabytes(ingest.backendRssBytes)} MB, ${ingest.idDiskBytesPerId} disk bytes per remembered id`);
  }
  if (sustained) {
    const lag = sustained.visibilityLagMs;
    console.log(
      `\nSustained load (${sustained.seconds} s at ${sustained.scheduledEventsPerSecond} events/s scheduled): ` +
        `${sustained.achievedEventsPerSecond} events/s acknowledged, ${sustained.lateBatches} batches late, ` +
        `${sustained.refused503} refused (503), ${sustained.failed} failed; visibility lag ms p50 ${lag?.median ?? '-'} p95 ${lag?.p95 ?? '-'} max ${lag?.max ?? '-'}` +
        ` (${sustained.neverShown} never shown); backend RSS ${megabytes(sustained.backendRssBytes)} MB at the end, peak ${megabytes(sustained.backendPeakRssBytes)} MB, ` +
        `${sustained.backendRssAfterTargetEventsBytes === null ? '-' : megabytes(sustained.backendRssAfterTargetEventsBytes)} MB after ${SUSTAINED_TARGETS.rssAfterEvents / 1e6}M events; ${sustained.idDiskBytesPerId} disk bytes per id`
    );
  }
}

function printTables(ingest: IngestResult | undefined, sizes: SizeResults[], exported: ExportResults | undefined, checks: TargetCheck[]): void {
  if (ingest) {
    console.log(`\nIngest (${ingest.rounds} rounds of ${ingest.eventsPerRound} events, batches of ${ingest.batchSize}, ${ingest.clients} clients)`);
    const row = (name: string, s: { median: number; min: number; max: number }): Cell[] => [name, s.median, s.min, s.max];
    console.log(
      formatTable(
        ['side', 'median/s', 'min/s', 'max/s'],
        [
          row('backend events/s, in InfluxDB', ingest.backendInInflux),
          row('backend events/s, acknowledged', ingest.backendAcknowledged),
          row('raw points/s', ingest.rawPointsPerSecond),
        ]
      )
    );
  }
  for (const size of sizes) {
    const d = size.dataset;
    console.log(
      `\nViews over 90 days, ${d.label}: ${d.events} events (${d.apiEvents} API events, ${d.counterPoints} counter points, ${d.rawPoints} raw points); milliseconds`
    );
    console.log(
      formatTable(
        ['view', 'backend p50', 'p95', 'min', 'max', 'its InfluxDB', 'raw p50', 'raw p95', 'x p50', 'x p95'],
        Object.entries(size.views).map(([id, f]) => [
          id,
          f.backend.median,
          f.backend.p95,
          f.backend.min,
          f.backend.max,
          f.countersDirectMs,
          f.raw.median,
          f.raw.p95,
          f.speedupP50,
          f.speedupP95,
        ])
      )
    );
    if (size.dashboard) {
      const { concurrent, sequential, speedup, requests } = size.dashboard;
      console.log(
        `Dashboard "${size.dashboard.dashboard}" (${requests.length} queries), ${d.label}: at once ${concurrent.median} ms ` +
          `(min ${concurrent.min}, max ${concurrent.max}), one by one ${sequential.median} ms (min ${sequential.min}, max ${sequential.max}): ${speedup}x`
      );
    }
  }
  if (exported) {
    console.log('\nExport (bench/export.ts)');
    console.log(
      formatTable(
        ['rows', 'xlsx rows/s', 'xlsx peak RSS MB', 'csv rows/s'],
        exported.summary.map((row) => [row.rows, row.xlsxRowsPerSecond, row.xlsxPeakRssMb, Number(row.csvRowsPerSecond ?? 0)])
      )
    );
  }
  console.log('\nTargets');
  console.log(formatTable(['target', 'measured', 'limit', 'result'], checks.map((check) => [check.target, check.measured, check.limit, check.pass ? 'pass' : 'MISS'])));
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const workDir = mkdtempSync(join(tmpdir(), 'mda-bench-'));
  if (settings.profileDir) {
    mkdirSync(settings.profileDir, { recursive: true });
  }
  const influxd = await startInfluxd(join(workDir, 'influxdb'));
  log(`InfluxDB at ${influxd.url}, work folder ${workDir}`);
  let ingest: IngestResult | undefined;
  let ingestSpread: IngestResult | undefined;
  let sustained: SustainedResult | undefined;
  const sizes: SizeResults[] = [];
  try {
    if (settings.cases.has('ingest')) {
      const ingestOptions = {
        influxUrl: influxd.url,
        workDir,
        tz: settings.tz,
        rounds: settings.ingestRounds,
        eventsPerRound: settings.ingestEvents,
        batchSize: 5000,
        clients: 2,
        profileDir: settings.profileDir,
      };
      ingest = await runIngestCase({ ...ingestOptions, label: 'ordered' }, log);
      ingestSpread = await runIngestCase({ ...ingestOptions, label: 'spread', spreadDays: 90 }, log);
    }
    if (settings.cases.has('sustained') && ingest) {
      sustained = await runSustainedCase(
        {
          influxUrl: influxd.url,
          workDir,
          tz: settings.tz,
          eventsPerSecond: SUSTAINED_SHARE * ingest.rawPointsPerSecond.median,
          seconds: settings.sustainedSeconds,
          batchSize: 5000,
        },
        log
      );
    } else if (settings.cases.has('sustained')) {
      log('sustained: skipped, it sends at a share of the raw rate the ingest case measures');
    }
    if (settings.cases.has('views') || settings.cases.has('dashboard')) {
      const nowMs = Date.now();
      for (const events of settings.sizes) {
        const label = sizeLabel(events);
        const via = events <= settings.apiLoadMax ? 'api' : 'counters';
        const dataset = await loadDataset({ label, events, nowMs, via }, influxd.url, workDir, settings.tz, log, settings.profileDir);
        const backend = await startInProcessBackend(dataset.backend);
        try {
          await setBenchLimits(backend.url, events);
          const views = settings.cases.has('views')
            ? await runViewsCase(dataset, backend, settings.viewRuns, settings.viewBudgetSeconds, nowMs, log, settings.profileDir)
            : ({} as Record<ViewId, ViewFigures>);
          const dashboardSizes = settings.dashboardSizes ?? [Math.min(...settings.sizes)];
          const dashboard = settings.cases.has('dashboard') && dashboardSizes.includes(events)
            ? await runDashboardCase(join(ROOT, 'src', 'dashboards', 'overview.json'), backend.url, settings.viewRuns, settings.viewBudgetSeconds, nowMs, settings.tz)
            : undefined;
          if (dashboard) {
            log(`dashboard ${label}: at once ${dashboard.concurrent.median} ms, one by one ${dashboard.sequential.median} ms`);
          }
          const { backend: setup, ...facts } = dataset;
          sizes.push({ dataset: { ...facts, database: setup.database }, views, dashboard });
        } finally {
          await backend.stop();
          await dropDataset(dataset);
        }
      }
    }
  } finally {
    await influxd.stop();
  }
  const exported = settings.cases.has('export') ? await runExportCase(log) : undefined;
  rmSync(workDir, { recursive: true, force: true });

  const checks = [
    ...(ingest ? ingestTargets(ingest.ratio, ingestSpread?.ratio) : []),
    ...(sustained ? sustainedTargets(sustained) : []),
    ...viewTargets(sizes.filter((size) => Object.keys(size.views).length > 0).map((size) => ({ label: size.dataset.label, views: size.views }))),
    ...(exported ? exportTargets(exported.summary) : []),
  ];
  const results = {
    measuredAt: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine,
    versions: versions(),
    settings: { ...settings, cases: [...settings.cases], profileDir: settings.profileDir ?? null },
    fairness: 'see bench/README.md, "What each case compares"',
    ingest,
    ingestSpread,
    sustained,
    views: sizes,
    export: exported,
    targets: checks,
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printSustained([ingest, ingestSpread].filter((run): run is IngestResult => run !== undefined), sustained);
  printTables(ingest, sizes, exported, checks);
  log(`done; figures in bench/results.json (${checks.filter((check) => !check.pass).length} of ${checks.length} targets missed)`);
}

main().catch((error: Error) => {
  console.error(`benchmark failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
