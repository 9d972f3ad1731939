/**
 * Case 1, ingestion: events/s through POST /api/v1/events (gzip NDJSON, 5,000 events a batch,
 * 2 clients) until they are in InfluxDB, against points/s of writing one line-protocol point
 * per event straight to InfluxDB (5,000 lines a batch, gzip, 2 clients) into another database.
 * Rounds alternate between the two sides; every round sends new events.
 */
import { join } from 'node:path';
import { slotOf } from '../../scripts/demo/calendar';
import { InfluxClient } from '../../backend/storage/influxClient';
import { BENCH_KEYS, idFileBytes, rssBytes, startChildBackend, waitUntilFlushed } from '../lib/backendProcess';
import { mailerEvents, rawLine, type ApiEvent } from '../lib/payloads';
import { backendEventsTarget, gzipLines, influxWriteTarget, sendAll } from '../lib/sender';
import { ratio, summarize, type Summary } from '../lib/summary';
import { slotRecords, type TrafficRecord } from '../lib/traffic';

export interface IngestOptions {
  influxUrl: string;
  workDir: string;
  tz: string;
  rounds: number;
  eventsPerRound: number;
  batchSize: number;
  clients: number;
  /** Write a CPU profile of the backend here. */
  profileDir?: string;
  /** Spread each traffic record over this many past days at random (a backfill); absent: the last week, in time order. */
  spreadDays?: number;
  /** Names this run's databases, DATA_DIR and ids ('ordered', 'spread'). */
  label: string;
}

export interface IngestResult {
  eventsPerRound: number;
  rounds: number;
  batchSize: number;
  clients: number;
  eventMix: Record<string, number>;
  distinctTemplates: number;
  distinctDomains: number;
  gzipBytesPerEvent: { backend: number; raw: number };
  /** Events/s until every batch was answered 202 (durable in DATA_DIR). */
  backendAcknowledged: Summary;
  /** Events/s until the events were in InfluxDB too (what the target is checked on). */
  backendInInflux: Summary;
  rawPointsPerSecond: Summary;
  ratio: number;
  ratioAcknowledged: number;
  /** The backend's resident memory after the last round, and its disk bytes per remembered id (DATA_DIR/ids). */
  backendRssBytes: number;
  idDiskBytesPerId: number;
}

interface Round {
  backend: Buffer[];
  raw: Buffer[];
}

const DAY_MS = 86_400_000;

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MadeEvent {
  event: ApiEvent;
  line: string;
  record: TrafficRecord;
}

/**
 * Individual mailer events of the last week's traffic (a weekly campaign included), each with
 * its raw point, made as they are taken; with spreadDays, every record moved back by a random
 * number of whole days. `count` sizes the traffic: the week holds about that many events.
 */
export function* trafficEvents(count: number, nowMs: number, label: string, spreadDays?: number): Generator<MadeEvent> {
  const traffic = { seed: 'ingest', mailsPerDay: (count * 1.15) / 7 / 2.42, nowMs };
  const random = uniform(7);
  let serial = 0;
  for (let slot = slotOf(nowMs - 7 * DAY_MS); ; slot++) {
    for (const slotRecord of slotRecords(traffic, slot)) {
      const shift = spreadDays ? Math.floor(random() * spreadDays) * DAY_MS : 0;
      const record = {
        ...slotRecord,
        requestedAt: slotRecord.requestedAt - shift,
        ...(slotRecord.sentAt === undefined ? {} : { sentAt: slotRecord.sentAt - shift }),
      };
      const one = { ...record, count: 1 };
      for (const event of mailerEvents(record, `ing-${label}`, serial)) {
        yield { event, line: rawLine(one, 'request', serial), record };
        serial++;
      }
    }
  }
}

