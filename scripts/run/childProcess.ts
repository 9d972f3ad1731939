/** A child process with its output in a log file, waited for over HTTP and stopped cleanly. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface RunningChild {
  pid: number;
  stop(): Promise<void>;
}

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Answers 2xx once the child is ready. */
  readyUrl: string;
  readyTimeoutMs: number;
  /** After SIGTERM, SIGKILL follows this much later. */
  stopTimeoutMs?: number;
  /** Its own process group: a terminal's Ctrl-C then reaches only the parent, which stops it in order. */
  ownProcessGroup?: boolean;
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function waitUntilReady(spec: ChildSpec, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + spec.readyTimeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${spec.name} (pid ${child.pid}) exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail(spec.logFile)}`
      );
    }
    try {
      const answer = await fetch(spec.readyUrl);
      if (answer.ok) {
        return;
      }
      last = `${answer.status} ${await answer.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${spec.name} (pid ${child.pid}) was not ready at ${spec.readyUrl} within ${spec.readyTimeoutMs} ms (${last}):\n${tail(spec.logFile)}`
  );
}

export async function startChild(spec: ChildSpec): Promise<RunningChild> {
  const log = openSync(spec.logFile, 'a');
  const child = spawn(spec.command, spec.args, {
    env: spec.env,
    stdio: ['ignore', log, log],
    detached: spec.ownProcessGroup ?? false,
  });
  closeSync(log);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) => reject(new Error(`cannot start ${spec.name}: ${error.message}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, stop };
}
