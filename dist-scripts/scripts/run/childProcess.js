"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startChild = startChild;
/** A child process with its output in a log file, waited for over HTTP and stopped cleanly. */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
function tail(file, lines = 15) {
    try {
        return (0, node_fs_1.readFileSync)(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    }
    catch {
        return '';
    }
}
async function waitUntilReady(spec, child) {
    const deadline = Date.now() + spec.readyTimeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(`${spec.name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail(spec.logFile)}`);
        }
        try {
            const answer = await fetch(spec.readyUrl);
            if (answer.ok) {
                return;
            }
            last = `${answer.status} ${await answer.text()}`;
        }
        catch (error) {
            last = error.message;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${spec.name} was not ready at ${spec.readyUrl} within ${spec.readyTimeoutMs} ms (${last}):\n${tail(spec.logFile)}`);
}
async function startChild(spec) {
    const log = (0, node_fs_1.openSync)(spec.logFile, 'a');
    const child = (0, node_child_process_1.spawn)(spec.command, spec.args, { env: spec.env, stdio: ['ignore', log, log] });
    (0, node_fs_1.closeSync)(log);
    await new Promise((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', (error) => reject(new Error(`cannot start ${spec.name}: ${error.message}`)));
    });
    const exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const stop = async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
            return;
        }
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), spec.stopTimeoutMs ?? 10_000);
        await exited;
        clearTimeout(timer);
    };
    try {
        await waitUntilReady(spec, child);
    }
    catch (error) {
        await stop();
        throw error;
    }
    return { pid: child.pid, stop };
}
