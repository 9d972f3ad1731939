/**
 * `npm start`'s Ctrl-C, as a terminal sends it (SIGINT to the whole foreground process
 * group): the demo stops first, then the backend (SIGTERM from the run, after its outbox
 * drained), then InfluxDB, and no process of the run is left. The run goes from source on
 * free ports in a temporary run folder; every step waits for a line it prints.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const runDir = mkdtempSync(join(tmpdir(), 'mda-stop-order-'));
// Only bounds a hang: processes start slowly on a busy 2-core machine; nothing here waits for time.
const SLOW_MACHINE_TIMEOUT_MS = 180_000;

const started: number[] = [];

afterAll(() => {
  // Only when the test failed midway: nothing of the run may outlive it.
  for (const pid of started.filter(alive)) {
    process.kill(pid, 'SIGKILL');
  }
  rmSync(runDir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Processes (pid, process group) whose group is one of `groups`, from /proc. */
function processesIn(groups: ReadonlySet<number>): Array<{ pid: number; command: string }> {
  const found: Array<{ pid: number; command: string }> = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after the last ')'
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (groups.has(pgrp)) {
        found.push({ pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ') });
      }
    } catch {
      // it ended while we looked
    }
  }
  return found;
}

test(
  'Ctrl-C stops the demo, then the backend (outbox drained), then InfluxDB; nothing is left',
  async () => {
    const run = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        'scripts/run/main.ts',
        ...['--run-dir', runDir, '--port', '0', '--influx-port', '0', '--days', '1', '--rate', '300', '--seed', 'stop'],
      ],
      {
        cwd: ROOT,
        env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'backend/tsconfig.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group, like a job in a terminal
      }
    );
    started.push(-run.pid!);
    const lines: string[] = [];
    let errors = '';
    const waiters: Array<{ pattern: RegExp; resolve(line: string): void }> = [];
    let buffered = '';
    run.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const complete = buffered.split('\n');
      buffered = complete.pop()!;
      for (const line of complete) {
        lines.push(line);
        for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    });
    run.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    const exited = new Promise<number | null>((done) => run.once('exit', (code) => done(code)));
    const lineMatching = (pattern: RegExp) =>
      new Promise<string>((found, failed) => {
        const seen = lines.find((line) => pattern.test(line));
        if (seen) {
          return found(seen);
        }
        waiters.push({ pattern, resolve: found });
        void exited.then((code) =>
          failed(new Error(`the run exited (${code}) before printing ${pattern}:\n${lines.join('\n')}\n${errors}`))
        );
      });

    const influxPid = Number((await lineMatching(/^\[start\] InfluxDB http:\S+ \(pid (\d+)/)).match(/pid (\d+)/)![1]);
    const backendPid = Number((await lineMatching(/^\[start\] backend http:\S+ \(pid (\d+)\)/)).match(/pid (\d+)/)![1]);
    started.push(influxPid, backendPid);
    await lineMatching(/^\[demo\] backfilled 1 days \+ today: /);

    process.kill(-run.pid!, 'SIGINT'); // what Ctrl-C does: the signal goes to the whole group
    expect(await exited).toBe(0);

    const stopLines = lines.slice(lines.findIndex((line) => line.startsWith('[start] SIGINT: ')));
    expect(stopLines.filter((line) => line.startsWith('[start] ') || line.startsWith('[demo] sent in total'))).toEqual([
      '[start] SIGINT: stopping the demo, then the backend, then InfluxDB',
      expect.stringMatching(/^\[demo\] sent in total: \{/),
      '[start] demo stopped',
      `[start] backend stopped (pid ${backendPid}): outbox drained, everything acknowledged is in InfluxDB`,
      `[start] InfluxDB stopped (pid ${influxPid})`,
      '[start] everything started here has stopped',
    ]);
    // The backend got its SIGTERM from the run, not the terminal's SIGINT.
    const backendLog = readFileSync(join(runDir, 'backend.log'), 'utf8');
    expect(backendLog).toMatch(/"signal":"SIGTERM".*"msg":"stopping"/);
    expect(backendLog).not.toMatch(/"signal":"SIGINT"/);
    expect([alive(backendPid), alive(influxPid)]).toEqual([false, false]);
    expect(processesIn(new Set([run.pid!, backendPid, influxPid]))).toEqual([]);
  },
  SLOW_MACHINE_TIMEOUT_MS
);
