/**
 * The backend under test: as a child process running the built production entry point
 * (dist-backend/main.js, so clients in this process never share its event loop), or in this
 * process (startBackend) where the benchmark needs to see which InfluxQL it sends.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseApiKeys, type BackendConfig } from '../../backend/config';
import { startBackend, type RunningBackend } from '../../backend/server';
import { freePort } from '../../scripts/lib/influxd';
import { startChild, type RunningChild } from '../../scripts/run/childProcess';
import { BENCH_ACCOUNT } from './payloads';

export const BENCH_KEYS = { account: 'benchKey0123456789abcdef', admin: 'benchAdmin0123456789abcdef' } as const;
const API_KEYS = `${BENCH_ACCOUNT}:ingest+read:${BENCH_KEYS.account},ops:admin:${BENCH_KEYS.admin}`;
const MAX_OUTBOX = 50_000_000;
const ROOT = join(__dirname, '..', '..');

export interface BackendSetup {
  influxUrl: string;
  database: string;
  dataDir: string;
  tz: string;
  /** The backend's MAX_OUTBOX; absent: the bench's own, high enough never to refuse a batch; null: the backend's default. */
  maxOutbox?: number | null;
}

export function benchConfig(setup: BackendSetup, port = 0): BackendConfig {
  return {
    port,
    host: '127.0.0.1',
    influxUrl: setup.influxUrl,
    influxDatabase: setup.database,
    apiKeys: parseApiKeys(API_KEYS),
    dataDir: setup.dataDir,
    defaultTz: setup.tz,
    limitChangeRequestUrl: null,
    maxBodyBytes: 32 * 1024 * 1024,
    maxOutbox: MAX_OUTBOX,
  };
}

export interface ChildBackend extends RunningChild {
  url: string;
}

/** @param profileDir when given, the child writes a V8 CPU profile there when it stops */
export async function startChildBackend(setup: BackendSetup, logFile: string, profileDir?: string): Promise<ChildBackend> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await startChild({
    name: 'backend',
    command: process.execPath,
    args: [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), join(ROOT, 'dist-backend', 'main.js')],
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      INFLUX_URL: setup.influxUrl,
      INFLUX_DATABASE: setup.database,
      API_KEYS,
      DATA_DIR: setup.dataDir,
      DEFAULT_TZ: setup.tz,
      ...(setup.maxOutbox === null ? {} : { MAX_OUTBOX: String(setup.maxOutbox ?? MAX_OUTBOX) }),
    },
    logFile,
    readyUrl: `${url}/readyz`,
    readyTimeoutMs: 30_000,
    stopTimeoutMs: 60_000,
  });
  return { ...child, url };
}

export function startInProcessBackend(setup: BackendSetup): Promise<RunningBackend> {
  return startBackend(benchConfig(setup), { log: (error) => console.error(`backend: ${error.message}`) });
}

/**
 * Waits until every accepted event is in InfluxDB: a statistics read answers only then (it
 * gives up with 503 after 10 s, so a long outbox takes several tries).
 */
export async function waitUntilFlushed(baseUrl: string, timeoutMs = 30 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = Date.now();
    const answer = await fetch(`${baseUrl}/api/v1/stats/request-date?from=${now - 3_600_000}&to=${now}&tz=UTC`, {
      headers: { Authorization: `Bearer ${BENCH_KEYS.account}` },
    });
    const text = await answer.text();
    if (answer.status === 200) {
      return;
    }
    if (answer.status !== 503 || Date.now() > deadline) {
      throw new Error(`waiting for the backend to write its outbox to InfluxDB: ${answer.status} ${text.slice(0, 300)}`);
    }
  }
}

/** Resident memory of a process (Linux /proc), in bytes. */
export function rssBytes(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) {
    throw new Error(`no VmRSS in /proc/${pid}/status`);
  }
  return Number(line[1]) * 1024;
}

/** Bytes of the remembered event ids on disk (DATA_DIR/ids, seenIds.ts). */
export function idFileBytes(dataDir: string): number {
  const dir = join(dataDir, 'ids');
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}
