import { getHeapStatistics } from 'node:v8';
import { HeapTrim } from './heapTrim';

const MB = 2 ** 20;
const used = () => getHeapStatistics().used_heap_size;

/** About `mb` MB on the heap: arrays of 1,024 doubles (8 KB each). */
const garbage = (mb: number) => Array.from({ length: mb * 128 }, (_unused, i) => new Array<number>(1024).fill(i + 0.5));

test('a heap grown past 1.5 times its survivors and 96 MB is collected; a small one is left to V8', () => {
  const trim = new HeapTrim();
  let held: number[][] | undefined = garbage(8);
  held = undefined;
  const small = used();
  trim.afterWork();
  // 8 MB over the survivors stays below the 96 MB floor: no collection, the strings are still there.
  expect(used()).toBeGreaterThanOrEqual(small - MB);

  held = garbage(200);
  expect(held.length).toBe(25_600);
  held = undefined;
  const grown = used();
  expect(grown).toBeGreaterThan(200 * MB);
  trim.afterWork();
  expect(grown - used()).toBeGreaterThan(190 * MB);
});
