/**
 * The totals thread's entry (started by totalsThread.ts): one state.sqlite connection that
 * runs checkpoints, meta writes and syncs one at a time, in the order they were asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HeapTrim } from './heapTrim';
import { openStateDatabase, TotalsTable } from './totalsTable';
import type { TotalsReply, TotalsRequest } from './totalsThread';

const { path, cacheMb, writerId } = workerData as { path: string; cacheMb: number; writerId: string };
const table = new TotalsTable(openStateDatabase(path, cacheMb), writerId);
const port = parentPort!;
const heap = new HeapTrim();

function answer(request: TotalsRequest): TotalsReply {
  switch (request.op) {
    case 'checkpoint': {
      const result = table.checkpoint(request.checkpoint);
      return { id: request.id, result };
    }
    case 'meta':
      table.writeMeta(request.key, request.value);
      return { id: request.id };
    case 'sync':
      return { id: request.id, synced: table.sync() };
    case 'close':
      table.close();
      return { id: request.id };
  }
}

port.on('message', (request: TotalsRequest) => {
  let reply: TotalsReply;
  try {
    reply = answer(request);
  } catch (error) {
    const { message, code } = error as NodeJS.ErrnoException;
    reply = { id: request.id, error: { message, code } };
  }
  if (reply.result) {
    port.postMessage(reply, [reply.result.totals.buffer as ArrayBuffer, reply.result.longShards.buffer as ArrayBuffer]);
  } else {
    port.postMessage(reply);
  }
  heap.afterWork();
});
