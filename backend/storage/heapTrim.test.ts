import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { typeScriptWorkerOptions } from './totalsThread';

const MB = 2 ** 20;

/**
 * Runs in a thread of its own, as HeapTrim does in the totals thread: jest's worker heap holds
 * what earlier test files left, which would move the 1.5x bound. Reports used heap bytes
 * around two calls of afterWork: after 8 MB of garbage, then after 200 MB (arrays of 1,024
 * doubles, 8 KB each).
 */
const PROBE = `
const { parentPort } = require('node:worker_threads');
const { getHeapStatistics } = require('node:v8');
const { HeapTrim } = require(${JSON.stringify(join(__dirname, 'heapTrim.ts'))});
const used = () => getHeapStatistics().used_heap_size;
const garbage = (mb) => Array.from({ length: mb * 128 }, (_unused, i) => new Array(1024).fill(i + 0.5));
const trim = new HeapTrim();
let held = garbage(8);
held = undefined;
const small = used();
trim.afterWork();
const afterSmall = used();
held = garbage(200);
const arrays = held.length;
held = undefined;
const grown = used();
trim.afterWork();
parentPort.postMessage({ small, afterSmall, arrays, grown, afterGrown: used() });
`;

function probe(): Promise<Record<string, number>> {
  const worker = new Worker(PROBE, { eval: true, ...typeScriptWorkerOptions() });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => worker.terminate()) as Promise<Record<string, number>>;
}

test('a heap grown past 1.5 times its survivors and 96 MB is collected; a small one is left to V8', async () => {
  const { small, afterSmall, arrays, grown, afterGrown } = await probe();
  // 8 MB over the survivors stays below the 96 MB floor: no collection, the arrays are still there.
  expect(small).toBeLessThan(96 * MB);
  expect(afterSmall).toBeGreaterThanOrEqual(small - MB);
  expect(arrays).toBe(25_600);
  expect(grown).toBeGreaterThan(200 * MB);
  expect(grown - afterGrown).toBeGreaterThan(190 * MB);
});
