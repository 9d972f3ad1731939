/**
 * Excel export benchmark: request-date rows streamed as xlsx to a real HTTP response
 * drained by a client on loopback, against the same rows written as CSV (the cheapest
 * possible export) in the same run. Each measurement runs in a fresh child process so
 * its peak RSS is its own; children run this file compiled to JavaScript, so that no
 * TypeScript compiler sits in their memory.
 *
 *   npm run bench:export -- [rows ...]   (default: 100000 1000000)
 *   (= ts-node --transpile-only -P backend/tsconfig.json bench/export.ts: the backend's
 *   ES2022 target; the plugin's ES5 one would break generators)
 *
 * Also a domains sheet of 50,000 domains (top=all): time and peak RSS.
 *
 * Writes bench/results/export.json and prints a table.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, get, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeRates, DOMAINS_VIEW, REQUEST_DATE_VIEW, type Counts } from '../contract/views';
import { streamWorkbook } from '../backend/export';

/** csv and xlsx: request-date rows; domains: a domains sheet of `rows` domains (top=all). */
type Format = 'xlsx' | 'csv' | 'domains';

interface Measurement {
  format: Format;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  bytes: number;
  firstByteMs: number;
  baselineRssMb: number;
  peakRssMb: number;
}

const RUNS: Readonly<Record<number, number>> = { 100_000: 5, 1_000_000: 3 };
const DOMAIN_ROWS = 50_000;
const HOUR = 3_600_000;

/** Hourly rows of plausible counts with their rates; Berlin offsets like the backend's. */
function* requestDateRows(count: number): Generator<Record<string, unknown>> {
  const start = Date.UTC(2020, 0, 1);
  for (let n = 0; n < count; n++) {
    const requestCount = 1000 + ((n * 7919) % 5000);
    const counts: Counts = {
      requestCount,
      sentCount: requestCount - (n % 50),
      deliveredCount: requestCount - (n % 50) - (n % 13),
      bouncedCount: n % 13,
      openedCount: (requestCount * 3) >> 3,
      machineOpenedCount: (requestCount * 2) >> 3,
      unsubscribeCount: n % 7,
      complaintCount: n % 3,
      canceledCount: n % 5,
    };
    const time = new Date(start + n * HOUR + HOUR).toISOString().slice(0, 19) + '+01:00';
    yield { time, ...counts, ...computeRates(counts) };
  }
}

/** Domain rows as the domains view gives them with top=all: by count descending. */
function* domainRows(count: number): Generator<Record<string, unknown>> {
  const total = (count * (count + 1)) / 2;
  for (let n = count; n > 0; n--) {
    yield { domain: `recipient-domain-${n}.example`, count: n, share: n / total };
  }
}

async function writeCsv(res: ServerResponse, rows: Iterable<Record<string, unknown>>): Promise<void> {
  const keys = REQUEST_DATE_VIEW.columns.map((column) => column.key);
  res.setHeader('Content-Type', 'text/csv');
  res.write(`${REQUEST_DATE_VIEW.columns.map((column) => column.label).join(',')}\n`);
  for (const row of rows) {
    if (!res.write(`${keys.map((key) => row[key] ?? '').join(',')}\n`)) {
      await new Promise((resolve) => res.once('drain', resolve));
    }
  }
  res.end();
}