function makeEvents(count: number, nowMs: number, label: string, spreadDays?: number): MadeEvent[] {
  const made: MadeEvent[] = [];
  for (const item of trafficEvents(count, nowMs, label, spreadDays)) {
    if (made.length === count) {
      break;
    }
    made.push(item);
  }
  return made;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_unused, i) => items.slice(i * size, (i + 1) * size));
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function runIngestCase(options: IngestOptions, log: (line: string) => void): Promise<IngestResult> {
  const { eventsPerRound, rounds, batchSize, clients } = options;
  const made = makeEvents(eventsPerRound * (rounds + 1), Date.now(), options.label, options.spreadDays);
  const eventMix: Record<string, number> = {};
  for (const { record } of made) {
    const kind = record.resultCode ? `result ${record.resultCode}` : record.type;
    eventMix[kind] = (eventMix[kind] ?? 0) + 1;
  }
  const prepared: Round[] = chunk(made, eventsPerRound).map((events) => ({
    backend: chunk(events, batchSize).map((batch) => gzipLines(batch.map(({ event }) => JSON.stringify(event)))),
    raw: chunk(events, batchSize).map((batch) => gzipLines(batch.map(({ line }) => line))),
  }));
  const bytes = (bodies: Buffer[]) => bodies.reduce((sum, body) => sum + body.length, 0) / eventsPerRound;

  const database = `bench_ingest_${options.label}`;
  const rawDatabase = `bench_ingest_${options.label}_raw`;
  const influx = new InfluxClient({ url: options.influxUrl, database: rawDatabase });
  await influx.query(`CREATE DATABASE "${rawDatabase}"`, undefined, '');
  const dataDir = join(options.workDir, `ingest-data-${options.label}`);
  const backend = await startChildBackend(
    { influxUrl: options.influxUrl, database, dataDir, tz: options.tz },
    join(options.workDir, `backend-ingest-${options.label}.log`),
    options.profileDir
  );
  const backendTarget = backendEventsTarget(backend.url, BENCH_KEYS.account);
  const rawTarget = influxWriteTarget(options.influxUrl, rawDatabase);
  const acknowledged: number[] = [];
  const inInflux: number[] = [];
  const raw: number[] = [];
  let backendRssBytes = 0;
  try {
    for (const [index, round] of prepared.entries()) {
      const backendSide = async () => {
        let ackSeconds = 0;
        const totalSeconds = await timed(async () => {
          ackSeconds = await timed(() => sendAll(backendTarget, round.backend, clients));
          await waitUntilFlushed(backend.url);
        });
        return { ackSeconds, totalSeconds };
      };
      const rawSide = () => timed(() => sendAll(rawTarget, round.raw, clients));
      let backendTimes;
      let rawSeconds;
      if (index % 2 === 0) {
        backendTimes = await backendSide();
        rawSeconds = await rawSide();
      } else {
        rawSeconds = await rawSide();
        backendTimes = await backendSide();
      }
      const what = index === 0 ? 'warm-up' : `round ${index}/${rounds}`;
      log(
        `ingest ${what}: backend ${Math.round(eventsPerRound / backendTimes.totalSeconds)} events/s in InfluxDB ` +
          `(${Math.round(eventsPerRound / backendTimes.ackSeconds)} acknowledged), raw ${Math.round(eventsPerRound / rawSeconds)} points/s`
      );
      if (index > 0) {
        acknowledged.push(eventsPerRound / backendTimes.ackSeconds);
        inInflux.push(eventsPerRound / backendTimes.totalSeconds);
        raw.push(eventsPerRound / rawSeconds);
      }
    }
    backendRssBytes = rssBytes(backend.pid);
  } finally {
    await backend.stop();
  }
  // Every event of every round has a new id, and every round was checkpointed (read once flushed).
  const idDiskBytesPerId = Number((idFileBytes(dataDir) / (eventsPerRound * (rounds + 1))).toFixed(2));
  const backendInInflux = summarize(inInflux, 0);
  const rawPointsPerSecond = summarize(raw, 0);
  const backendAcknowledged = summarize(acknowledged, 0);
  return {
    eventsPerRound,
    rounds,
    batchSize,
    clients,
    eventMix,
    distinctTemplates: new Set(made.map(({ record }) => record.template)).size,
    distinctDomains: new Set(made.map(({ record }) => record.domain)).size,
    gzipBytesPerEvent: { backend: Math.round(bytes(prepared[0].backend)), raw: Math.round(bytes(prepared[0].raw)) },
    backendAcknowledged,
    backendInInflux,
    rawPointsPerSecond,
    ratio: ratio(backendInInflux.median, rawPointsPerSecond.median),
    ratioAcknowledged: ratio(backendAcknowledged.median, rawPointsPerSecond.median),
    backendRssBytes,
    idDiskBytesPerId,
  };
}
