/**
 * The main thread's work per event in POST /api/v1/events, stage by stage, in process: the
 * ingest case's time-ordered traffic (cases/ingest.ts, individual webhook-style events) in
 * gzip NDJSON batches of 5,000, through the backend's own functions in the order the route
 * calls them. It locates the CPU cost that `npm run bench` (ingest) only shows as a total; a
 * shared machine is noisy, so compare stages within one run.
 *
 *   npm run bench:ingest-path    (BENCH_PATH_EVENTS, default 100000; BENCH_PATH_ROUNDS, default 7)
 *
 * Stages: gunzip (a zlib stream with its default chunks, as body-parser inflates), UTF-8
 * decode, NDJSON parse, validateBatch, the store's keys (counterKeysOf), and the synchronous
 * part of CounterStore.accept (id hashes, seen-id lookups, the batch's sums, the log record
 * and its checksum; the fdatasync is not in it). Each stage is timed in CPU time of the
 * process (user + system, every thread: zlib's and the garbage collector's too), not wall
 * time, so other processes on the machine barely move it. Writes bench/results/ingest-path.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { decodeUtf8 } from '../backend/entry-points/bodyText';
import { parseEvents } from '../backend/entry-points/eventBody';
import { validateBatch, type DeliveryEvent } from '../backend/domain/events';
import { acceptedEvents } from '../backend/domain/ingest';
import { CounterStore, type AcceptedEvent } from '../backend/storage/counterStore';
import { trafficEvents } from './cases/ingest';
import { gzipLines } from './lib/sender';
import { machineInfo } from './lib/machine';
import { summarize } from './lib/summary';

const EVENTS = Number(process.env.BENCH_PATH_EVENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_PATH_ROUNDS ?? 7);
const BATCH = 5_000;
const CALLER = { account: 'bench', admin: false };

function gunzip(body: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = createGunzip();
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.end(body);
  });
}

/**
 * Gzip NDJSON bodies of every round, made before timing: one stream of traffic cut into
 * rounds, as the ingest case does, so each round has new ids and moves on in time.
 */
function roundBodies(): Buffer[][] {
  const lines: string[] = [];
  for (const { event } of trafficEvents(EVENTS * (ROUNDS + 1), Date.now(), 'path')) {
    if (lines.length === EVENTS * (ROUNDS + 1)) {
      break;
    }
    lines.push(JSON.stringify(event));
  }
  const rounds: Buffer[][] = [];
  for (let at = 0; at < lines.length; at += BATCH) {
    if (at % EVENTS === 0) {
      rounds.push([]);
    }
    rounds[rounds.length - 1].push(gzipLines(lines.slice(at, at + BATCH)));
  }
  return rounds;
}

const STAGES = ['gunzip', 'decode', 'parse', 'validate', 'keys', 'accept'] as const;
type Stage = (typeof STAGES)[number];

async function timedStage<T>(cpuSeconds: Record<Stage, number[]>, stage: Stage, run: () => T | Promise<T>): Promise<T> {
  const started = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(started);
  cpuSeconds[stage].push((used.user + used.system) / 1e6);
  return result;
}

async function main(): Promise<void> {
  const cpuSeconds = Object.fromEntries(STAGES.map((stage) => [stage, [] as number[]])) as Record<Stage, number[]>;
  // Round 0 warms V8 up and is not counted.
  for (const [round, bodies] of roundBodies().entries()) {
    const time = <T>(stage: Stage, run: () => T | Promise<T>) =>
      round === 0 ? run() : timedStage(cpuSeconds, stage, run);
    const inflated = await time('gunzip', () => Promise.all(bodies.map(gunzip)));
    const texts = await time('decode', () => inflated.map(decodeUtf8));
    const parsed = await time('parse', () => texts.map((text) => parseEvents('application/x-ndjson', text)));
    const valid: DeliveryEvent[][] = await time('validate', () => parsed.map((batch) => validateBatch(batch, CALLER)));
    const accepted: AcceptedEvent[][] = await time('keys', () => valid.map(acceptedEvents));
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-path-'));
    const store = new CounterStore(dataDir, { dedupeWindowDays: 35 });
    const appends = await time('accept', () => accepted.map((batch) => store.accept(batch)));
    const results = await Promise.all(appends);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (results.some(({ duplicates }) => duplicates !== 0)) {
      throw new Error('new ids were taken for duplicates: the stage measured something else');
    }
  }
  const figures = Object.fromEntries(
    STAGES.map((stage) => {
      const rates = summarize(
        cpuSeconds[stage].map((s) => EVENTS / s),
        0
      );
      return [stage, { eventsPerSecond: rates, microsecondsPerEvent: Number((1e6 / rates.median).toFixed(2)) }];
    })
  );
  const total = STAGES.reduce((sum, stage) => sum + figures[stage].microsecondsPerEvent, 0);
  const results = {
    machine: machineInfo(),
    settings: { events: EVENTS, rounds: ROUNDS, batch: BATCH },
    stages: figures,
    microsecondsPerEvent: Number(total.toFixed(2)),
  };
  const folder = join(__dirname, 'results');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'ingest-path.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const stage of STAGES) {
    console.log(
      `${stage.padEnd(9)} ${figures[stage].microsecondsPerEvent.toFixed(2).padStart(6)} CPU µs/event  (median ${figures[stage].eventsPerSecond.median} events/s)`
    );
  }
  console.log(
    `total     ${total.toFixed(2).padStart(6)} CPU µs/event = ${Math.round(1e6 / total)} events/s (${EVENTS} events, ${ROUNDS} rounds)`
  );
}

void main();