/** One measurement, in this (child) process. */
async function measure(format: Format, rows: number): Promise<Measurement> {
  global.gc?.();
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const server = createServer((_req, res) => {
    const source = requestDateRows(rows);
    if (format === 'domains') {
      const context = { account: 'bench', tz: 'UTC', filters: {}, top: Number.POSITIVE_INFINITY };
      const sheet = { view: DOMAINS_VIEW, context, rows: domainRows(rows) };
      void streamWorkbook(res, { fileName: 'bench', generatedAt: new Date(), sheets: [sheet] });
      return;
    }
    void (format === 'csv'
      ? writeCsv(res, source)
      : streamWorkbook(res, {
          fileName: 'bench',
          generatedAt: new Date(),
          sheets: [
            {
              view: REQUEST_DATE_VIEW,
              context: { account: 'bench', tz: 'Europe/Berlin', interval: '1h', filters: {} },
              rows: source,
            },
          ],
        }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const started = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
  const { bytes, firstByteMs } = await new Promise<{ bytes: number; firstByteMs: number }>((resolve, reject) => {
    get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, (response) => {
      let bytes = 0;
      let firstByteMs = -1;
      response.on('data', (chunk: Buffer) => {
        firstByteMs = firstByteMs < 0 ? ms() : firstByteMs;
        bytes += chunk.length;
      });
      response.on('end', () => resolve({ bytes, firstByteMs }));
      response.on('error', reject);
    }).on('error', reject);
  });
  const seconds = ms() / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  server.close();
  const mb = (value: number) => Math.round(value / 1e5) / 10;
  return {
    format,
    rows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    bytes,
    firstByteMs: Math.round(firstByteMs),
    baselineRssMb: mb(baselineRss),
    peakRssMb: mb(peakRss),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function summarize(measurements: Measurement[]) {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements.filter((measurement) => measurement.format !== 'domains')) {
    const key = `${m.rows}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((group) => {
    const of = (format: Format) => group.filter((m) => m.format === format);
    const xlsx = of('xlsx');
    const csv = of('csv');
    return {
      rows: group[0].rows,
      runs: xlsx.length,
      xlsxRowsPerSecond: median(xlsx.map((m) => m.rowsPerSecond)),
      csvRowsPerSecond: median(csv.map((m) => m.rowsPerSecond)),
      xlsxPeakRssMb: Math.max(...xlsx.map((m) => m.peakRssMb)),
      csvPeakRssMb: Math.max(...csv.map((m) => m.peakRssMb)),
      xlsxFirstByteMs: Math.max(...xlsx.map((m) => m.firstByteMs)),
      xlsxMegabytes: Math.round(xlsx[0].bytes / 1e5) / 10,
      csvMegabytes: Math.round(csv[0].bytes / 1e5) / 10,
      timeRatioXlsxToCsv:
        Math.round((median(csv.map((m) => m.rowsPerSecond)) / median(xlsx.map((m) => m.rowsPerSecond))) * 10) / 10,
    };
  });
}

const ROOT = join(__dirname, '..');

/** This file as plain JavaScript (compiled into a temporary directory when run through ts-node). */
function compiledSelf(): string {
  if (__filename.endsWith('.js')) {
    return __filename;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'mda-bench-'));
  // tsc follows the imports: the backend modules this uses are compiled beside it.
  const options = [
    '--module',
    'commonjs',
    '--target',
    'es2022',
    '--esModuleInterop',
    '--skipLibCheck',
    '--types',
    'node',
  ];
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), ...options, '--rootDir', ROOT, '--outDir', outDir, __filename],
    { stdio: 'inherit' }
  );
  return join(outDir, 'bench', 'export.js');
}

async function main(): Promise<void> {
  const [mode, format, rows] = process.argv.slice(2);
  if (mode === '--child') {
    process.stdout.write(JSON.stringify(await measure(format as Format, Number(rows))));
    return;
  }
  const sizes = process.argv.slice(2).map(Number);
  const child = compiledSelf();
  const loadBefore = loadavg();
  const measurements: Measurement[] = [];
  for (const size of sizes.length ? sizes : [100_000, 1_000_000]) {
    for (let run = 0; run < (RUNS[size] ?? 3); run++) {
      for (const kind of ['csv', 'xlsx'] as const) {
        const output = execFileSync(
          process.execPath,
          ['--expose-gc', child, '--child', kind, String(size)],
          // The compiled files live outside the repository: resolve packages from it.
          { encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } }
        );
        const measurement = JSON.parse(output) as Measurement;
        measurements.push(measurement);
        console.error(JSON.stringify(measurement));
      }
    }
  }
  // top=all: a workbook of 50,000 domains, in bounded memory.
  for (let run = 0; run < 3; run++) {
    const output = execFileSync(process.execPath, ['--expose-gc', child, '--child', 'domains', String(DOMAIN_ROWS)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    });
    const measurement = JSON.parse(output) as Measurement;
    measurements.push(measurement);
    console.error(JSON.stringify(measurement));
  }
  const domainRuns = measurements.filter((m) => m.format === 'domains');
  const summary = summarize(measurements);
  const domains = {
    domains: DOMAIN_ROWS,
    runs: domainRuns.length,
    medianSeconds: median(domainRuns.map((m) => m.seconds)),
    peakRssMb: Math.max(...domainRuns.map((m) => m.peakRssMb)),
    baselineRssMb: Math.max(...domainRuns.map((m) => m.baselineRssMb)),
    megabytes: Math.round(domainRuns[0].bytes / 1e5) / 10,
  };
  const results = {
    measuredAt: new Date().toISOString(),
    // Other work on the machine slows the runs: the 1-minute load averages before and after tell.
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadBefore, loadAfter: loadavg() },
    view: REQUEST_DATE_VIEW.id,
    summary,
    domains,
    measurements,
  };
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'export.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify({ summary, domains }, null, 2));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
