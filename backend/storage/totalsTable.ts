/**
 * The absolute total of every counter (state.sqlite `counter_totals_by_time`) and the
 * checkpoint's transaction over it. It runs in the totals thread (totalsThread.ts), so a
 * checkpoint's rollups, sort and B-tree upserts run beside the requests instead of between them.
 *
 * Rows are keyed by bucket first, then the counter's head (every other field): new time-ordered
 * counters land at the right edge of the B-tree, so a checkpoint rewrites a few pages there. Keyed
 * by head first (the key string's order, until issue 11), each head's new bucket fell on a page of
 * its own all over the table: at millions of rows a checkpoint of 16 k counters touched about as
 * many 4 KB pages, each read and written to the WAL (0.3-1 s a checkpoint in the sustained bench).
 */
import Database from 'better-sqlite3';
import { withRollups } from './changes';
import { KeyLines, splitKey } from './counterKeys';

/**
 * Counters one upsert statement adds: fewer crossings into SQLite. 95 k counters into 300 k
 * rows took 0.65-0.81 s at 100 rows a statement, 0.79-1.40 s at one, 0.97-1.04 s at 500 (wall
 * time, scratch script, loaded machine): the B-tree itself is most of it.
 */
const UPSERT_ROWS = 100;

export const TOTALS_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counter_totals_by_time (
  bucket INTEGER NOT NULL, head TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (bucket, head)
) WITHOUT ROWID;
`;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Deltas as two parallel lists: what crosses between threads (a Map does not clone cheaply). */
export interface DeltaList {
  keys: string[];
  deltas: number[];
}

/** What a checkpoint folds in: detailed deltas (rollups still to derive), complete ones, and the log position it covers. */
export interface CheckpointRequest {
  detailed: DeltaList;
  complete: DeltaList;
  /** meta rows written in the same transaction (the log position and sequence number). */
  meta: Array<[string, string]>;
}

/** Every changed counter (rollups included) with its new absolute total, its line and where the line goes (1: long shards). */
export interface CheckpointResult {
  keys: string[];
  totals: Float64Array;
  lines: string[];
  longShards: Uint8Array;
}

export function toDeltaList(map: ReadonlyMap<string, number>): DeltaList {
  const keys: string[] = [];
  const deltas: number[] = [];
  for (const [key, n] of map) {
    keys.push(key);
    deltas.push(n);
  }
  return { keys, deltas };
}

function* pairsOf({ keys, deltas }: DeltaList): Generator<[string, number]> {
  for (let i = 0; i < keys.length; i++) {
    yield [keys[i], deltas[i]];
  }
}

/**
 * Moves the totals of a DATA_DIR written before the time-first layout (`counter_totals`, keyed by
 * key string) into `counter_totals_by_time`, once, in one transaction. A resend under way starts
 * again from the beginning: its cursor was a position in the old order (writing a total twice is harmless).
 * Returns how many totals moved.
 */
export function migrateToTimeOrder(db: Database.Database): number {
  const old = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'counter_totals'").get();
  if (old === undefined) {
    return 0;
  }
  const insert = db.prepare('INSERT INTO counter_totals_by_time (bucket, head, n) VALUES (?, ?, ?)');
  // In pages: a connection cannot write while it iterates.
  const page = db.prepare('SELECT key, n FROM counter_totals WHERE key > ? ORDER BY key LIMIT 10000').raw(true);
  let moved = 0;
  db.transaction(() => {
    for (
      let rows = page.all('') as Array<[string, number]>;
      rows.length > 0;
      rows = page.all(rows[rows.length - 1][0]) as Array<[string, number]>
    ) {
      for (const [key, n] of rows) {
        const [head, bucket] = splitKey(key);
        insert.run(bucket, head, n);
      }
      moved += rows.length;
    }
    db.exec('DROP TABLE counter_totals');
    db.prepare("UPDATE meta SET value = '' WHERE key = 'resend_after'").run();
  })();
  return moved;
}

/** The main thread's reads of the totals (start, resends), beside the totals thread's writes. */
export class TotalsReader {
  private readonly one;
  private readonly page;

  constructor(db: Database.Database) {
    this.one = db.prepare('SELECT n FROM counter_totals_by_time WHERE bucket = ? AND head = ?').pluck();
    this.page = db
      .prepare(
        'SELECT head, bucket, n FROM counter_totals_by_time WHERE (bucket, head) > (?, ?) ORDER BY bucket, head LIMIT ?'
      )
      .raw(true);
  }

  /** A checkpointed counter's total. */
  total(key: string): number {
    const [head, bucket] = splitKey(key);
    const n = this.one.get(bucket, head) as number | undefined;
    if (n === undefined) {
      throw new Error(`state.sqlite holds no total for the checkpointed counter ${JSON.stringify(key)}`);
    }
    return n;
  }

  /** Up to `limit` totals after the counter `afterKey` in the table's order ('': from the first), as [key, n]. */
  after(afterKey: string, limit: number): Array<[string, number]> {
    const [head, bucket] = afterKey === '' ? ['', -Infinity] : splitKey(afterKey);
    return (this.page.all(bucket, head, limit) as Array<[string, number, number]>).map(([h, b, n]) => [h + b, n]);
  }
}

/** Opens state.sqlite as the checkpoint's connection: WAL, commits synced only by `sync`. */
export function openStateDatabase(path: string, cacheMb: number): Database.Database {
  const db = new Database(path, { timeout: 30_000 });
  db.pragma('journal_mode = WAL');
  // Commits are not synced: the log holds every change until its checkpoint is made durable by
  // sync before a log segment is deleted (and after a limits change); a crash of the process loses no commit.
  db.pragma('synchronous = NORMAL');
  db.pragma(`cache_size = -${cacheMb * 1024}`);
  db.exec(TOTALS_SCHEMA);
  return db;
}

/** Makes every commit so far durable (WAL synced and copied into the database file); false if it could not finish. */
export function syncDatabase(db: Database.Database): boolean {
  const [result] = db.pragma('wal_checkpoint(FULL)') as Array<{ busy: number }>;
  return result.busy === 0;
}

export class TotalsTable {
  private readonly addRows;
  private readonly setMeta;
  private readonly deleteMeta;

  /** The line-protocol lines of this writer's counters, made here rather than on the main thread. */
  private readonly lines: KeyLines;

  constructor(
    private readonly db: Database.Database,
    writerId: string
  ) {
    this.lines = new KeyLines(writerId);
    this.addRows = this.addStatement(UPSERT_ROWS);
    this.setMeta = db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
    );
    this.deleteMeta = db.prepare('DELETE FROM meta WHERE key = ?');
  }

  /** Adds `rows` (bucket, head, delta) triples to the totals and returns each [head, bucket, new total] (in no set order). */
  private addStatement(rows: number) {
    return this.db
      .prepare(
        `INSERT INTO counter_totals_by_time (bucket, head, n) VALUES ${Array(rows).fill('(?, ?, ?)').join(', ')}
         ON CONFLICT (bucket, head) DO UPDATE SET n = n + excluded.n RETURNING head, bucket, n`
      )
      .raw(true);
  }

  /** Derives the rollups, adds every delta to its total and writes `meta`, in one transaction. */
  checkpoint(request: CheckpointRequest): CheckpointResult {
    const deltas = withRollups(pairsOf(request.detailed), pairsOf(request.complete));
    const heads: string[] = [];
    const buckets = new Float64Array(deltas.size);
    const ns = new Float64Array(deltas.size);
    for (const [key, n] of deltas) {
      const [head, bucket] = splitKey(key);
      buckets[heads.length] = bucket;
      ns[heads.length] = n;
      heads.push(head);
    }
    // In the table's order (bucket, then head; SQLite compares heads as bytes, this only needs
    // locality), B-tree pages are visited once each: several times faster than in arrival order.
    const order = Uint32Array.from(heads.keys()).sort(
      (a, b) => buckets[a] - buckets[b] || compareText(heads[a], heads[b])
    );
    const keys: string[] = [];
    const totals: number[] = [];
    const lines: string[] = [];
    const longShards = new Uint8Array(order.length);
    this.db.transaction(() => {
      const params: Array<string | number> = [];
      for (let start = 0; start < order.length; start += UPSERT_ROWS) {
        const end = Math.min(start + UPSERT_ROWS, order.length);
        params.length = 0;
        for (let i = start; i < end; i++) {
          params.push(buckets[order[i]], heads[order[i]], ns[order[i]]);
        }
        const statement = end - start === UPSERT_ROWS ? this.addRows : this.addStatement(end - start);
        for (const [head, bucket, n] of statement.all(...params) as Array<[string, number, number]>) {
          const key = head + bucket;
          longShards[keys.length] = KeyLines.retention(key) === 'longShards' ? 1 : 0;
          keys.push(key);
          totals.push(n);
          lines.push(this.lines.line(key, n));
        }
      }
      for (const [key, value] of request.meta) {
        this.setMeta.run(key, value);
      }
    })();
    return { keys, totals: Float64Array.from(totals), lines, longShards };
  }

  /** Writes (or, for null, deletes) one meta row on its own. */
  writeMeta(key: string, value: string | null): void {
    if (value === null) {
      this.deleteMeta.run(key);
    } else {
      this.setMeta.run(key, value);
    }
  }

  sync(): boolean {
    return syncDatabase(this.db);
  }

  close(): void {
    this.db.close();
  }
}
