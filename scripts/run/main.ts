/**
 * `npm start` (after scripts/start.sh has installed and built): a private InfluxDB, the
 * backend, demo limits, history and live events, all under ./.run. Ctrl-C (or SIGTERM)
 * stops everything this process started.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startInfluxd } from '../lib/influxd';
import { runDemo } from '../demo/runDemo';
import { DEMO_ZONE } from '../demo/profile';
import { banner } from './banner';
import { startChild } from './childProcess';
import { apiKeysSetting, loadOrCreateKeys } from './keys';
import { preferredPort } from './ports';
import { parseRunOptions } from './runOptions';

const DATABASE = 'mail_delivery';

type Stopper = () => Promise<void>;

async function main(): Promise<void> {
  let options;
  try {
    options = parseRunOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`[start] ${(error as Error).message}`);
    process.exit(2);
  }
  const root = process.cwd();
  const runDir = join(root, '.run');
  mkdirSync(runDir, { recursive: true });
  const show = (path: string) => relative(root, path);
  const say = (line: string) => console.log(`[start] ${line}`);

  // Stopped in reverse order: the demo, then the backend (it flushes to InfluxDB), then InfluxDB.
  const stoppers: Stopper[] = [];
  const demoStop = new AbortController();
  let stopping: Promise<void> | undefined;
  const stopAll = (code: number) => {
    stopping ??= (async () => {
      demoStop.abort();
      for (const stop of stoppers.reverse()) {
        await stop().catch((error: Error) => console.error(`[start] while stopping: ${error.message}`));
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
      say(`${signal}: stopping everything`);
      void stopAll(0);
    });
  }

  try {
    const influxd = await startInfluxd(join(runDir, 'influxdb'), await preferredPort(8086));
    stoppers.push(() => influxd.stop());
    say(`InfluxDB ${influxd.url} (pid ${influxd.pid}, data in ${show(influxd.dir)})`);

    const keysFile = join(runDir, 'keys.env');
    const keys = loadOrCreateKeys(keysFile);
    const port = await preferredPort(3001);
    const backendUrl = `http://127.0.0.1:${port}`;
    const backendLog = join(runDir, 'backend.log');
    const backend = await startChild({
      name: 'backend',
      command: process.execPath,
      args: [join(root, 'dist-backend', 'main.js')],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        INFLUX_URL: influxd.url,
        INFLUX_DATABASE: DATABASE,
        API_KEYS: apiKeysSetting(keys),
        DATA_DIR: join(runDir, 'data'),
        DEFAULT_TZ: DEMO_ZONE.name,
      },
      logFile: backendLog,
      readyUrl: `${backendUrl}/readyz`,
      readyTimeoutMs: 60_000,
    });
    stoppers.push(() => backend.stop());
    say(`backend ${backendUrl} (pid ${backend.pid})`);

    const dockerAvailable = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;
    console.log(
      `\n${banner({
        backendUrl,
        influxUrl: influxd.url,
        influxDatabase: DATABASE,
        keys,
        keysFile: show(keysFile),
        logFiles: [show(backendLog), show(join(influxd.dir, 'influxd.log'))],
        tz: DEMO_ZONE.name,
        dockerAvailable,
      })}\n`
    );
    if (!options.demo) {
      return;
    }
    say(`demo data: setting limits, backfilling ${options.days} days at about ${options.rate} mails a day...`);
    const demo = runDemo(
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
    );
    demo.then(
      (totals) => console.log(`[demo] sent in total: ${JSON.stringify(totals)}`),
      (error: Error) => console.error(`[demo] stopped: ${error.message} (the backend keeps running)`)
    );
  } catch (error) {
    console.error(`[start] ${(error as Error).message}`);
    await stopAll(1);
  }
}

void main();
