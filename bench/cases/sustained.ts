/**
 * Case 1b, sustained load: after the ingest case measured raw InfluxDB's points/s, batches are
 * sent on a fixed schedule at a share of that rate for a while, InfluxDB healthy, to a fresh
 * backend with its default MAX_OUTBOX. Reports the batches refused with 503 (target 0), the rate
 * achieved, and the visibility lag: from a batch's 202 to a view read that shows it. A reader
 * asks the request-date view again and again; a batch counts as shown by the first read that
 * began after its 202 and whose requestCount reaches the requested mails of every batch
 * acknowledged up to and including it (acknowledgements come in log order). The lag thus
 * includes that read's own time, as a dashboard refreshed right after the 202 would see it.
 */
import { join } from 'node:path';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { BENCH_KEYS, idFileBytes, rssBytes, startChildBackend } from '../lib/backendProcess';
import { backendEventsTarget, postBatch } from '../lib/sender';
import { summarize, type Summary } from '../lib/summary';
import { trafficEvents } from './ingest';

const gzipAsync = promisify(gzip);
const DAY_MS = 86_400_000;
/** Batches in flight at most: when all are busy the sender is behind its schedule. */
const MAX_IN_FLIGHT = 4;
/** Time left after the last batch for the reader to see every acknowledged one. */
const DRAIN_TIMEOUT_MS = 120_000;
/** Pause between two view reads. */
const READ_PAUSE_MS = 200;

/** Issue 11: no 503, visible within 2 s at p95, and at most 1 GB resident once 10 M events are in. */
export const SUSTAINED_TARGETS = { refused: 0, visibilityLagP95Ms: 2000, rssMb: 1024, rssAfterEvents: 10_000_000 } as const;
/** How often the backend's resident memory is sampled. */
const RSS_SAMPLE_MS = 1000;

export interface SustainedOptions {
  influxUrl: string;
  workDir: string;
  tz: string;
  eventsPerSecond: number;
  seconds: number;
  batchSize: number;
}

export interface SustainedResult {
  scheduledEventsPerSecond: number;
  seconds: number;
  batchSize: number;
  /** Events answered 202, and their rate over the sending time. */
  acknowledgedEvents: number;
  achievedEventsPerSecond: number;
  /** Batches that could not start on schedule because MAX_IN_FLIGHT were still busy (sending stops after `seconds` all the same). */
  lateBatches: number;
  refused503: number;
  /** Other answers than 202 and 503 (each one a failure of the run). */
  failed: number;
  visibilityLagMs: Summary | null;
  /** Acknowledged batches no read showed before the drain timeout. */
  neverShown: number;
  /** RSS after the last batch; its peak over the case; the first sample once SUSTAINED_TARGETS.rssAfterEvents were acknowledged (null: fewer came in). */
  backendRssBytes: number;
  backendPeakRssBytes: number;
  backendRssAfterTargetEventsBytes: number | null;
  idDiskBytesPerId: number;
}

