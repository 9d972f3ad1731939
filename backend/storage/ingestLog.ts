/**
 * The durable log of accepted batches (DATA_DIR/log/<segment>.log): group commit, one
 * write + fdatasync for every request that arrived while the previous one was in flight.
 * A record is [length u32][md5 of payload, 16 B][payload]; reading stops at the first torn or
 * corrupt record of a segment (a crash mid-append: that record was never acknowledged).
 * A failed append is cut off again and the segment closed, so nothing unacknowledged is read
 * back and later appends go to a new segment. A segment is closed once it passes
 * SEGMENT_BYTES; checkpoints record a position (segment, offset) and delete whole segments
 * before the position they no longer need.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fdatasync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  write,
} from 'node:fs';
import { join } from 'node:path';

const HEADER_BYTES = 20;
const SEGMENT_BYTES = 64 * 1024 * 1024;

/** A place in the log: records of lower segments, or of this segment before offset, come before it. */
export interface LogPosition {
  segment: number;
  offset: number;
}

export const isBefore = (recordSegment: number, recordOffset: number, position: LogPosition) =>
  recordSegment < position.segment || (recordSegment === position.segment && recordOffset < position.offset);

interface Append {
  record: Buffer;
  /** Runs once the record is durable, before the next group is written. */
  committed(): void;
  resolve(): void;
  reject(error: Error): void;
}

const writeAll = (fd: number, data: Buffer, position: number) =>
  new Promise<void>((resolve, reject) => {
    write(fd, data, 0, data.length, position, (error, written) => {
      if (error) {
        reject(error);
      } else if (written !== data.length) {
        reject(Object.assign(new Error(`short write to the ingest log (${written} of ${data.length} bytes)`), { code: 'EIO' }));
      } else {
        resolve();
      }
    });
  });

const syncData = (fd: number) =>
  new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));

export function encodeRecord(payload: Buffer): Buffer {
  const record = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  record.writeUInt32LE(payload.length, 0);
  createHash('md5').update(payload).digest().copy(record, 4);
  payload.copy(record, HEADER_BYTES);
  return record;
}

/** The whole records of a segment's bytes (with their offsets), up to the first torn or corrupt one. */
export function decodeRecords(bytes: Buffer): Array<{ offset: number; payload: Buffer }> {
  const records: Array<{ offset: number; payload: Buffer }> = [];
  let at = 0;
  while (at + HEADER_BYTES <= bytes.length) {
    const length = bytes.readUInt32LE(at);
    const end = at + HEADER_BYTES + length;
    if (end > bytes.length) {
      break;
    }
    const payload = bytes.subarray(at + HEADER_BYTES, end);
    if (!createHash('md5').update(payload).digest().equals(bytes.subarray(at + 4, at + HEADER_BYTES))) {
      break;
    }
    records.push({ offset: at, payload });
    at = end;
  }
  return records;
}

export class IngestLog {
  private readonly dir: string;
  private segment: number;
  private fd: number | undefined;
  private size = 0;
  private queue: Append[] = [];
  private writing = false;
  private betweenGroups: Array<() => void> = [];

  /** @param firstSegment the number the next segment gets (above every one read back) */
  constructor(dataDir: string, firstSegment: number) {
    this.dir = join(dataDir, 'log');
    mkdirSync(this.dir, { recursive: true });
    this.segment = firstSegment;
  }

  /** Segment numbers on disk, ascending. */
  static segments(dataDir: string): number[] {
    const dir = join(dataDir, 'log');
    mkdirSync(dir, { recursive: true });
    return readdirSync(dir)
      .filter((name) => /^\d+\.log$/.test(name))
      .map((name) => Number(name.slice(0, -4)))
      .sort((a, b) => a - b);
  }

  static read(dataDir: string, segment: number): Array<{ offset: number; payload: Buffer }> {
    return decodeRecords(readFileSync(join(dataDir, 'log', `${segment}.log`)));
  }

  /** Deletes the segments below `segment`. */
  static removeBefore(dataDir: string, segment: number): void {
    for (const found of IngestLog.segments(dataDir)) {
      if (found < segment) {
        unlinkSync(join(dataDir, 'log', `${found}.log`));
      }
    }
  }

  private open(): number {
    if (this.fd === undefined) {
      this.fd = openSync(join(this.dir, `${this.segment}.log`), 'w');
      this.size = 0;
      // The new name must survive a crash as well as the records in it.
      const dirFd = openSync(this.dir, 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    }
    return this.fd;
  }

  private closeSegment(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
      this.segment++;
    }
  }

  /** Resolves once the payload is durable; `committed` runs first, in log order. */
  append(payload: Buffer, committed: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record: encodeRecord(payload), committed, resolve, reject });
      if (!this.writing) {
        void this.writeGroups();
      }
    });
  }

  /**
   * Runs `seal` when no group is in flight: every record committed before `seal` ran comes
   * before the returned position, every later one after it.
   */
  seal<T>(seal: () => T): Promise<{ sealed: T; position: LogPosition }> {
    return new Promise((resolve, reject) => {
      const run = () => {
        try {
          const sealed = seal();
          resolve({ sealed, position: { segment: this.segment, offset: this.fd === undefined ? 0 : this.size } });
        } catch (error) {
          reject(error as Error);
        }
      };
      if (this.writing) {
        this.betweenGroups.push(run);
      } else {
        run();
      }
    });
  }

  private async writeGroups(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      const start = this.size;
      try {
        const fd = this.open();
        const data = group.length === 1 ? group[0].record : Buffer.concat(group.map((append) => append.record));
        await writeAll(fd, data, start);
        await syncData(fd);
        this.size = start + data.length;
        if (this.size >= SEGMENT_BYTES) {
          this.closeSegment();
        }
      } catch (error) {
        this.abandon(start);
        // Later requests may have taken an id of this group for a duplicate: they fail too.
        const failed = [...group, ...this.queue];
        this.queue = [];
        for (const append of failed) {
          append.reject(error as Error);
        }
        continue;
      }
      for (const append of group) {
        append.committed();
      }
      for (const append of group) {
        append.resolve();
      }
      this.runBetweenGroups();
    }
    this.writing = false;
    this.runBetweenGroups();
  }

  private runBetweenGroups(): void {
    const waiting = this.betweenGroups;
    this.betweenGroups = [];
    for (const run of waiting) {
      run();
    }
  }

  /** Cuts a failed append off (best effort) and moves on to a new segment. */
  private abandon(goodSize: number): void {
    if (this.fd === undefined) {
      return;
    }
    try {
      ftruncateSync(this.fd, goodSize);
      fsyncSync(this.fd);
    } catch {
      // The md5 of a torn record fails; a whole one that lost only its fdatasync is counted on replay (its ids dedupe a retry).
    }
    this.closeSegment();
  }

  close(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }
}
