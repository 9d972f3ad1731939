/**
 * The counter totals, run in a worker thread (totalsWorker.ts). A checkpoint's rollups, key
 * sort and SQLite upserts were 36-45 % of the main thread in the ingest bench's profiles,
 * while InfluxDB used 10-30 % of the second core: on their own thread they overlap the
 * requests. SQLite's WAL lets the main thread's connection read (and rarely write) beside it.
 */
import { Worker } from 'node:worker_threads';
import { extname, join } from 'node:path';
import type { CheckpointRequest, CheckpointResult } from './totalsTable';

export type TotalsRequest =
  | { id: number; op: 'checkpoint'; checkpoint: CheckpointRequest }
  | { id: number; op: 'meta'; key: string; value: string | null }
  | { id: number; op: 'sync' }
  | { id: number; op: 'close' };

export interface TotalsReply {
  id: number;
  result?: CheckpointResult;
  synced?: boolean;
  error?: { message: string; code?: string };
}

type Pending = { resolve: (reply: TotalsReply) => void; reject: (error: Error) => void };

/** Distributive Omit: keeps each request variant's own fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Options that let a Worker load the backend's TypeScript sources through ts-node. */
export const typeScriptWorkerOptions = (): { execArgv: string[]; env: NodeJS.ProcessEnv } => ({
  execArgv: ['--require', require.resolve('ts-node/register/transpile-only')],
  env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
});

/** The worker's entry file beside this one; from TypeScript sources (tests, ts-node) it is loaded through ts-node. */
function workerOptions(): { file: string; execArgv?: string[]; env?: NodeJS.ProcessEnv } {
  const file = join(__dirname, `totalsWorker${extname(__filename)}`);
  return extname(__filename) === '.ts' ? { file, ...typeScriptWorkerOptions() } : { file };
}

export class TotalsThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Set once the thread stopped: every later request fails with it. */
  private stopped: Error | undefined;

  /** `cacheMb`: SQLite's page cache for the checkpoint's connection; `writerId`: the writer tag of the lines it makes. */
  constructor(databasePath: string, cacheMb: number, writerId: string) {
    const { file, execArgv, env } = workerOptions();
    this.worker = new Worker(file, { workerData: { path: databasePath, cacheMb, writerId }, execArgv, env });
    // Only a request under way keeps the process alive (ref while one is pending).
    this.worker.unref();
    this.worker.on('message', (reply: TotalsReply) => this.settle(reply));
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the totals thread exited (code ${code})`)));
  }

  checkpoint(checkpoint: CheckpointRequest): Promise<CheckpointResult> {
    return this.request({ op: 'checkpoint', checkpoint }).then((reply) => reply.result!);
  }

  /** Writes (null: deletes) one meta row, after every checkpoint asked before it. */
  writeMeta(key: string, value: string | null): Promise<void> {
    return this.request({ op: 'meta', key, value }).then(() => undefined);
  }

  /** Makes every commit so far durable; false if SQLite could not finish (a reader held it). */
  sync(): Promise<boolean> {
    return this.request({ op: 'sync' }).then((reply) => reply.synced!);
  }

  async close(): Promise<void> {
    if (this.stopped === undefined) {
      await this.request({ op: 'close' }).catch(() => undefined);
      await this.worker.terminate();
    }
  }

  private request(request: WithoutId<TotalsRequest>): Promise<TotalsReply> {
    if (this.stopped) {
      return Promise.reject(this.stopped);
    }
    const id = ++this.nextId;
    if (this.pending.size === 0) {
      this.worker.ref();
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private settle(reply: TotalsReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) {
      this.worker.unref();
    }
    if (reply.error) {
      waiting?.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    } else {
      waiting?.resolve(reply);
    }
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const { reject } of this.pending.values()) {
      reject(this.stopped);
    }
    this.pending.clear();
  }
}