interface Acknowledged {
  at: number;
  /** requestCount of every batch acknowledged up to this one. */
  requestedThrough: number;
  shownAfterMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function readRequestCount(baseUrl: string, from: number, to: number): Promise<number | undefined> {
  const answer = await fetch(`${baseUrl}/api/v1/stats/request-date?from=${from}&to=${to}&tz=UTC&interval=1d`, {
    headers: { Authorization: `Bearer ${BENCH_KEYS.account}` },
  });
  const body = (await answer.json()) as { totals?: { requestCount: number } };
  return answer.status === 200 ? body.totals!.requestCount : undefined;
}

export async function runSustainedCase(options: SustainedOptions, log: (line: string) => void): Promise<SustainedResult> {
  const { eventsPerSecond, seconds, batchSize } = options;
  const totalEvents = Math.round(eventsPerSecond * seconds);
  const nowMs = Date.now();
  const events = trafficEvents(totalEvents, nowMs, 'sustained');
  const dataDir = join(options.workDir, 'sustained-data');
  const backend = await startChildBackend(
    { influxUrl: options.influxUrl, database: 'bench_sustained', dataDir, tz: options.tz, maxOutbox: null },
    join(options.workDir, 'backend-sustained.log')
  );
  const target = backendEventsTarget(backend.url, BENCH_KEYS.account);
  const acknowledged: Acknowledged[] = [];
  let requested = 0;
  let refused503 = 0;
  let failed = 0;
  let lateBatches = 0;
  let sending = true;
  let sendEnded = Infinity;

  const reader = async () => {
    let firstUnshown = 0;
    const deadline = () => (sending ? Infinity : sendEnded + DRAIN_TIMEOUT_MS);
    while ((sending || firstUnshown < acknowledged.length) && Date.now() < deadline()) {
      const started = Date.now();
      const count = await readRequestCount(backend.url, nowMs - 8 * DAY_MS, nowMs + DAY_MS);
      const finished = Date.now();
      while (
        count !== undefined &&
        firstUnshown < acknowledged.length &&
        acknowledged[firstUnshown].at <= started &&
        acknowledged[firstUnshown].requestedThrough <= count
      ) {
        acknowledged[firstUnshown].shownAfterMs = finished - acknowledged[firstUnshown].at;
        firstUnshown++;
      }
      await sleep(READ_PAUSE_MS);
    }
  };

  let peakRss = 0;
  let rssAfterTargetEvents: number | null = null;
  const sampleRss = setInterval(() => {
    const rss = rssBytes(backend.pid);
    peakRss = Math.max(peakRss, rss);
    if (rssAfterTargetEvents === null && acknowledged.length * batchSize >= SUSTAINED_TARGETS.rssAfterEvents) {
      rssAfterTargetEvents = rss;
    }
  }, RSS_SAMPLE_MS);
  const readerDone = reader();
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  try {
    // Batches go out on schedule for `seconds`; a backend that cannot keep up gets fewer (lateBatches).
    for (let index = 0; Date.now() < started + seconds * 1000; index++) {
      const lines: string[] = [];
      let requestedInBatch = 0;
      for (let n = 0; n < batchSize; n++) {
        const { event } = events.next().value!;
        requestedInBatch += event.type === 'requested' ? 1 : 0;
        lines.push(JSON.stringify(event));
      }
      const body = await gzipAsync(lines.join('\n'), { level: 1 });
      await sleep(started + (index * batchSize * 1000) / eventsPerSecond - Date.now());
      if (inFlight.size >= MAX_IN_FLIGHT) {
        lateBatches++;
        while (inFlight.size >= MAX_IN_FLIGHT) {
          await Promise.race(inFlight);
        }
      }
      const sent: Promise<void> = postBatch(target, body).then(
        () => {
          requested += requestedInBatch;
          acknowledged.push({ at: Date.now(), requestedThrough: requested });
        },
        (error: Error) => {
          if (/ answered 503:/.test(error.message)) {
            refused503++;
          } else {
            failed++;
            log(`sustained: batch ${index} failed: ${error.message}`);
          }
        }
      );
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent));
    }
    await Promise.all(inFlight);
    sendEnded = Date.now();
    sending = false;
    await readerDone;
  } finally {
    sending = false;
    clearInterval(sampleRss);
    await readerDone.catch(() => undefined);
  }
  const sendingSeconds = (sendEnded - started) / 1000;
  const backendRssBytes = rssBytes(backend.pid);
  const acknowledgedEvents = acknowledged.length * batchSize;
  const idDiskBytesPerId = acknowledgedEvents === 0 ? 0 : Number((idFileBytes(dataDir) / acknowledgedEvents).toFixed(2));
  await backend.stop();
  const lags = acknowledged.flatMap((batch) => (batch.shownAfterMs === undefined ? [] : [batch.shownAfterMs]));
  const result: SustainedResult = {
    scheduledEventsPerSecond: Math.round(eventsPerSecond),
    seconds,
    batchSize,
    acknowledgedEvents,
    achievedEventsPerSecond: Math.round(acknowledgedEvents / sendingSeconds),
    lateBatches,
    refused503,
    failed,
    visibilityLagMs: lags.length === 0 ? null : summarize(lags, 0),
    neverShown: acknowledged.length - lags.length,
    backendRssBytes,
    backendPeakRssBytes: Math.max(peakRss, backendRssBytes),
    backendRssAfterTargetEventsBytes: rssAfterTargetEvents,
    idDiskBytesPerId,
  };
  log(
    `sustained: ${result.achievedEventsPerSecond} events/s achieved of ${result.scheduledEventsPerSecond} scheduled, ` +
      `${refused503} refused (503), ${lateBatches} batches late, lag p50 ${result.visibilityLagMs?.median} ms p95 ${result.visibilityLagMs?.p95} ms`
  );
  return result;
}
