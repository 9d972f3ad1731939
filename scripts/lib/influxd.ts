/**
 * Starts a private InfluxDB 1.x (Debian's `influxd`) on free loopback ports with all of
 * its state under one folder. Used by the tests' global setup, the benchmarks and the
 * no-Docker main job.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface RunningInfluxd {
  url: string;
  pid: number;
  dir: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string, httpPort: number, rpcPort: number): string {
  return `reporting-disabled = true
bind-address = "127.0.0.1:${rpcPort}"

[meta]
  dir = "${join(dir, 'meta')}"

[data]
  dir = "${join(dir, 'data')}"
  wal-dir = "${join(dir, 'wal')}"
  query-log-enabled = false

[http]
  bind-address = "127.0.0.1:${httpPort}"
  log-enabled = false

[monitor]
  store-enabled = false

[continuous_queries]
  enabled = false
`;
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`influxd exited with code ${child.exitCode} before answering /ping`);
    }
    try {
      const answer = await fetch(`${url}/ping`);
      if (answer.status === 204) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`influxd did not answer ${url}/ping within ${timeoutMs} ms`);
}

export interface InfluxdOptions {
  binary?: string;
  /**
   * Its own process group, so that a terminal's Ctrl-C reaches only the parent, which then
   * stops its children in order (InfluxDB last). Only for parents that stop it on every signal.
   */
  ownProcessGroup?: boolean;
}

/**
 * @param dir folder for its config, data, WAL and log (made when missing)
 * @param httpPort fixed HTTP port, or a free one when absent
 */
export async function startInfluxd(
  dir: string,
  httpPort?: number,
  { binary = 'influxd', ownProcessGroup = false }: InfluxdOptions = {}
): Promise<RunningInfluxd> {
  mkdirSync(dir, { recursive: true });
  const port = httpPort ?? (await freePort());
  const rpcPort = await freePort();
  const configPath = join(dir, 'influxdb.conf');
  writeFileSync(configPath, config(dir, port, rpcPort));
  const log = openSync(join(dir, 'influxd.log'), 'a');
  const child = spawn(binary, ['-config', configPath], { stdio: ['ignore', log, log], detached: ownProcessGroup });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) =>
      reject(new Error(`cannot start ${binary}: ${error.message}; install it with: apt-get install -y influxdb`))
    );
  });
  await spawned;
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForPing(url, child, 30000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    dir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
