/**
 * The 90-day data sets of the views case, loaded twice from the same seeded traffic: through
 * the backend's ingestion API (counted events, a child backend) and as raw points, one per
 * recipient-mail event and date axis, straight into another InfluxDB database.
 */
import { join } from 'node:path';
import { localMidnight, slotOf } from '../../scripts/demo/calendar';
import { InfluxClient } from '../../backend/storage/influxClient';
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
  /** Recipient-mail events wanted over the loaded days. */
  events: number;
  nowMs: number;
}

export interface Dataset {
  label: string;
  backend: BackendSetup;
  rawDatabase: string;
  /** Recipient-mail events (sum of counts): the raw side has one point per event and axis. */
  events: number;
  /** Events as sent to the API (identical recipient mails carry a count). */
  apiEvents: number;
  rawPoints: number;
  /** Points the backend keeps in InfluxDB: one per 15-minute bucket and tag set. */
  counterPoints: number;
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
  const child = await startChildBackend(backend, join(workDir, `backend-load-${spec.label}.log`), profileDir);
  try {
    const admin = await fetch(`${child.url}/api/v1/limits?account=${BENCH_ACCOUNT}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${BENCH_KEYS.admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ monthly: Math.round((spec.events / EVENTS_PER_MAIL / LOADED_DAYS) * 31 * 1.2), daily: null, changeRequestUrl: null }),
    });
    if (admin.status !== 200) {
      throw new Error(`setting limits answered ${admin.status}: ${await admin.text()}`);
    }
    const stream = new BatchStream(backendEventsTarget(child.url, BENCH_KEYS.account), 5000, 2);
    await eachRecord(spec, (record, slot, index) => {
      events += record.count;
      apiEvents++;
      return stream.add(JSON.stringify(countedEvent(record, `${slot}-${index}`)));
    });
    await stream.close();
    await waitUntilFlushed(child.url);
  } finally {
    await child.stop();
  }
  const backendSeconds = seconds(started);
  log(`views ${spec.label}: loaded ${events} events as ${apiEvents} API events through the backend in ${backendSeconds.toFixed(0)} s`);

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

  const [counted] = await new InfluxClient({ url: influxUrl, database: backend.database }).query('SELECT count("n") FROM "mail_counts"');
  return {
    label: spec.label,
    backend,
    rawDatabase,
    events,
    apiEvents,
    rawPoints: raw.sentLines,
    counterPoints: Number(counted.series[0]?.values[0]?.[1] ?? 0),
    loadSeconds: { backend: Number(backendSeconds.toFixed(1)), raw: Number(rawSeconds.toFixed(1)) },
  };
}

export async function dropDataset(dataset: Dataset): Promise<void> {
  const influx = new InfluxClient({ url: dataset.backend.influxUrl, database: dataset.rawDatabase });
  await influx.query(`DROP DATABASE "${dataset.rawDatabase}"; DROP DATABASE "${dataset.backend.database}"`, undefined, '');
}
