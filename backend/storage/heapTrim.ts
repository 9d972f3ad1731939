/**
 * A full garbage collection of this thread's heap once it grew to GROWTH times what survived
 * the last one. V8 by itself lets a heap grow to about 4 times its survivors before it
 * collects: on the totals thread, where a checkpoint's keys and lines are garbage as soon as
 * the answer is sent, that was 650 MB beside 150 MB alive (sustained bench, heap traced every
 * 2 s), a third of the backend's RSS. A collection of that heap takes tens of milliseconds of
 * the totals thread, every few seconds under full load.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const GROWTH = 1.5;
/** Below this a heap is left to V8 (tests, a quiet backend). */
const FLOOR_BYTES = 96 * 2 ** 20;

/** V8's own `gc`, which `--expose-gc` puts in contexts made after it is set (Node allows no V8 flags in a Worker's execArgv). */
function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export class HeapTrim {
  private readonly collect = exposedGc();
  private survivors = getHeapStatistics().used_heap_size;

  /** Collects if the heap grew past its bound; call it between units of work, not inside one. */
  afterWork(): void {
    const used = getHeapStatistics().used_heap_size;
    if (used > Math.max(FLOOR_BYTES, this.survivors * GROWTH)) {
      this.collect();
      this.survivors = getHeapStatistics().used_heap_size;
    }
  }
}
