/**
 * InfluxDB stopped and started again under load (a private influxd, not the run's shared
 * one): ingestion keeps answering 202 from DATA_DIR until MAX_OUTBOX, then 503 with
 * Retry-After; statistics answer 503 saying why; once InfluxDB is back the outbox drains and
 * every acknowledged mail is counted, exactly. Every step waits for observed state (batches
 * acknowledged, the outbox empty, influxd exited, a refusal), never for time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startInfluxd, type RunningInfluxd } from '../../../scripts/lib/influxd';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { eventually } from '../../support/eventually';
import { makeBatch, mailsOf, readyz, requestCount, runLoad, send, type Outcomes } from './load';

const influxDir = mkdtempSync(join(tmpdir(), 'mda-outage-influxd-'));
let influxd: RunningInfluxd;
let backend: TestBackend;
// The load touches at most 96 buckets x 3 templates = 288 counters, several times that with their
// rollups: the outbox (each waiting counter once) passes this within a few batches once InfluxDB is down.
const MAX_OUTBOX = 200;
// Only bounds a hang: processes start slowly on a busy 2-core machine; nothing here waits for time.
const SLOW_MACHINE_TIMEOUT_MS = 180_000;
const BATCH = 40;

beforeAll(async () => {
  const port = await freePort();
  influxd = await startInfluxd(influxDir, port);
  backend = await startTestBackend({ influxUrl: influxd.url, maxOutbox: MAX_OUTBOX });
});

afterAll(async () => {
  await backend?.stop();
  await influxd?.stop();
  rmSync(influxDir, { recursive: true, force: true });
});

const expectOnlyOutboxFull = (outcomes: Outcomes) => {
  for (const refusal of outcomes.refused) {
    expect(refusal).toMatchObject({ status: 503, code: 'outbox_full', retryAfter: '30' });
  }
};

test(
  'an InfluxDB outage under load: 202 until the outbox is full, 503s that say why, exact totals after',
  async () => {
    const key = backend.keys.acme;
    const port = Number(new URL(influxd.url).port);
    const load = (prefix: string, stopWhen: (outcomes: Outcomes) => boolean) =>
      runLoad({ url: () => backend.url, key, prefix, batchSize: BATCH, senders: 3, maxBatches: 300, stopWhen });

    // InfluxDB up: a burst may briefly fill the small outbox (503 outbox_full), never more.
    const before = await load('o1', (outcomes) => outcomes.acknowledged.length >= 6);
    expect(before.acknowledged.length).toBeGreaterThanOrEqual(6);
    expect(before.unknown).toEqual([]);
    expectOnlyOutboxFull(before);
    await eventually('the outbox drained into InfluxDB', async () =>
      (await readyz(backend.url)).body.outbox.size === 0 ? true : undefined
    );

    await influxd.stop(); // resolves once influxd has exited
    // InfluxDB is down: the outbox was empty, so batches are acknowledged from DATA_DIR alone
    // until MAX_OUTBOX changed counters wait, then refused (nothing drains: 300 batches is far more).
    const during = await load('o2', (outcomes) => outcomes.refused.length >= 3);
    expect(during.acknowledged.length).toBeGreaterThan(0);
    expect(during.unknown).toEqual([]);
    expect(during.refused.length).toBeGreaterThanOrEqual(3);
    expectOnlyOutboxFull(during);
    const stats = await requestCount(backend.url, key);
    expect(stats.status).toBe(503);
    expect(stats.body.error).toMatchObject({ code: 'influxdb_unavailable' });
    expect(stats.body.error.message).toMatch(
      /^statistics are unavailable until InfluxDB accepts writes and queries: InfluxDB at http:\/\/127\.0\.0\.1:\d+ is unreachable/
    );
    const down = await readyz(backend.url);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'unavailable',
      influxdb: { ok: false },
      dataDir: { ok: true },
      outbox: { writesFailing: true, acceptingEvents: false, maxSize: MAX_OUTBOX },
    });
    expect(down.body.outbox.size).toBeGreaterThanOrEqual(MAX_OUTBOX);
    expect(down.body.error.code).toBe('not_ready');
    expect(down.body.error.message).toBe(down.body.message);
    expect(down.body.message).toMatch(/^InfluxDB is down: /);
    expect(down.body.outbox.ageSeconds).toBeGreaterThan(0);

    influxd = await startInfluxd(influxDir, port);
    // Reads retry InfluxDB at once; the outbox drains and the first complete answer is exact.
    const counted = await eventually('statistics after the outage', async () => {
      const answer = await requestCount(backend.url, key);
      return answer.status === 200 ? answer.count : undefined;
    });
    const acknowledged = [...before.acknowledged, ...during.acknowledged];
    expect(counted).toBe(mailsOf(acknowledged));
    expect((await readyz(backend.url)).body).toMatchObject({
      status: 'ready',
      outbox: { size: 0, ageSeconds: 0, writesFailing: false, acceptingEvents: true },
    });

    // What was refused is taken now, once: one batch at a time, each once the outbox has
    // drained (a batch adds more counters than MAX_OUTBOX).
    const refused = [...before.refused, ...during.refused].map(({ batch }) => batch);
    for (const batch of refused) {
      await eventually('an empty outbox', async () =>
        (await readyz(backend.url)).body.outbox.size === 0 ? true : undefined
      );
      expect(await send(backend.url, key, batch)).toMatchObject({
        status: 202,
        body: { accepted: BATCH, duplicates: 0 },
      });
    }
    const late = makeBatch('o3', 0, BATCH);
    await eventually('an empty outbox', async () =>
      (await readyz(backend.url)).body.outbox.size === 0 ? true : undefined
    );
    expect((await send(backend.url, key, late)).status).toBe(202);
    const final = await requestCount(backend.url, key);
    const total = mailsOf([...acknowledged, ...refused, late]);
    console.log(
      `InfluxDB outage: ${before.acknowledged.length} + ${during.acknowledged.length} batches acknowledged before/while down, ` +
        `${refused.length} refused with 503 outbox_full and re-sent; ${total} mails acknowledged, ${final.count} counted`
    );
    expect(final).toMatchObject({ status: 200, count: total });
  },
  SLOW_MACHINE_TIMEOUT_MS
);
