/**
 * InfluxDB stopped and started again mid-load (a private influxd on a fixed port, not the
 * run's shared one): ingestion keeps answering 202 from DATA_DIR until MAX_OUTBOX, then 503
 * with Retry-After; statistics answer 503 saying why; once InfluxDB is back the outbox drains
 * and every acknowledged mail is counted, exactly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startInfluxd, type RunningInfluxd } from '../../../scripts/lib/influxd';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { eventually, makeBatch, mailsOf, requestCount, runLoad, send, sleep } from './load';

const influxDir = mkdtempSync(join(tmpdir(), 'mda-outage-influxd-'));
let influxd: RunningInfluxd;
let backend: TestBackend;
// The load touches at most 96 buckets x 3 templates = 288 counters, 768 with their rollups: the
// outbox (each waiting counter once) passes this while InfluxDB is down, and holds no more than
// the last few batches' counters while it is up.
const MAX_OUTBOX = 600;

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

const readyz = async () => {
  const answer = await fetch(`${backend.url}/readyz`);
  return { status: answer.status, body: await answer.json() };
};

test('an InfluxDB outage mid-load: 202 until the outbox is full, 503s that say why, exact totals after', async () => {
  const key = backend.keys.acme;
  const port = Number(new URL(influxd.url).port);
  const outage = (async () => {
    await sleep(800);
    await influxd.stop();
  })();
  const before = await runLoad({
    url: () => backend.url,
    key,
    prefix: 'o1',
    batchSize: 40,
    senders: 3,
    maxBatches: 300,
    until: outage,
  });
  await outage;
  expect(before.acknowledged.length).toBeGreaterThan(0);
  expect(before.unknown).toEqual([]);
  const expectOutboxFull = (refusal: (typeof before.refused)[number]) =>
    expect(refusal).toMatchObject({ status: 503, code: 'outbox_full', retryAfter: '30' });
  before.refused.forEach(expectOutboxFull);

  // InfluxDB is down: batches are still acknowledged, from DATA_DIR alone, until MAX_OUTBOX.
  const during = await runLoad({
    url: () => backend.url,
    key,
    prefix: 'o2',
    batchSize: 40,
    senders: 3,
    maxBatches: 60,
    until: new Promise(() => {}),
  });
  expect(during.acknowledged.length).toBeGreaterThan(0);
  expect(during.unknown).toEqual([]);
  expect(during.refused.length).toBeGreaterThan(0);
  during.refused.forEach(expectOutboxFull);
  const stats = await requestCount(backend.url, key);
  expect(stats.status).toBe(503);
  expect(stats.body.error).toMatchObject({ code: 'influxdb_unavailable' });
  expect(stats.body.error.message).toMatch(
    /^statistics are unavailable until InfluxDB accepts writes and queries: InfluxDB at http:\/\/127\.0\.0\.1:\d+ is unreachable/
  );
  const down = await readyz();
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
  expect((await readyz()).body).toMatchObject({
    status: 'ready',
    outbox: { size: 0, ageSeconds: 0, writesFailing: false, acceptingEvents: true },
  });

  // What was refused is taken now, once.
  const refused = [...before.refused, ...during.refused].map(({ batch }) => batch);
  for (const batch of refused) {
    expect(await send(backend.url, key, batch)).toMatchObject({ status: 202, body: { accepted: 40, duplicates: 0 } });
  }
  const late = makeBatch('o3', 0, 40);
  expect((await send(backend.url, key, late)).status).toBe(202);
  const final = await requestCount(backend.url, key);
  const total = mailsOf([...acknowledged, ...refused, late]);
  console.log(
    `InfluxDB outage: ${before.acknowledged.length} + ${during.acknowledged.length} batches acknowledged before/while down, ` +
      `${refused.length} refused with 503 outbox_full and re-sent; ${total} mails acknowledged, ${final.count} counted`
  );
  expect(final).toMatchObject({ status: 200, count: total });
});
