/**
 * Flow control between exceljs and the HTTP response. exceljs's row.commit() ignores
 * back-pressure: its worksheet stream writes into the zip compressor whatever it is
 * given, so a tight loop would buffer the whole file. The sheet writer asks `room()`
 * every few rows; it resolves once the response and exceljs's own buffers have drained
 * below a limit, or with false once the client has gone or the export was aborted.
 */
import type { ServerResponse } from 'node:http';

/** Uncompressed sheet XML allowed to wait inside exceljs before rows stop being made. */
export const BACKLOG_LIMIT = 1 << 20;
const POLL_MS = 5;

/** Bytes waiting inside a source: exceljs's sheet stream and the compressor it writes into. */
export type Backlog = () => number;

interface StreamState {
  length: number;
}

interface SheetStreamInternals {
  buffers?: Array<{ length: number }>;
  pipes?: Array<{ _writableState?: StreamState; _readableState?: StreamState }>;
}

/**
 * The backlog of an exceljs 4.4 WorksheetWriter: its StreamBuf's buffered bytes (before
 * the zip reaches this entry) plus what the stream it pipes into (archiver's entry
 * source, which nothing bounds once the zip's own 1 MiB buffer is full) holds.
 * Internals, checked by responseFlow.test.ts: a change of exceljs that breaks this fails it.
 */
export function worksheetBacklog(worksheet: unknown): Backlog {
  const stream = (worksheet as { stream: SheetStreamInternals }).stream;
  return () => {
    let bytes = 0;
    for (const buffer of stream.buffers ?? []) {
      bytes += buffer.length;
    }
    for (const pipe of stream.pipes ?? []) {
      bytes += (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
    }
    return bytes;
  };
}

export class ResponseFlow {
  private stopped = false;
  private readonly stopListeners = new Set<() => void>();

  constructor(
    private readonly res: ServerResponse,
    signal?: AbortSignal
  ) {
    res.once('close', () => {
      if (!res.writableFinished) {
        this.stop();
      }
    });
    if (signal?.aborted) {
      this.stop();
    }
    signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** True once the client has gone or the export was aborted. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Resolves when the client has gone or the export was aborted (never, if it completes). */
  whenStopped(): Promise<void> {
    return new Promise((resolve) => (this.stopped ? resolve() : this.stopListeners.add(resolve)));
  }

  /** Waits until more rows may be made: true, or false when the export must stop. */
  async room(backlog: Backlog): Promise<boolean> {
    // Let the compressor's and the socket's callbacks run.
    await new Promise((resolve) => setImmediate(resolve));
    while (!this.stopped && (this.res.writableNeedDrain || backlog() > BACKLOG_LIMIT)) {
      await this.drainOrTick();
    }
    return !this.stopped;
  }

  private stop(): void {
    if (!this.stopped) {
      this.stopped = true;
      this.stopListeners.forEach((listener) => listener());
      this.stopListeners.clear();
    }
  }

  private drainOrTick(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.res.off('drain', done);
        this.stopListeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, POLL_MS);
      this.res.once('drain', done);
      this.stopListeners.add(done);
    });
  }
}
