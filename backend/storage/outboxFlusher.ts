/**
 * Drains the outbox to InfluxDB: each pass first checkpoints what was acknowledged since the
 * last one (so the totals are in SQLite), then writes the current absolute totals of changed
 * counters, several writes in flight, and confirms them only after InfluxDB accepted them.
 * While a pass's writes are in flight the next checkpoint runs, so SQLite and InfluxDB work at
 * the same time. Rewriting a total is harmless, so a crash between write and confirm counts
 * nothing twice. Retries with back-off.
 *
 * Admission: a new batch waits (before it is taken, so before its 202) while the outbox holds
 * more counters than InfluxDB takes in ROOM_SECONDS at the measured write rate. Under more load
 * than the backend can write, clients then get slower answers instead of a growing visibility
 * lag and, in the end, 503 outbox_full. While writes fail, batches are taken at once and
 * MAX_OUTBOX decides.
 */
import { lineOf, linePrefix, type CounterKey } from './counterKeys';
import type { CounterStore, PendingCounter } from './counterStore';
import { InfluxRequestError, type InfluxClient } from './influxClient';
import { writeCounterLines } from './retention';

const BATCH_LINES = 10_000;
/** InfluxDB writes in flight at once: it parses and indexes on several cores. */
const WRITES_IN_FLIGHT = 3;
const PASS_LINES = BATCH_LINES * WRITES_IN_FLIGHT;
/**
 * Seconds of writes the outbox may hold before new batches wait. A batch shows in the views
 * after at most the pass under way and the next one: half a second of writes each leaves room
 * in the 2 s lag target of issue 11 for the read itself (the lag measured is in docs/architecture.md).
 */
const ROOM_SECONDS = 0.5;
/** Counters the outbox always has room for, whatever the measured rate (tests, a cold start). */
const MIN_ROOM = 20_000;
/** Weight of the newest pass in the measured write rate. */
const RATE_WEIGHT = 0.3;
const MIN_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 15000;

/** The line of a counter with its absolute total (the bench and tests write counters as the outbox does). */
export const counterLine = (counter: CounterKey & { n: number }, writerId: string) =>
  lineOf(linePrefix(counter, writerId), counter.n, counter.bucket);

interface Waiter {
  throughSeq: number;
  resolve(): void;
  reject(error: Error): void;
}

export interface FlusherState {
  /** Last write failed and no later write succeeded. */
  failing: boolean;
  lastError: string | null;
}

export class OutboxFlusher {
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private backoffMs = MIN_BACKOFF_MS;
  private waiters: Waiter[] = [];
  private stopped = false;
  readonly state: FlusherState = { failing: false, lastError: null };
  /** Counters confirmed per second of a pass, smoothed; 0 until a pass is measured. */
  private confirmedPerSecond = 0;
  /** Batches waiting for room in the outbox (admission). */
  private roomWaiters: Array<() => void> = [];

  constructor(
    private readonly store: CounterStore,
    private readonly influx: InfluxClient,
    private readonly onWrite: (lines: number, seconds: number, error?: Error) => void = () => {}
  ) {
    store.holdBatchesUntil(() => this.room());
  }

  /** Resolves once the outbox has room for another batch (see Admission above). */
  room(): Promise<void> {
    if (this.hasRoom()) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.roomWaiters.push(resolve);
      this.kick();
    });
  }

  private hasRoom(): boolean {
    const room = Math.max(MIN_ROOM, this.confirmedPerSecond * ROOM_SECONDS);
    return this.stopped || this.state.failing || this.store.outboxSize() <= room;
  }

  private admitWaiting(): void {
    if (this.roomWaiters.length > 0 && this.hasRoom()) {
      const admitted = this.roomWaiters;
      this.roomWaiters = [];
      for (const resolve of admitted) {
        resolve();
      }
    }
  }

  private measurePass(counters: number, startedNs: bigint): void {
    const seconds = Number(process.hrtime.bigint() - startedNs) / 1e9;
    const rate = counters / Math.max(seconds, 1e-3);
    this.confirmedPerSecond =
      this.confirmedPerSecond === 0 ? rate : RATE_WEIGHT * rate + (1 - RATE_WEIGHT) * this.confirmedPerSecond;
  }

  /** Starts draining now (or right after the pass under way); during a back-off the timer decides. */
  kick(): void {
    if (this.stopped || this.timer !== undefined) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  /** Resolves once every change acknowledged so far is in InfluxDB; rejects if a checkpoint or a write fails meanwhile. */
  flushed(): Promise<void> {
    const throughSeq = this.store.lastSeq();
    if (this.doneThrough(throughSeq)) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.waiters.push({ throughSeq, resolve, reject });
      // A reader waits: try InfluxDB now rather than after the back-off (a refused attempt fails fast).
      this.retryNow();
    });
  }

  /** Ends a back-off early: InfluxDB may be back (a reader waits, or its database was just made). */
  retryNow(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.kick();
  }

  private doneThrough(seq: number): boolean {
    const oldestSeq = this.store.oldestPendingSeq();
    return oldestSeq === null || oldestSeq > seq;
  }

  private settleWaiters(error?: Error): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (error) {
        waiter.reject(error);
      } else if (this.doneThrough(waiter.throughSeq)) {
        waiter.resolve();
      } else {
        this.waiters.push(waiter);
      }
    }
  }

  private async write(batch: readonly PendingCounter[]): Promise<void> {
    const started = process.hrtime.bigint();
    await writeCounterLines(this.influx, batch);
    this.onWrite(batch.length, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        // Batches acknowledged while the last pass ran: fold them in one transaction.
        await this.store.checkpoint();
        let pass = this.store.pending(PASS_LINES);
        while (pass.length > 0 && !this.stopped) {
          const started = process.hrtime.bigint();
          const writes = Array.from({ length: Math.ceil(pass.length / BATCH_LINES) }, (_unused, i) =>
            this.write(pass.slice(i * BATCH_LINES, (i + 1) * BATCH_LINES))
          );
          await Promise.all([...writes, this.checkpointDuringWrites()]);
          this.store.confirm(pass);
          this.measurePass(pass.length, started);
          this.settleWaiters();
          this.admitWaiting();
          pass = this.store.pending(PASS_LINES);
        }
        // The checkpoints' ids are written to their day files meanwhile; a failure shows here.
        await this.store.idsDurable();
      } while (this.again && !this.stopped);
      this.state.failing = false;
      this.state.lastError = null;
      this.backoffMs = MIN_BACKOFF_MS;
      this.settleWaiters();
      this.admitWaiting();
    } catch (error) {
      const failure = error as Error;
      this.onWrite(0, 0, failure);
      this.state.failing = true;
      this.state.lastError = failure.message;
      this.settleWaiters(failure);
      this.admitWaiting();
      // A refused write (4xx) will not heal by itself, but InfluxDB may be reconfigured: keep trying, slower.
      const delay = error instanceof InfluxRequestError ? MAX_BACKOFF_MS : this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
      this.again = false;
      if (!this.stopped) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.kick();
        }, delay);
        this.timer.unref();
      }
    } finally {
      this.running = false;
    }
    if (this.again && !this.stopped) {
      this.kick();
    }
  }

  /**
   * The next checkpoint, once the writes just started are on their way (it holds the thread
   * while SQLite works): a checkpoint whose totals are confirmed meanwhile stays in the outbox
   * with its newer total (confirm compares sequence numbers).
   */
  private async checkpointDuringWrites(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await this.store.checkpoint();
  }

  /** Stops retrying; pending changes stay in the outbox for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.running) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    this.settleWaiters(new Error('the backend is stopping'));
    this.admitWaiting();
  }
}
