/**
 * The backend process kills itself in the middle of a checkpoint (CRASH_AT: right after SQLite
 * committed, before the outbox was written and before the new ids went to their day files; or
 * once the ids are in their day files), under load. A restart on the same DATA_DIR replays the
 * log after the checkpoint and takes the ids of the checkpointed records still in the log
 * again: every acknowledged batch is remembered and counted once, and batches that got no
 * answer count once when re-sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../../scripts/lib/influxd';
import { startChild, type RunningChild } from '../../../scripts/run/childProcess';
import { TEST_API_KEYS, TEST_KEYS } from '../../support/backend';
import { mailsOf, requestCount, runLoad, send, type Batch } from '../faults/load';

const ROOT = resolve(__dirname, '../../..');
const dirs: string[] = [];
let child: RunningChild | undefined;

afterAll(async () => {
  await child?.stop();
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function startBackendProcess(port: number, dataDir: string, database: string, crashAt?: string): Promise<RunningChild> {
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
      ...(crashAt ? { CRASH_AT: crashAt } : {}),
    },
    logFile: join(dataDir, `backend-${crashAt ?? 'restart'}.log`),
    readyUrl: `http://127.0.0.1:${port}/healthz`,
    readyTimeoutMs: 30_000,
  });
}

/** Resolves once the process is gone (polled: the child is not ours to wait on here). */
async function exitOf(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((done) => setTimeout(done, 20));
  }
}

test.each(['checkpoint-ids', 'checkpoint-commit'])(
  'a crash at %s loses no acknowledged event and counts each once after the restart',
  async (crashAt) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mda-crash-'));
    dirs.push(dataDir);
    const database = `crash_${crashAt.replace('-', '_')}_${process.pid}_${Date.now().toString(36)}`;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = await startBackendProcess(port, dataDir, database, crashAt);
    const exited = exitOf(child.pid);
    const load = await runLoad({
      url: () => url,
      key: TEST_KEYS.acme,
      prefix: crashAt,
      batchSize: 100,
      senders: 3,
      // Until a send finds the process gone: its first checkpoint may come late on a busy
      // machine, so the bound only stops a backend that never crashes.
      maxBatches: 20_000,
      stopWhen: ({ unknown }) => unknown.length > 0,
    });
    await exited;
    await child.stop();
    expect(load.unknown.length).toBeGreaterThan(0); // the crash did cut requests off
    expect(load.refused).toEqual([]);

    child = await startBackendProcess(port, dataDir, database);
    for (const batch of load.acknowledged) {
      expect((await send(url, TEST_KEYS.acme, batch)).body).toEqual({ accepted: 100, duplicates: 100 });
    }
    const resent: Batch[] = [];
    for (const batch of load.unknown) {
      const { status, body } = await send(url, TEST_KEYS.acme, batch);
      expect(status).toBe(202);
      expect([0, 100]).toContain(body.duplicates);
      resent.push(batch);
    }
    const { status, count } = await requestCount(url, TEST_KEYS.acme);
    console.log(
      `crash at ${crashAt}: ${load.acknowledged.length} batches acknowledged, ${load.unknown.length} cut off and re-sent; ` +
        `${mailsOf(load.acknowledged) + mailsOf(resent)} mails acknowledged, ${count} counted`
    );
    expect({ status, count }).toEqual({ status: 200, count: mailsOf(load.acknowledged) + mailsOf(resent) });
    await child.stop();
    child = undefined;
  },
  120_000
);
