"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `npm start` (after scripts/start.sh has installed and built): a private InfluxDB, the
 * backend, demo limits, history and live events, all under ./.run. Ctrl-C (or SIGTERM)
 * stops everything this process started.
 */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const influxd_1 = require("../lib/influxd");
const runDemo_1 = require("../demo/runDemo");
const profile_1 = require("../demo/profile");
const banner_1 = require("./banner");
const childProcess_1 = require("./childProcess");
const keys_1 = require("./keys");
const ports_1 = require("./ports");
const runOptions_1 = require("./runOptions");
const DATABASE = 'mail_delivery';
async function main() {
    let options;
    try {
        options = (0, runOptions_1.parseRunOptions)(process.argv.slice(2));
    }
    catch (error) {
        console.error(`[start] ${error.message}`);
        process.exit(2);
    }
    const root = process.cwd();
    const runDir = (0, node_path_1.join)(root, '.run');
    (0, node_fs_1.mkdirSync)(runDir, { recursive: true });
    const show = (path) => (0, node_path_1.relative)(root, path);
    const say = (line) => console.log(`[start] ${line}`);
    // Stopped in reverse order: the demo, then the backend (it flushes to InfluxDB), then InfluxDB.
    const stoppers = [];
    const demoStop = new AbortController();
    let stopping;
    const stopAll = (code) => {
        stopping ??= (async () => {
            demoStop.abort();
            for (const stop of stoppers.reverse()) {
                await stop().catch((error) => console.error(`[start] while stopping: ${error.message}`));
            }
            process.exit(code);
        })();
        return stopping;
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.on(signal, () => {
            say(`${signal}: stopping everything`);
            void stopAll(0);
        });
    }
    try {
        const influxd = await (0, influxd_1.startInfluxd)((0, node_path_1.join)(runDir, 'influxdb'), await (0, ports_1.preferredPort)(8086));
        stoppers.push(() => influxd.stop());
        say(`InfluxDB ${influxd.url} (pid ${influxd.pid}, data in ${show(influxd.dir)})`);
        const keysFile = (0, node_path_1.join)(runDir, 'keys.env');
        const keys = (0, keys_1.loadOrCreateKeys)(keysFile);
        const port = await (0, ports_1.preferredPort)(3001);
        const backendUrl = `http://127.0.0.1:${port}`;
        const backendLog = (0, node_path_1.join)(runDir, 'backend.log');
        const backend = await (0, childProcess_1.startChild)({
            name: 'backend',
            command: process.execPath,
            args: [(0, node_path_1.join)(root, 'dist-backend', 'main.js')],
            env: {
                ...process.env,
                PORT: String(port),
                HOST: '127.0.0.1',
                INFLUX_URL: influxd.url,
                INFLUX_DATABASE: DATABASE,
                API_KEYS: (0, keys_1.apiKeysSetting)(keys),
                DATA_DIR: (0, node_path_1.join)(runDir, 'data'),
                DEFAULT_TZ: profile_1.DEMO_ZONE.name,
            },
            logFile: backendLog,
            readyUrl: `${backendUrl}/readyz`,
            readyTimeoutMs: 60_000,
        });
        stoppers.push(() => backend.stop());
        say(`backend ${backendUrl} (pid ${backend.pid})`);
        const dockerAvailable = (0, node_child_process_1.spawnSync)('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;
        console.log(`\n${(0, banner_1.banner)({
            backendUrl,
            influxUrl: influxd.url,
            influxDatabase: DATABASE,
            keys,
            keysFile: show(keysFile),
            logFiles: [show(backendLog), show((0, node_path_1.join)(influxd.dir, 'influxd.log'))],
            tz: profile_1.DEMO_ZONE.name,
            dockerAvailable,
        })}\n`);
        if (!options.demo) {
            return;
        }
        say(`demo data: setting limits, backfilling ${options.days} days at about ${options.rate} mails a day...`);
        const demo = (0, runDemo_1.runDemo)({
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
        }, { log: (line) => console.log(`[demo] ${line}`), signal: demoStop.signal });
        demo.then((totals) => console.log(`[demo] sent in total: ${JSON.stringify(totals)}`), (error) => console.error(`[demo] stopped: ${error.message} (the backend keeps running)`));
    }
    catch (error) {
        console.error(`[start] ${error.message}`);
        await stopAll(1);
    }
}
void main();
