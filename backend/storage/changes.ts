/**
 * The ingest log's records and the changes they make until a checkpoint folds them into
 * SQLite. A record holds the batch's new ids and the deltas of its detailed (mail_counts)
 * counters only; the rollups are derived at the checkpoint, once per distinct counter of the
 * whole checkpoint, which keeps records about a quarter of the size and sums batches that hit
 * the same counters before deriving. Records of the previous version (no `v`) hold every
 * rollup already and are folded in as they are.
 */
import { addRollups } from './counterKeys';

/** A log record: its sequence number, acceptance day, deltas (key string, n) and the new ids' hashes. */
export interface LogRecord {
  lsn: number;
  day: number;
  deltas: Array<string | number>;
  /** The deltas are of detailed counters only (the rollups follow from them). */
  detailed: boolean;
  ids: Buffer;
}

export function encodeRecord(record: LogRecord): Buffer {
  const head = Buffer.from(
    JSON.stringify({ ...(record.detailed ? { v: 2 } : {}), lsn: record.lsn, day: record.day, deltas: record.deltas })
  );
  const lengths = Buffer.allocUnsafe(4);
  lengths.writeUInt32LE(head.length, 0);
  return Buffer.concat([lengths, head, record.ids]);
}

export function decodeRecord(payload: Buffer): LogRecord {
  const headLength = payload.readUInt32LE(0);
  const { v, lsn, day, deltas } = JSON.parse(payload.subarray(4, 4 + headLength).toString()) as {
    v?: number;
    lsn: number;
    day: number;
    deltas: Array<string | number>;
  };
  return { lsn, day, deltas, detailed: v === 2, ids: payload.subarray(4 + headLength) };
}

function addAll(into: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [key, n] of from) {
    into.set(key, (into.get(key) ?? 0) + n);
  }
}

/** Every counter a record changes, rollups included. */
export function countersOfRecord(record: LogRecord): string[] {
  const sums = new Map<string, number>();
  for (let i = 0; i < record.deltas.length; i += 2) {
    const key = record.deltas[i] as string;
    sums.set(key, 0);
    if (record.detailed) {
      addRollups(sums, key, 0);
    }
  }
  return [...sums.keys()];
}

/** Every counter's delta, rollups derived from the detailed ones: what a checkpoint adds to the totals. */
export function withRollups(
  detailed: Iterable<readonly [string, number]>,
  complete: Iterable<readonly [string, number]>
): Map<string, number> {
  const all = new Map(complete);
  for (const [key, n] of detailed) {
    all.set(key, (all.get(key) ?? 0) + n);
    addRollups(all, key, n);
  }
  return all;
}

/** Changes not yet in SQLite: counter deltas by key string and new ids by day. */
export class Changes {
  /** Deltas of detailed counters: their rollups are not in `complete`. */
  private readonly detailed = new Map<string, number>();
  /** Deltas with their rollups already (records of the previous version). */
  private readonly complete = new Map<string, number>();
  readonly ids = new Map<number, Buffer[]>();
  oldestSeq: number | null = null;

  /** Whether a counter is among the changes as recorded (rollups of detailed counters are not). */
  has(key: string): boolean {
    return this.detailed.has(key) || this.complete.has(key);
  }

  /** Adds a record's changes; `isNew` is called once for each counter `has` did not hold yet. */
  apply(record: LogRecord, isNew: (key: string) => void): void {
    const { deltas } = record;
    const into = record.detailed ? this.detailed : this.complete;
    for (let i = 0; i < deltas.length; i += 2) {
      const key = deltas[i] as string;
      const sum = into.get(key);
      if (sum === undefined && !this.has(key)) {
        isNew(key);
      }
      into.set(key, (sum ?? 0) + (deltas[i + 1] as number));
    }
    if (record.ids.length > 0) {
      const day = this.ids.get(record.day);
      if (day) {
        day.push(record.ids);
      } else {
        this.ids.set(record.day, [record.ids]);
      }
    }
    if (this.oldestSeq === null && deltas.length > 0) {
      this.oldestSeq = record.lsn;
    }
  }

  /** The deltas as recorded: of detailed counters (rollups not derived) and of complete ones. */
  recorded(): { detailed: ReadonlyMap<string, number>; complete: ReadonlyMap<string, number> } {
    return { detailed: this.detailed, complete: this.complete };
  }

  /** Puts the changes of a checkpoint that failed back in front of these. */
  takeBack(failed: Changes): void {
    addAll(this.detailed, failed.detailed);
    addAll(this.complete, failed.complete);
    for (const [day, hashes] of failed.ids) {
      this.ids.set(day, [...hashes, ...(this.ids.get(day) ?? [])]);
    }
    if (failed.oldestSeq !== null) {
      this.oldestSeq = Math.min(failed.oldestSeq, this.oldestSeq ?? Infinity);
    }
  }

  get empty(): boolean {
    return this.detailed.size === 0 && this.complete.size === 0 && this.ids.size === 0;
  }
}
