/**
 * The 90-day data sets of the views case, loaded twice from the same seeded traffic: through
 * the backend's ingestion API (counted events, a child backend) and as raw points, one per
 * recipient-mail event and date axis, straight into another InfluxDB database.
 */
import { join } from 'node:path';
import { localMidnight, slotOf, slotStart } from '../../scripts/demo/calendar';
import { countersOf } from '../../backend/domain/counting';
import { NO_TEMPLATE } from '../../contract/views';
import type { CounterKey } from '../../backend/storage/counterStore';
import { InfluxClient } from '../../backend/storage/influxClient';
import { counterLine } from '../../backend/storage/outboxFlusher';
import { DEFAULT_LONG_SHARD_RP } from '../../backend/config';
import { measurementRef, prepareLongShards, retentionPolicyOf } from '../../backend/storage/retention';
import { COUNTS_MEASUREMENT, GRANULARITY_MS, MEASUREMENTS, rollupsOf, type CounterMeasurement } from '../../backend/storage/schema';
import { BENCH_KEYS, startChildBackend, waitUntilFlushed, type BackendSetup } from '../lib/backendProcess';
import { axesOf, BENCH_ACCOUNT, countedEvent, rawLine } from '../lib/payloads';
import { backendEventsTarget, BatchStream, influxWriteTarget } from '../lib/sender';
import { slotRecords, type BenchTraffic, type TrafficRecord } from '../lib/traffic';

/** Recipient-mail events per requested mail in this traffic (measured: 2.42). */
const EVENTS_PER_MAIL = 2.42;
/** Days of traffic loaded: the 90 days of the views and a week before, whose mails are sent and opened inside them. */
export const LOADED_DAYS = 97;

export interface DatasetSpec {
  label: string;
  /**
   * How the backend's counters get there: through its ingestion API, or (when that would take
   * too long) summed here with the backend's own counting rules (countersOf, rollupsOf) and
   * written in its own line format (counterLine), the points its outbox would have written.
   */
  via: 'api' | 'counters';
  /** Recipient-mail events wanted over the loaded days. */
  events: number;
  nowMs: number;
}

export interface Dataset {
  label: string;
  via: DatasetSpec['via'];
  backend: BackendSetup;
  rawDatabase: string;
  /** Recipient-mail events (sum of counts): the raw side has one point per event and axis. */
  events: number;
  /** Events as sent to the API (identical recipient mails carry a count). */
  apiEvents: number;
  rawPoints: number;
  /** Points of the backend's most detailed measurement: one per 15-minute bucket and tag set (its rollups come on top). */
  counterPoints: number;
  /** Points of every counter measurement, rollups and coarse pieces included: the write work each one costs. */
  pointsByMeasurement: Record<string, number>;
  loadSeconds: { backend: number; raw: number };
}

function trafficOf(spec: DatasetSpec): BenchTraffic {
  return { seed: `views-${spec.label}`, mailsPerDay: spec.events / LOADED_DAYS / EVENTS_PER_MAIL, nowMs: spec.nowMs };
}

