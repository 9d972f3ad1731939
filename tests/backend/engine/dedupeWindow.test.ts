/**
 * DEDUPE_WINDOW_DAYS by acceptance time, with the backend's clock injected: an id is a
 * duplicate within its window (also after a restart), and counted again once it is older.
 * Two instances (two DATA_DIRs) writing to one InfluxDB database sum exactly.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startBackend } from '../../../backend/server';
import { startTestBackend, testConfig, TEST_KEYS } from '../../support/backend';
import { makeBatch, mailsOf, requestCount, send } from '../faults/load';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-06-01T12:00:00Z');

test('an id is remembered for DEDUPE_WINDOW_DAYS days of acceptance, across restarts, then counted again', async () => {
  let clock = START;
  const config = testConfig({ dedupeWindowDays: 2 });
  const options = { log: () => undefined, now: () => clock };
  let backend = await startBackend(config, options);
  try {
    const batch = makeBatch('w', 0, 50);
    expect((await send(backend.url, TEST_KEYS.acme, batch)).body).toEqual({ accepted: 50, duplicates: 0 });
    clock = START + DAY_MS; // the second day of the window
    expect((await send(backend.url, TEST_KEYS.acme, batch)).body).toEqual({ accepted: 50, duplicates: 50 });
    await backend.stop();
    backend = await startBackend(config, options);
    expect((await send(backend.url, TEST_KEYS.acme, batch)).body).toEqual({ accepted: 50, duplicates: 50 });
    expect(await requestCount(backend.url, TEST_KEYS.acme)).toMatchObject({ status: 200, count: mailsOf([batch]) });

    clock = START + 2 * DAY_MS; // the first day left the window: the replay is counted again
    expect((await send(backend.url, TEST_KEYS.acme, batch)).body).toEqual({ accepted: 50, duplicates: 0 });
    expect(await requestCount(backend.url, TEST_KEYS.acme)).toMatchObject({ status: 200, count: 2 * mailsOf([batch]) });
    const firstDayFile = join(config.dataDir, 'ids', `${Math.floor(START / DAY_MS)}.ids`);
    expect(existsSync(firstDayFile)).toBe(false);
    expect(readdirSync(join(config.dataDir, 'ids'))).toEqual([`${Math.floor(START / DAY_MS) + 2}.ids`]);

    await backend.stop();
    backend = await startBackend(config, options);
    expect((await send(backend.url, TEST_KEYS.acme, batch)).body).toEqual({ accepted: 50, duplicates: 50 });
    expect(await requestCount(backend.url, TEST_KEYS.acme)).toMatchObject({ status: 200, count: 2 * mailsOf([batch]) });
  } finally {
    await backend.stop();
    rmSync(config.dataDir, { recursive: true, force: true });
  }
});

test('two instances with their own DATA_DIR on one InfluxDB database count exactly, summed over writers', async () => {
  const first = await startTestBackend();
  const second = await startTestBackend({ influxDatabase: first.config.influxDatabase });
  try {
    const toFirst = [0, 1, 2].map((index) => makeBatch('one', index, 80));
    const toSecond = [0, 1].map((index) => makeBatch('two', index, 80));
    await Promise.all([
      ...toFirst.map((batch) => send(first.url, TEST_KEYS.acme, batch)),
      ...toSecond.map((batch) => send(second.url, TEST_KEYS.acme, batch)),
    ]);
    expect(first.services.store.writerId).not.toBe(second.services.store.writerId);
    await second.services.flusher.flushed();
    const total = mailsOf(toFirst) + mailsOf(toSecond);
    expect(await requestCount(first.url, TEST_KEYS.acme)).toMatchObject({ status: 200, count: total });
    expect(await requestCount(second.url, TEST_KEYS.acme)).toMatchObject({ status: 200, count: total });
  } finally {
    await Promise.all([first.stop(), second.stop()]);
  }
});
