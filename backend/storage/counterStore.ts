/**
 * The backend's durable state in DATA_DIR (SQLite, WAL, fsync on every commit):
 * - ids of accepted events, so a replayed event changes nothing, across restarts;
 * - the absolute total of every counter (15-minute bucket x tags), the numbers InfluxDB holds;
 * - the outbox: counters changed since InfluxDB last confirmed them;
 * - sending limits per account.
 * A batch is acknowledged only after its transaction committed, so 202 means durable.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { rollupsOf, type CounterMeasurement } from './schema';

export type Axis = 'request' | 'send';

/** One counter: recipient mails of one kind (and result code) for one bucket and tag set. */
export interface CounterKey {
  /** mail_counts for an event's own counters; the store adds the rollups. */
  measurement: CounterMeasurement;
  account: string;
  axis: Axis;
  kind: string;
  /** Result code for kind=result, '-' otherwise. */
  code: string;
  /** '' in rollups that do not keep it. */
  template: string;
  domain: string;
  /** Bucket start, epoch ms. */
  bucket: number;
}

export interface AcceptedEvent {
  account: string;
  id: string;
  counters: readonly CounterKey[];
  count: number;
}

export interface PendingCounter extends CounterKey {
  counterId: number;
  seq: number;
  n: number;
}