async function eachRecord(spec: DatasetSpec, visit: (record: TrafficRecord, slot: number, index: number) => Promise<void> | undefined) {
  const traffic = trafficOf(spec);
  for (let slot = slotOf(localMidnight(spec.nowMs, LOADED_DAYS)); slot <= slotOf(spec.nowMs); slot++) {
    const records = slotRecords(traffic, slot);
    for (let index = 0; index < records.length; index++) {
      const waiting = visit(records[index], slot, index);
      if (waiting) {
        await waiting;
      }
    }
  }
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

async function loadThroughApi(
  spec: DatasetSpec,
  backend: BackendSetup,
  logFile: string,
  count: (record: TrafficRecord) => void,
  profileDir?: string
): Promise<void> {
  const child = await startChildBackend(backend, logFile, profileDir);
  try {
    const stream = new BatchStream(backendEventsTarget(child.url, BENCH_KEYS.account), 5000, 2);
    await eachRecord(spec, (record, slot, index) => {
      count(record);
      return stream.add(JSON.stringify(countedEvent(record, `${slot}-${index}`)));
    });
    await stream.close();
    await waitUntilFlushed(child.url);
  } finally {
    await child.stop();
  }
}

const WRITER = 'bench';

/**
 * Sums counters piece by piece and writes each piece once no later record can reach it, i.e.
 * once it ends (records come in slot order and nothing happens before its request), so memory
 * holds only the pieces of the week ahead. Every measurement of schema.ts is written: the
 * detailed counters and every rollup `rollupsOf` names, 15-minute, hourly and daily pieces.
 */
async function writeCounters(spec: DatasetSpec, backend: BackendSetup, count: (record: TrafficRecord) => void): Promise<void> {
  // The backend's own InfluxDB preparation: its database and the retention policy of its hourly and daily pieces.
  const influx = new InfluxClient({ url: backend.influxUrl, database: backend.database, longShardRetentionPolicy: DEFAULT_LONG_SHARD_RP });
  await influx.ensureDatabase();
  await prepareLongShards(influx, WRITER);
  const streams = new Map<string | undefined, BatchStream>();
  const streamOf = (measurement: CounterMeasurement) => {
    const policy = retentionPolicyOf(influx, measurement);
    let stream = streams.get(policy);
    if (!stream) {
      stream = new BatchStream(influxWriteTarget(backend.influxUrl, backend.database, 's', policy), 5000, 2);
      streams.set(policy, stream);
    }
    return stream;
  };
  const piecesByEnd = new Map<number, Map<string, { key: CounterKey; n: number }>>();
  const writeEndedBy = async (time: number) => {
    for (const end of [...piecesByEnd.keys()].filter((end) => end <= time).sort((a, b) => a - b)) {
      for (const { key, n } of piecesByEnd.get(end)!.values()) {
        const waiting = streamOf(key.measurement).add(counterLine({ ...key, n }, WRITER));
        if (waiting) {
          await waiting;
        }
      }
      piecesByEnd.delete(end);
    }
  };
  let currentSlot = -1;
  await eachRecord(spec, (record, slot) => {
    count(record);
    const event = {
      id: '',
      type: record.type,
      account: BENCH_ACCOUNT,
      template: record.template ?? NO_TEMPLATE,
      domain: record.domain,
      requestedAt: record.requestedAt,
      sentAt: record.sentAt,
      resultCode: record.resultCode,
      count: record.count,
    };
    for (const key of countersOf(event).flatMap((detailed) => [detailed, ...rollupsOf(detailed)])) {
      const id = `${key.measurement}\u0000${key.axis}\u0000${key.kind}\u0000${key.code}\u0000${key.template}\u0000${key.domain}\u0000${key.bucket}`;
      const end = key.bucket + GRANULARITY_MS[MEASUREMENTS[key.measurement].granularity];
      let pieces = piecesByEnd.get(end);
      if (!pieces) {
        pieces = new Map();
        piecesByEnd.set(end, pieces);
      }
      const sum = pieces.get(id);
      if (sum) {
        sum.n += record.count;
      } else {
        pieces.set(id, { key, n: record.count });
      }
    }
    if (slot === currentSlot) {
      return undefined;
    }
    currentSlot = slot;
    return writeEndedBy(slotStart(slot));
  });
  await writeEndedBy(Infinity);
  await Promise.all([...streams.values()].map((stream) => stream.close()));
}

/** Sets a monthly limit (20 % above the traffic's average month) so the sending-limit view has one. */
export async function setBenchLimits(baseUrl: string, events: number): Promise<void> {
  const answer = await fetch(`${baseUrl}/api/v1/limits?account=${BENCH_ACCOUNT}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${BENCH_KEYS.admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ monthly: Math.round((events / EVENTS_PER_MAIL / LOADED_DAYS) * 31 * 1.2), daily: null, changeRequestUrl: null }),
  });
  if (answer.status !== 200) {
    throw new Error(`setting limits answered ${answer.status}: ${await answer.text()}`);
  }
}

export async function loadDataset(
  spec: DatasetSpec,
  influxUrl: string,
  workDir: string,
  tz: string,
  log: (line: string) => void,
  profileDir?: string
): Promise<Dataset> {
  const backend: BackendSetup = { influxUrl, database: `bench_counts_${spec.label}`, dataDir: join(workDir, `data-${spec.label}`), tz };
  const rawDatabase = `bench_raw_${spec.label}`;
  const influx = new InfluxClient({ url: influxUrl, database: rawDatabase });
  await influx.query(`CREATE DATABASE "${rawDatabase}"`, undefined, '');

  let events = 0;
  let apiEvents = 0;
  let started = process.hrtime.bigint();
  const count = (record: TrafficRecord) => {
    events += record.count;
    apiEvents++;
  };
  if (spec.via === 'api') {
    await loadThroughApi(spec, backend, join(workDir, `backend-load-${spec.label}.log`), count, profileDir);
  } else {
    await writeCounters(spec, backend, count);
  }
  const backendSeconds = seconds(started);
  log(`views ${spec.label}: loaded ${events} events (${apiEvents} counted events) ${spec.via === 'api' ? 'through the backend API' : 'as counters'} in ${backendSeconds.toFixed(0)} s`);

  started = process.hrtime.bigint();
  const raw = new BatchStream(influxWriteTarget(influxUrl, rawDatabase), 5000, 2);
  let serial = 0;
  await eachRecord(spec, async (record) => {
    for (const axis of axesOf(record)) {
      for (let i = 0; i < record.count; i++) {
        const waiting = raw.add(rawLine(record, axis, serial++));
        if (waiting) {
          await waiting;
        }
      }
    }
  });
  await raw.close();
  const rawSeconds = seconds(started);
  log(`views ${spec.label}: wrote ${raw.sentLines} raw points in ${rawSeconds.toFixed(0)} s`);

  // Counting ten million points on a busy machine takes longer than a view may.
  const counters = new InfluxClient({ url: influxUrl, database: backend.database, longShardRetentionPolicy: DEFAULT_LONG_SHARD_RP, timeoutMs: 600_000 });
  const pointsByMeasurement = await pointsOf(counters);
  return {
    label: spec.label,
    via: spec.via,
    backend,
    rawDatabase,
    events,
    apiEvents,
    rawPoints: raw.sentLines,
    counterPoints: pointsByMeasurement[COUNTS_MEASUREMENT] ?? 0,
    pointsByMeasurement,
    loadSeconds: { backend: Number(backendSeconds.toFixed(1)), raw: Number(rawSeconds.toFixed(1)) },
  };
}

/** Points of every counter measurement, in whichever retention policy the backend keeps it. */
async function pointsOf(influx: InfluxClient): Promise<Record<string, number>> {
  await prepareLongShards(influx, WRITER);
  const measurements = Object.keys(MEASUREMENTS) as CounterMeasurement[];
  const counted = await influx.query(measurements.map((measurement) => `SELECT count("n") FROM ${measurementRef(influx, measurement)}`).join('; '));
  return Object.fromEntries(measurements.map((measurement, index) => [measurement, Number(counted[index].series[0]?.values[0]?.[1] ?? 0)]));
}

export async function dropDataset(dataset: Dataset): Promise<void> {
  const influx = new InfluxClient({ url: dataset.backend.influxUrl, database: dataset.rawDatabase });
  await influx.query(`DROP DATABASE "${dataset.rawDatabase}"; DROP DATABASE "${dataset.backend.database}"`, undefined, '');
}
