/**
 * kill -9 of a backend process mid-load, restart on the same DATA_DIR: every acknowledged
 * batch is remembered and counted; batches that got no answer are re-sent (as any client
 * does) and count exactly once, whether or not the killed process had committed them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../../scripts/lib/influxd';
import { startChild, type RunningChild } from '../../../scripts/run/childProcess';
import { TEST_API_KEYS, TEST_KEYS } from '../../support/backend';
import { mailsOf, requestCount, runLoad, send, type Batch } from './load';

const ROOT = resolve(__dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'mda-kill-'));
const database = `kill_${process.pid}_${Date.now().toString(36)}`;
let port: number;
let child: RunningChild | undefined;
// Only bounds a hang: processes start slowly on a busy 2-core machine; nothing here waits for time.
const SLOW_MACHINE_TIMEOUT_MS = 180_000;

/** The real entry point (backend/main.ts) in its own process, compiled on the fly. */
function startBackendProcess(): Promise<RunningChild> {
  return startChild({
    name: 'backend',
    command: process.execPath,
    args: ['-r', 'ts-node/register/transpile-only', 'backend/main.ts'],
    env: {
      PATH: process.env.PATH,
      TS_NODE_PROJECT: join(ROOT, 'backend/tsconfig.json'),
      PORT: String(port),
      INFLUX_URL: process.env.INFLUX_URL,
      INFLUX_DATABASE: database,
      API_KEYS: TEST_API_KEYS,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    logFile: join(dataDir, 'backend.log'),
    readyUrl: `http://127.0.0.1:${port}/healthz`,
    readyTimeoutMs: 30_000,
  });
}

beforeAll(async () => {
  port = await freePort();
});

afterAll(async () => {
  await child?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test(
  'kill -9 mid-load loses no acknowledged event and counts re-sent ones once',
  async () => {
    const url = `http://127.0.0.1:${port}`;
    child = await startBackendProcess();
    const running = child;
    // Killed once 5 batches were acknowledged (observed, not after a guessed delay); the load
    // stops once the process has exited, so the senders' next requests find no backend.
    let killed: Promise<void> | undefined;
    let exited = false;
    const load = await runLoad({
      url: () => url,
      key: TEST_KEYS.acme,
      prefix: 'k',
      batchSize: 100,
      senders: 4,
      maxBatches: 400,
      stopWhen: () => exited,
      onOutcome: (outcomes) => {
        if (!killed && outcomes.acknowledged.length >= 5) {
          process.kill(running.pid, 'SIGKILL');
          killed = running.stop().then(() => {
            exited = true; // stop() resolves once the exit is seen
          });
        }
      },
    });
    await killed;
    expect(load.acknowledged.length).toBeGreaterThan(0);
    expect(load.unknown.length).toBeGreaterThan(0); // requests in flight or sent before the exit was seen
    expect(load.refused).toEqual([]);

    child = await startBackendProcess();
    // Acknowledged means durable: every acknowledged id is known after the crash.
    for (const batch of load.acknowledged) {
      expect((await send(url, TEST_KEYS.acme, batch)).body).toEqual({ accepted: 100, duplicates: 100 });
    }
    // A batch without an answer was committed whole or not at all; re-sending settles it.
    const resent: Batch[] = [];
    let committedBeforeKill = 0;
    for (const batch of load.unknown) {
      const { status, body } = await send(url, TEST_KEYS.acme, batch);
      expect(status).toBe(202);
      expect([0, 100]).toContain(body.duplicates);
      committedBeforeKill += body.duplicates === 100 ? 1 : 0;
      resent.push(batch);
    }
    const { status, count } = await requestCount(url, TEST_KEYS.acme);
    expect(status).toBe(200);
    const acknowledgedMails = mailsOf(load.acknowledged) + mailsOf(resent);
    console.log(
      `kill -9: ${load.acknowledged.length} batches acknowledged before the kill, ${load.unknown.length} in flight re-sent ` +
        `(${committedBeforeKill} of them had been committed); ` +
        `${acknowledgedMails} mails acknowledged, ${count} counted`
    );
    expect(count).toBe(acknowledgedMails);
  },
  SLOW_MACHINE_TIMEOUT_MS
);