export interface StoredLimits {
  monthly: number | null;
  daily: number | null;
  changeRequestUrl: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seen_events (account TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (account, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counters (
  id INTEGER PRIMARY KEY, measurement TEXT NOT NULL,
  account TEXT NOT NULL, axis TEXT NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL,
  template TEXT NOT NULL, domain TEXT NOT NULL, bucket INTEGER NOT NULL, n INTEGER NOT NULL,
  UNIQUE (measurement, account, axis, kind, code, template, domain, bucket)
);
CREATE TABLE IF NOT EXISTS outbox (counter_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS outbox_seq ON outbox (seq);
CREATE TABLE IF NOT EXISTS limits (
  account TEXT PRIMARY KEY, monthly INTEGER, daily INTEGER, change_request_url TEXT
);
`;

const keyString = (key: CounterKey) =>
  `${key.measurement}\u0000${key.account}\u0000${key.axis}\u0000${key.kind}\u0000${key.code}\u0000${key.template}\u0000${key.domain}\u0000${key.bucket}`;

type Sums = Map<string, { key: CounterKey; n: number }>;

function add(sums: Sums, key: CounterKey, n: number): void {
  const id = keyString(key);
  const sum = sums.get(id);
  if (sum) {
    sum.n += n;
  } else {
    sums.set(id, { key, n });
  }
}

export class CounterStore {
  private readonly db: Database.Database;
  private seq: number;
  private sizeCache: { size: number; at: number } | undefined;
  readonly writerId: string;
  private readonly statements;

  constructor(dataDir: string, writerId?: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'state.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    const columns = this.db.prepare("SELECT name FROM pragma_table_info('counters')").all() as Array<{ name: string }>;
    if (!columns.some((column) => column.name === 'measurement')) {
      this.db.close();
      throw new Error(
        `${dataDir} holds the state of a development version without rollups: move it away and start again`
      );
    }
    this.statements = {
      seen: this.db.prepare('INSERT OR IGNORE INTO seen_events (account, id) VALUES (?, ?)'),
      addCounter: this.db.prepare(
        `INSERT INTO counters (measurement, account, axis, kind, code, template, domain, bucket, n)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (measurement, account, axis, kind, code, template, domain, bucket) DO UPDATE SET n = n + excluded.n
         RETURNING id`
      ),
      markPending: this.db.prepare(
        'INSERT INTO outbox (counter_id, seq) VALUES (?, ?) ON CONFLICT (counter_id) DO UPDATE SET seq = excluded.seq'
      ),
      pending: this.db.prepare(
        `SELECT o.counter_id AS counterId, o.seq, c.measurement, c.account, c.axis, c.kind, c.code, c.template, c.domain, c.bucket, c.n
         FROM outbox o JOIN counters c ON c.id = o.counter_id ORDER BY o.seq LIMIT ?`
      ),
      confirm: this.db.prepare('DELETE FROM outbox WHERE counter_id = ? AND seq = ?'),
      outboxSize: this.db.prepare('SELECT COUNT(*) AS size, MIN(seq) AS oldest FROM outbox'),
      oldestPending: this.db.prepare('SELECT MIN(seq) AS oldest FROM outbox'),
      getLimits: this.db.prepare(
        'SELECT monthly, daily, change_request_url AS changeRequestUrl FROM limits WHERE account = ?'
      ),
      allLimits: this.db.prepare('SELECT account, monthly, daily, change_request_url AS changeRequestUrl FROM limits'),
      setLimits: this.db.prepare(
        `INSERT INTO limits (account, monthly, daily, change_request_url) VALUES (?, ?, ?, ?)
         ON CONFLICT (account) DO UPDATE SET monthly = excluded.monthly, daily = excluded.daily,
         change_request_url = excluded.change_request_url`
      ),
    };
    this.seq = (this.db.prepare('SELECT MAX(seq) AS seq FROM outbox').get() as { seq: number | null }).seq ?? 0;
    this.writerId = writerId ?? this.persistedWriterId();
  }

  /** A random id made once per DATA_DIR: instances sharing an InfluxDB write distinct series. */
  private persistedWriterId(): string {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'writer_id'").get() as
      { value: string } | undefined;
    if (row) {
      return row.value;
    }
    const id = randomBytes(6).toString('hex');
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('writer_id', ?)").run(id);
    return id;
  }

  /**
   * Counts the events whose ids are new, in one durable transaction.
   * Returns how many were duplicates (seen before, or twice in this batch).
   */
  accept(events: readonly AcceptedEvent[]): { duplicates: number } {
    const run = this.db.transaction(() => {
      const sums: Sums = new Map();
      let duplicates = 0;
      for (const event of events) {
        if (this.statements.seen.run(event.account, event.id).changes === 0) {
          duplicates++;
          continue;
        }
        for (const key of event.counters) {
          add(sums, key, event.count);
        }
      }
      for (const { key, n } of [...sums.values()]) {
        for (const rollup of rollupsOf(key)) {
          add(sums, rollup, n);
        }
      }
      for (const { key, n } of sums.values()) {
        const { id } = this.statements.addCounter.get(
          key.measurement,
          key.account,
          key.axis,
          key.kind,
          key.code,
          key.template,
          key.domain,
          key.bucket,
          n
        ) as { id: number };
        this.statements.markPending.run(id, ++this.seq);
      }
      return { duplicates };
    });
    return run();
  }

  /** The oldest changed counters with their current absolute totals. */
  pending(limit: number): PendingCounter[] {
    return this.statements.pending.all(limit) as PendingCounter[];
  }

  /** InfluxDB holds these totals now; a counter changed meanwhile stays in the outbox. */
  confirm(written: readonly PendingCounter[]): void {
    this.db.transaction(() => {
      for (const counter of written) {
        this.statements.confirm.run(counter.counterId, counter.seq);
      }
    })();
  }

  /** Puts every counter back into the outbox (InfluxDB lost its data or is new). */
  resendAll(): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO outbox (counter_id, seq) SELECT id, ? + id FROM counters').run(this.seq);
      this.seq = (this.db.prepare('SELECT MAX(seq) AS seq FROM outbox').get() as { seq: number | null }).seq ?? 0;
    })();
  }

  outbox(): { size: number; oldestSeq: number | null } {
    const row = this.statements.outboxSize.get() as { size: number; oldest: number | null };
    this.sizeCache = { size: row.size, at: Date.now() };
    return { size: row.size, oldestSeq: row.oldest };
  }

  /** The outbox size, counted at most once a second: COUNT(*) walks the table, too slow for every batch. */
  approximateOutboxSize(): number {
    if (this.sizeCache === undefined || Date.now() - this.sizeCache.at >= 1000) {
      this.outbox();
    }
    return this.sizeCache!.size;
  }

  /** Sequence number of the oldest change InfluxDB has not confirmed (an index lookup). */
  oldestPendingSeq(): number | null {
    return (this.statements.oldestPending.get() as { oldest: number | null }).oldest;
  }

  /** Sequence number of the newest change: everything up to it is in InfluxDB once the outbox has nothing at or below it. */
  lastSeq(): number {
    return this.seq;
  }

  limits(account: string): StoredLimits | undefined {
    return this.statements.getLimits.get(account) as StoredLimits | undefined;
  }

  allLimits(): Array<StoredLimits & { account: string }> {
    return this.statements.allLimits.all() as Array<StoredLimits & { account: string }>;
  }

  setLimits(account: string, limits: StoredLimits): void {
    this.statements.setLimits.run(account, limits.monthly, limits.daily, limits.changeRequestUrl);
  }

  /** Throws when DATA_DIR can no longer be written. */
  checkWritable(): void {
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES ('probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
      )
      .run(String(Date.now()));
  }

  close(): void {
    this.db.close();
  }
}
