"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.freePort = freePort;
exports.startInfluxd = startInfluxd;
/**
 * Starts a private InfluxDB 1.x (Debian's `influxd`) on free loopback ports with all of
 * its state under one folder. Used by the tests' global setup, the benchmarks and the
 * no-Docker main job.
 */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0, node_net_1.createServer)();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            server.close(() => resolve(port));
        });
    });
}
function config(dir, httpPort, rpcPort) {
    return `reporting-disabled = true
bind-address = "127.0.0.1:${rpcPort}"

[meta]
  dir = "${(0, node_path_1.join)(dir, 'meta')}"

[data]
  dir = "${(0, node_path_1.join)(dir, 'data')}"
  wal-dir = "${(0, node_path_1.join)(dir, 'wal')}"
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
async function waitForPing(url, child, timeoutMs) {
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
        }
        catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`influxd did not answer ${url}/ping within ${timeoutMs} ms`);
}
/**
 * @param dir folder for its config, data, WAL and log (made when missing)
 * @param httpPort fixed HTTP port, or a free one when absent
 */
async function startInfluxd(dir, httpPort, binary = 'influxd') {
    (0, node_fs_1.mkdirSync)(dir, { recursive: true });
    const port = httpPort ?? (await freePort());
    const rpcPort = await freePort();
    const configPath = (0, node_path_1.join)(dir, 'influxdb.conf');
    (0, node_fs_1.writeFileSync)(configPath, config(dir, port, rpcPort));
    const log = (0, node_fs_1.openSync)((0, node_path_1.join)(dir, 'influxd.log'), 'a');
    const child = (0, node_child_process_1.spawn)(binary, ['-config', configPath], { stdio: ['ignore', log, log] });
    const spawned = new Promise((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', (error) => reject(new Error(`cannot start ${binary}: ${error.message}; install it with: apt-get install -y influxdb`)));
    });
    await spawned;
    const url = `http://127.0.0.1:${port}`;
    try {
        await waitForPing(url, child, 30000);
    }
    catch (error) {
        child.kill('SIGKILL');
        throw error;
    }
    const exited = new Promise((resolve) => child.once('exit', () => resolve()));
    return {
        url,
        pid: child.pid,
        dir,
        async stop() {
            if (child.exitCode === null) {
                child.kill('SIGTERM');
                await exited;
            }
        },
    };
}
