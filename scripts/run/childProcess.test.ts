import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../lib/influxd';
import { startChild, type ChildSpec } from './childProcess';

/** A tiny server that becomes ready after its second /ready call and logs SIGTERM. */
const server = `
const http = require('node:http');
let calls = 0;
http.createServer((req, res) => { calls++; res.writeHead(calls >= 2 ? 200 : 503); res.end('calls ' + calls); })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => { console.log('stopping on SIGTERM'); process.exit(0); });
`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startChild', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mda-child-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function spec(script: string, timeoutMs = 10_000): Promise<ChildSpec> {
    const port = await freePort();
    return {
      name: 'fake backend',
      command: process.execPath,
      args: ['-e', script],
      env: { ...process.env, PORT: String(port) },
      logFile: join(dir, 'child.log'),
      readyUrl: `http://127.0.0.1:${port}/ready`,
      readyTimeoutMs: timeoutMs,
    };
  }

  it('waits until the child answers 2xx, and stops it with SIGTERM', async () => {
    const child = await startChild(await spec(server));
    expect(alive(child.pid)).toBe(true);
    await child.stop();
    expect(alive(child.pid)).toBe(false);
    expect(readFileSync(join(dir, 'child.log'), 'utf8')).toBe('listening\nstopping on SIGTERM\n');
  });

  it('reports a child that dies before it is ready, with the end of its log', async () => {
    await expect(startChild(await spec('console.error("API_KEYS is not set"); process.exit(1)'))).rejects.toThrow(
      /fake backend \(pid \d+\) exited \(1\) before it was ready:\nAPI_KEYS is not set/
    );
  });

  it('gives up on a child that never gets ready, and stops it', async () => {
    // The error names the pid: whether the child got as far as printing anything depends on timing.
    const hanging = await spec('setInterval(() => undefined, 1000)', 600);
    const error: Error = await startChild(hanging).then(
      () => new Error('it was ready'),
      (refusal: Error) => refusal
    );
    expect(error.message).toMatch(
      /^fake backend \(pid \d+\) was not ready at http:\/\/127\.0\.0\.1:\d+\/ready within 600 ms/
    );
    const pid = Number(/pid (\d+)/.exec(error.message)![1]);
    expect(alive(pid)).toBe(false);
  });
});
