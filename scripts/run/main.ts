/**
 * `npm start` (after scripts/start.sh has installed and built): a private InfluxDB, the
 * backend, demo limits, history and live events, all under ./.run. Ctrl-C (or SIGTERM,
 * SIGHUP) stops the demo, then the backend (after its outbox drained, or with the outbox kept
 * in DATA_DIR), then InfluxDB. The children run in their own process groups, so a terminal's
 * Ctrl-C reaches only this process and the order holds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { freePort, startInfluxd } from '../lib/influxd';
import { runDemo } from '../demo/runDemo';
import { DEMO_ZONE } from '../demo/profile';
import { banner } from './banner';
import { startChild } from './childProcess';
import { apiKeysSetting, loadOrCreateKeys } from './keys';
import { preferredPort } from './ports';
import { parseRunOptions } from './runOptions';
import { drainOutbox } from './shutdown';

const DATABASE = 'mail_delivery';
/** Ctrl-C waits this long at most for the demo's batch in flight and for the outbox to drain. */
const STOP_WAIT_MS = 15_000;

/** The repository: dist-scripts/scripts/run when compiled, scripts/run when run from source. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    dir = resolve(dir, '..');
  }
  return dir;
}

/** The compiled backend; from source (ts-node) when this file runs from source. */
function backendCommand(root: string): string[] {
  return __filename.endsWith('.ts')
    ? ['-r', 'ts-node/register/transpile-only', join(root, 'backend', 'main.ts')]
    : [join(root, 'dist-backend', 'main.js')];
}

/** `--port 0`: any free port; a port named or usual: that one when free, else any free one. */
const port = (chosen: number | undefined, usual: number) =>
  chosen === 0 ? freePort() : preferredPort(chosen ?? usual);

async function main(): Promise<void> {
  let options;
  try {
    options = parseRunOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`[start] ${(error as Error).message}`);
    process.exit(2);
  }
  const root = repositoryRoot();
  const runDir = resolve(options.runDir);
  mkdirSync(runDir, { recursive: true });
  const show = (path: string) => relative(process.cwd(), path) || '.';
  const say = (line: string) => console.log(`[start] ${line}`);

  // Stopped in this order: the demo, the backend (it flushes to InfluxDB), InfluxDB.
  const demoStop = new AbortController();
  let demo: Promise<unknown> | undefined;
  let backend: { url: string; pid: number; stop(): Promise<void> } | undefined;
  let influxd: { pid: number; stop(): Promise<void> } | undefined;
  let stopping: Promise<void> | undefined;
  const stopAll = (code: number) => {
    stopping ??= (async () => {
      try {
        if (demo) {
          demoStop.abort();
          const finished = await Promise.race([
            demo.then(() => true),
            new Promise<boolean>((done) => setTimeout(() => done(false), STOP_WAIT_MS).unref()),
          ]);
          say(finished ? 'demo stopped' : 'demo stopped with a batch unanswered (re-sending it later counts it once)');
        }
        if (backend) {
          const left = await drainOutbox(backend.url, STOP_WAIT_MS);
          await backend.stop();
          say(
            left === 0
              ? `backend stopped (pid ${backend.pid}): outbox drained, everything acknowledged is in InfluxDB`
              : `backend stopped (pid ${backend.pid}): ${left ?? 'its'} outbox entries kept in ${show(join(runDir, 'data'))} for the next start`
          );
        }
        if (influxd) {
          await influxd.stop();
          say(`InfluxDB stopped (pid ${influxd.pid})`);
        }
        say('everything started here has stopped');
      } catch (error) {
        console.error(`[start] while stopping: ${(error as Error).message}`);
        code = 1;
      }
      process.exit(code);
    })();
    return stopping;
  };
  // `npm start` runs us under `sh -c`, which dies on SIGTERM without passing it on: when our
  // parent goes away, stop too, so that nothing is left running.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      say('the parent process ended: stopping everything');
      void stopAll(0);
    }
  }, 1000).unref();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      say(`${signal}: stopping the demo, then the backend, then InfluxDB`);
      void stopAll(0);
    });
  }

  try {
    const influx = await startInfluxd(join(runDir, 'influxdb'), await port(options.influxPort, 8086), {
      ownProcessGroup: true,
    });
    influxd = influx;
    say(`InfluxDB ${influx.url} (pid ${influx.pid}, data in ${show(influx.dir)})`);

    const keysFile = join(runDir, 'keys.env');
    const keys = loadOrCreateKeys(keysFile);
    const backendUrl = `http://127.0.0.1:${await port(options.port, 3001)}`;
    const backendLog = join(runDir, 'backend.log');
    const child = await startChild({
      name: 'backend',
      command: process.execPath,
      args: backendCommand(root),
      env: {
        ...process.env,
        PORT: new URL(backendUrl).port,
        HOST: '127.0.0.1',
        INFLUX_URL: influx.url,
        INFLUX_DATABASE: DATABASE,
        API_KEYS: apiKeysSetting(keys),
        DATA_DIR: join(runDir, 'data'),
        DEFAULT_TZ: DEMO_ZONE.name,
      },
      logFile: backendLog,
      readyUrl: `${backendUrl}/readyz`,
      readyTimeoutMs: 60_000,
      ownProcessGroup: true,
    });
    backend = { url: backendUrl, ...child };
    say(`backend ${backendUrl} (pid ${child.pid})`);

    const dockerAvailable = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;
    console.log(
      `\n${banner({
        backendUrl,
        influxUrl: influx.url,
        influxDatabase: DATABASE,
        keys,
        keysFile: show(keysFile),
        logFiles: [show(backendLog), show(join(influx.dir, 'influxd.log'))],
        tz: DEMO_ZONE.name,
        dockerAvailable,
      })}\n`
    );
    if (!options.demo) {
      return;
    }
    say(`demo data: setting limits, backfilling ${options.days} days at about ${options.rate} mails a day...`);
    demo = runDemo(
      {
        days: options.days,
        rate: options.rate,
        seed: options.seed,
        url: backendUrl,
        key: keys.demo,
        adminKey: keys.ops,
        account: 'demo',
        follow: true,
        tickSeconds: 10,
        batchSize: 2000,
      },
      { log: (line) => console.log(`[demo] ${line}`), signal: demoStop.signal }
    ).then(
      (totals) => console.log(`[demo] sent in total: ${JSON.stringify(totals)}`),
      (error: Error) => console.error(`[demo] stopped: ${error.message} (the backend keeps running)`)
    );
  } catch (error) {
    console.error(`[start] ${(error as Error).message}`);
    await stopAll(1);
  }
}

void main();
