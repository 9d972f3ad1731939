/**
 * The backend's durable state in DATA_DIR, shaped as "apply an ordered batch, then checkpoint
 * its position":
 * - log/: every accepted batch as one record (its new ids and the summed deltas of its detailed
 *   counters, changes.ts), group-committed with fdatasync before the request is answered 202 (ingestLog.ts);
 * - in memory: the ids of the dedupe window (seenIds.ts) and the deltas not yet checkpointed;
 * - a checkpoint derives the rollups of its deltas and folds them into SQLite (state.sqlite: one
 *   absolute total per counter) in one transaction that records the log position it covers,
 *   on the totals thread (totalsThread.ts) while requests go on.
 *   The new totals go to the in-memory outbox, and its new ids are appended to their day files
 *   in the background; the segments stay on disk until InfluxDB confirmed every counter they
 *   changed and their ids are in the day files, so they are the durable outbox.
 * - At start: SQLite is loaded; segments up to the checkpoint put their counters back into the
 *   outbox and their ids back into the index (those the day files lack), later ones are
 *   replayed. A crash at any point loses and doubles nothing.
 * - sending limits per account (SQLite).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { KeyLines } from './counterKeys';
import { IngestLog, isBefore, type LogPosition } from './ingestLog';
import type { Retention } from './schema';
import { Changes, countersOfRecord, decodeRecord, encodeRecord, type LogRecord } from './changes';
import { acceptanceDay, ID_BYTES, IdHasher, lanesOf, SeenIds } from './seenIds';
import { migrateToTimeOrder, openStateDatabase, syncDatabase, toDeltaList, TotalsReader } from './totalsTable';
import { TotalsThread } from './totalsThread';

export type { Axis, CounterKey } from './counterKeys';

/** An event whose id is new is counted in its own (mail_counts) counters, given as key strings (counterKeys.ts). */
export interface AcceptedEvent {
  account: string;
  id: string;
  keys: readonly string[];
  count: number;
}

/** A changed counter with its absolute total, as the outbox hands it to the flusher. */
export interface PendingCounter {
  /** keyString of the counter. */
  key: string;
  n: number;
  /** Sequence number of the newest batch of the checkpoint that wrote this total; 0 for a counter re-sent by resendAll. */
  seq: number;
  /** Its line-protocol line with this total, and where it goes. */
  line: string;
  retention: Retention;
}

/** An outbox entry is handed out as it is (no copy per pass): a newer total replaces the entry, never changes it. */
interface OutboxEntry extends PendingCounter {
  epoch: Epoch;
}

export interface StoredLimits {
  monthly: number | null;
  daily: number | null;
  changeRequestUrl: string | null;
}

/** Test hook: the process kills itself right after a checkpoint's commit, or once its ids are in their day files (CRASH_AT). */
export type CrashPoint = 'checkpoint-ids' | 'checkpoint-commit';

export interface StoreOptions {
  writerId?: string;
  /** Days an accepted id is remembered, by acceptance time; 0: forever. */
  dedupeWindowDays: number;
  now?: () => number;
  crashAt?: CrashPoint;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS limits (
  account TEXT PRIMARY KEY, monthly INTEGER, daily INTEGER, change_request_url TEXT
);
`;

/** A checkpoint whose counters InfluxDB has not all confirmed: its log segments stay until then. */
interface Epoch {
  /** The log position the checkpoint covers. */
  position: LogPosition;
  /** Lower bound of the sequence numbers of its changes. */
  oldestSeq: number;
  /** Outbox entries still carrying this epoch's totals. */
  remaining: number;
  /** Its new ids are in their day files (until then only the log has them). */
  idsOnDisk: boolean;
}

export class CounterStore {
  private readonly db: Database.Database;
  private readonly totals: TotalsThread;
  private readonly totalsRead: TotalsReader;
  /** The last segment release (a sync in the totals thread, then the deletion). */
  private released: Promise<void> = Promise.resolve();
  /** Segments before this one are being (or were) removed by `released`; 0 after a sync that did not finish. */
  private removingBefore = 0;
  readonly writerId: string;
  private readonly statements;
  private readonly seen: SeenIds;
  private readonly hasher: IdHasher;
  private readonly log: IngestLog;
  private readonly now: () => number;
  /** Sequence number of the newest acknowledged batch. */
  private seq: number;
  private nextSeq: number;
  private changes = new Changes();
  private checkpointing: Changes | undefined;
  private checkpointPass: Promise<void> | undefined;
  private nextCheckpointPass: Promise<void> | undefined;
  /** Ids of batches whose append is under way: a batch sent twice at once counts once. */
  private readonly inFlight = new Set<string>();
  private today: number;
  /** Checkpointed totals InfluxDB has not confirmed, by key string. */
  private readonly outboxEntries = new Map<string, OutboxEntry>();
  /** Lines of the counters whose totals are read on this thread (start, resends); checkpoints bring their own. */
  private readonly keyLines: KeyLines;
  /** Unreleased checkpoints, oldest first. */
  private readonly epochs: Epoch[] = [];
  /** resendAll in progress: counters after this key still go to InfluxDB (meta resend_after). */
  private resendAfter: string | undefined;
  private resendSeq = 0;
  /** Counters changed since their checkpoint and not in outboxEntries: outboxSize counts each waiting counter once. */
  private notInOutbox = 0;
  /** The last key of the resend rows handed out. */
  private resendCandidate: string | undefined;
  /** Committed checkpoints' new ids not yet in their day files, by acceptance day (the log still holds them). */
  private idsToPersist = new Map<number, Buffer[]>();
  /** The last ids write job (idsDurable). */
  private idsJob: Promise<void> = Promise.resolve();
  /** Waited for before a batch is taken: the flusher holds batches while InfluxDB is too far behind (holdBatchesUntil). */
  private room: () => Promise<void> = () => Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly options: StoreOptions
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.now = options.now ?? Date.now;
    const databasePath = join(dataDir, 'state.sqlite');
    // This connection reads (limits, start, resends) and writes limits; the totals thread checkpoints.
    this.db = openStateDatabase(databasePath, 2);
    this.db.exec(SCHEMA);
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
      name: string;
    }>;
    if (tables.some((table) => table.name === 'seen_events')) {
      this.db.close();
      throw new Error(
        `${dataDir} holds the state of an earlier version (SQLite seen_events): move it away and start again`
      );
    }
    migrateToTimeOrder(this.db);
    this.totalsRead = new TotalsReader(this.db);
    this.statements = {
      getMeta: this.db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
      ),
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
    this.writerId = options.writerId ?? this.persistedMeta('writer_id', () => randomBytes(6).toString('hex'));
    const seed = Buffer.from(
      this.persistedMeta('id_seed', () => randomBytes(16).toString('hex')),
      'hex'
    );
    this.hasher = new IdHasher(new Uint32Array(seed.buffer, seed.byteOffset, 4));
    // Checkpoints upsert many counters at random places in the table: 64 MB of page cache (default 2 MB).
    this.totals = new TotalsThread(databasePath, 64, this.writerId);
    this.keyLines = new KeyLines(this.writerId);
    this.today = acceptanceDay(this.now());
    this.seen = new SeenIds(dataDir, options.dedupeWindowDays);
    this.seen.load(this.today);
    this.seq = Number(this.meta('seq') ?? 0);
    this.resendAfter = this.meta('resend_after');
    const checkpointed: LogPosition = JSON.parse(this.meta('checkpoint') ?? '{"segment":0,"offset":0}');
    const segments = IngestLog.segments(dataDir);
    const unconfirmed = new Set<string>();
    for (const segment of segments) {
      for (const { offset, payload } of IngestLog.read(dataDir, segment)) {
        const record = decodeRecord(payload);
        if (!isBefore(segment, offset, checkpointed)) {
          this.committed(record);
        } else {
          for (const key of countersOfRecord(record)) {
            unconfirmed.add(key);
          }
          this.rememberAgain(record);
        }
      }
    }
    // Their totals are in SQLite; InfluxDB may not have them yet.
    const epoch: Epoch = {
      position: checkpointed,
      oldestSeq: 0,
      remaining: 0,
      idsOnDisk: this.idsToPersist.size === 0,
    };
    this.epochs.push(epoch);
    for (const key of unconfirmed) {
      this.toOutbox({ ...this.counterOfTotal(key, this.totalsRead.total(key), this.seq), epoch });
    }
    this.releaseSegments();
    this.nextSeq = this.seq;
    this.resendSeq = this.seq;
    this.log = new IngestLog(dataDir, Math.max(checkpointed.segment, ...segments) + 1);
  }

  private meta(key: string): string | undefined {
    return (this.statements.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  /** A value made once per DATA_DIR. */
  private persistedMeta(key: string, make: () => string): string {
    const stored = this.meta(key);
    if (stored !== undefined) {
      return stored;
    }
    const value = make();
    this.statements.setMeta.run(key, value);
    return value;
  }

  /** A durable record takes effect: its ids are remembered, its deltas wait for the next checkpoint. */
  private committed(record: LogRecord): void {
    if (!this.seen.isExpired(record.day, this.today)) {
      this.seen.addAll(record.day, lanesOf(record.ids));
    }
    this.changes.apply(record, (key) => {
      if (!this.outboxEntries.has(key) && !(this.checkpointing?.has(key) ?? false)) {
        this.notInOutbox++;
      }
    });
    this.seq = Math.max(this.seq, record.lsn);
  }

  /**
   * A checkpointed record's ids may have missed their day file (a crash before the ids write
   * job finished): the ones not read back are remembered and queued for their file again.
   */
  private rememberAgain(record: LogRecord): void {
    if (this.seen.isExpired(record.day, this.today)) {
      return;
    }
    const lanes = lanesOf(record.ids);
    const missing: Buffer[] = [];
    for (let at = 0; at < lanes.length; at += 4) {
      const hash = lanes.subarray(at, at + 4);
      if (!this.seen.has(hash)) {
        missing.push(Buffer.from(hash.buffer, hash.byteOffset, ID_BYTES));
      }
    }
    if (missing.length > 0) {
      const hashes = Buffer.concat(missing);
      this.seen.addAll(record.day, lanesOf(hashes));
      this.idsToPersist.set(record.day, [...(this.idsToPersist.get(record.day) ?? []), hashes]);
    }
  }

  private expireDays(): void {
    const today = acceptanceDay(this.now());
    if (today !== this.today) {
      this.today = today;
      this.seen.expire(today);
    }
  }

  /**
   * Counts the events whose ids are new, durably (one group-committed log append).
   * Returns how many were duplicates (seen within the dedupe window, or twice in this batch).
   */
  async accept(events: readonly AcceptedEvent[]): Promise<{ duplicates: number }> {
    await this.room();
    this.expireDays();
    const sums = new Map<string, number>();
    const taken: string[] = [];
    const hashes = Buffer.allocUnsafe(events.length * ID_BYTES);
    const lanes = new Uint32Array(hashes.buffer, hashes.byteOffset, events.length * 4);
    let duplicates = 0;
    let waitsForOthers = false;
    for (const event of events) {
      const idKey = `${event.account}\u0000${event.id}`;
      if (this.inFlight.has(idKey)) {
        duplicates++;
        waitsForOthers = true;
        continue;
      }
      const hash = this.hasher.hash(idKey);
      if (this.seen.has(hash)) {
        duplicates++;
        continue;
      }
      lanes.set(hash, taken.length * 4);
      this.inFlight.add(idKey);
      taken.push(idKey);
      for (const key of event.keys) {
        sums.set(key, (sums.get(key) ?? 0) + event.count);
      }
    }
    if (taken.length === 0 && !waitsForOthers) {
      return { duplicates };
    }
    const deltas: Array<string | number> = [];
    for (const [key, n] of sums) {
      deltas.push(key, n);
    }
    const record: LogRecord = {
      lsn: ++this.nextSeq,
      day: this.today,
      deltas,
      detailed: true,
      ids: hashes.subarray(0, taken.length * ID_BYTES),
    };
    try {
      // Appended even when empty if it waits for others: their failure fails it too (a duplicate of nothing).
      await this.log.append(encodeRecord(record), () => this.committed(record));
    } finally {
      for (const idKey of taken) {
        this.inFlight.delete(idKey);
      }
    }
    return { duplicates };
  }

  /** Every later batch waits for `room` before it is taken (the flusher's admission, outboxFlusher.ts). */
  holdBatchesUntil(room: () => Promise<void>): void {
    this.room = room;
  }

  /**
   * Folds the changes acknowledged so far into SQLite. Resolves when a pass that started after
   * this call has finished; passes never overlap.
   */
  checkpoint(): Promise<void> {
    if (this.checkpointPass === undefined) {
      this.checkpointPass = this.runCheckpoint().finally(() => {
        this.checkpointPass = undefined;
      });
      return this.checkpointPass;
    }
    this.nextCheckpointPass ??= this.checkpointPass
      .catch(() => undefined)
      .then(() => {
        this.nextCheckpointPass = undefined;
        return this.checkpoint();
      });
    return this.nextCheckpointPass;
  }

  private async runCheckpoint(): Promise<void> {
    this.expireDays();
    if (this.changes.empty) {
      return;
    }
    const { sealed, position } = await this.log.seal(() => {
      const taken = this.changes;
      this.changes = new Changes();
      this.checkpointing = taken;
      return { changes: taken, seq: this.seq };
    });
    const { changes } = sealed;
    const { detailed, complete } = changes.recorded();
    let totals;
    try {
      totals = await this.totals.checkpoint({
        detailed: toDeltaList(detailed),
        complete: toDeltaList(complete),
        meta: [
          ['checkpoint', JSON.stringify(position)],
          ['seq', String(sealed.seq)],
        ],
      });
    } catch (error) {
      this.checkpointing = undefined;
      this.changes.takeBack(changes);
      throw error;
    }
    this.crashAt('checkpoint-commit');
    const epoch: Epoch = {
      position,
      oldestSeq: changes.oldestSeq ?? sealed.seq,
      remaining: 0,
      idsOnDisk: changes.ids.size === 0,
    };
    this.epochs.push(epoch);
    for (const [day, hashes] of changes.ids) {
      this.idsToPersist.set(day, [...(this.idsToPersist.get(day) ?? []), ...hashes]);
    }
    for (let i = 0; i < totals.keys.length; i++) {
      this.toOutbox({
        key: totals.keys[i],
        n: totals.totals[i],
        seq: sealed.seq,
        epoch,
        line: totals.lines[i],
        retention: totals.longShards[i] === 1 ? 'longShards' : 'default',
      });
    }
    this.checkpointing = undefined;
    if (this.idsToPersist.size > 0) {
      void this.queueIdsJob().catch(() => undefined);
    }
    this.releaseSegments();
  }

  /**
   * Resolves once every id of the checkpoints so far is in its day file; rejects if writing them
   * failed (they stay queued, and the log keeps them: this starts writing them again).
   */
  idsDurable(): Promise<void> {
    return this.idsToPersist.size > 0 ? this.queueIdsJob() : this.idsJob;
  }

  /** Writes the queued ids after the job under way; ids write jobs never overlap. */
  private queueIdsJob(): Promise<void> {
    const job = this.idsJob.catch(() => undefined).then(() => this.persistQueuedIds());
    job.catch(() => undefined);
    this.idsJob = job;
    return job;
  }

  private async persistQueuedIds(): Promise<void> {
    const taken = this.idsToPersist;
    if (taken.size === 0) {
      return;
    }
    // Every epoch still waiting has its ids among those taken now.
    const covered = this.epochs.filter((epoch) => !epoch.idsOnDisk);
    this.idsToPersist = new Map();
    try {
      for (const [day, hashes] of taken) {
        if (!this.seen.isExpired(day, this.today)) {
          await this.seen.persist(day, hashes);
        }
      }
    } catch (error) {
      // Written again in full next time: an id twice in a day file reads back once.
      for (const [day, hashes] of taken) {
        this.idsToPersist.set(day, [...hashes, ...(this.idsToPersist.get(day) ?? [])]);
      }
      throw error;
    }
    this.crashAt('checkpoint-ids');
    for (const epoch of covered) {
      epoch.idsOnDisk = true;
    }
    this.releaseSegments();
  }

  /** A counter whose total was read on this thread, with its line. */
  private counterOfTotal(key: string, n: number, seq: number): PendingCounter {
    return { key, n, seq, line: this.keyLines.line(key, n), retention: KeyLines.retention(key) };
  }

  private toOutbox(entry: OutboxEntry): void {
    const earlier = this.outboxEntries.get(entry.key);
    if (earlier) {
      earlier.epoch.remaining--;
    } else if (this.waiting(entry.key)) {
      this.notInOutbox--;
    }
    this.outboxEntries.set(entry.key, entry);
    entry.epoch.remaining++;
  }

  /** Deletes the log segments no checkpoint with counters InfluxDB has not confirmed needs. */
  private releaseSegments(): void {
    let released: Epoch | undefined;
    while (this.epochs.length > 0 && this.epochs[0].remaining === 0 && this.epochs[0].idsOnDisk) {
      released = this.epochs.shift();
    }
    const before = released?.position.segment ?? 0;
    if (before > this.removingBefore && IngestLog.segments(this.dataDir).some((segment) => segment < before)) {
      // The sync follows the commits of every released checkpoint (the thread answers in order).
      // Later checkpoints' records start at its position.
      this.removingBefore = before;
      const retry = () => {
        this.removingBefore = 0;
      };
      this.released = this.released
        .then(() => this.totals.sync())
        .then((synced) => (synced ? IngestLog.removeBefore(this.dataDir, before) : retry()))
        .catch(retry);
    }
  }

  private crashAt(point: CrashPoint): void {
    if (this.options.crashAt === point) {
      process.kill(process.pid, 'SIGKILL');
    }
  }

  /** Checkpointed counters InfluxDB has not confirmed, with their absolute totals; then, during resendAll, the next stored ones. */
  pending(limit: number): PendingCounter[] {
    const pending: PendingCounter[] = [];
    for (const entry of this.outboxEntries.values()) {
      if (pending.length >= limit) {
        return pending;
      }
      pending.push(entry);
    }
    if (this.resendAfter !== undefined && pending.length < limit) {
      const rows = this.totalsRead.after(this.resendAfter, limit - pending.length);
      for (const [key, n] of rows) {
        if (!this.outboxEntries.has(key)) {
          pending.push(this.counterOfTotal(key, n, 0));
        }
      }
      if (rows.length === 0) {
        this.finishResend();
      } else {
        this.resendCandidate = rows[rows.length - 1][0];
      }
    }
    return pending;
  }

  /** InfluxDB holds these totals now; a counter changed meanwhile stays in the outbox. */
  confirm(written: readonly PendingCounter[]): void {
    let resent = false;
    for (const counter of written) {
      if (counter.seq === 0) {
        resent = true;
        continue;
      }
      const entry = this.outboxEntries.get(counter.key);
      if (entry && entry.seq === counter.seq && entry.n === counter.n) {
        this.outboxEntries.delete(counter.key);
        if (this.waiting(counter.key)) {
          this.notInOutbox++;
        }
        entry.epoch.remaining--;
      }
    }
    if (resent && this.resendCandidate !== undefined) {
      this.resendAfter = this.resendCandidate;
      this.writeMeta('resend_after', this.resendAfter);
    }
    this.releaseSegments();
  }

  /** Sends every stored counter to InfluxDB again (it lost its data or is new), from a cursor kept in SQLite. */
  resendAll(): void {
    this.resendAfter = '';
    this.resendSeq = this.seq;
    this.writeMeta('resend_after', '');
  }

  private finishResend(): void {
    this.resendAfter = undefined;
    this.resendCandidate = undefined;
    this.writeMeta('resend_after', null);
  }

  /** A resend cursor write, in order after the checkpoints; losing one to a crash only resends more. */
  private writeMeta(key: string, value: string | null): void {
    void this.totals.writeMeta(key, value).catch(() => undefined);
  }

  /** Whether a counter already counts in outboxSize. */
  private waiting(key: string): boolean {
    return this.outboxEntries.has(key) || this.changes.has(key) || (this.checkpointing?.has(key) ?? false);
  }

  /** Changed counters waiting for InfluxDB (each once), and a lower bound of the oldest change's sequence number. */
  outbox(): { size: number; oldestSeq: number | null } {
    return { size: this.outboxSize(), oldestSeq: this.oldestPendingSeq() };
  }

  outboxSize(): number {
    return this.outboxEntries.size + this.notInOutbox;
  }

  /** A lower bound of the sequence number of the oldest change InfluxDB has not confirmed. */
  oldestPendingSeq(): number | null {
    const candidates = [
      this.epochs[0]?.oldestSeq ?? null,
      this.checkpointing?.oldestSeq ?? null,
      this.changes.oldestSeq,
      this.resendAfter === undefined ? null : this.resendSeq,
    ].filter((seq): seq is number => seq !== null);
    return candidates.length === 0 ? null : Math.min(...candidates);
  }

  /** Sequence number of the newest acknowledged change: everything up to it is in InfluxDB once nothing at or below it is pending. */
  lastSeq(): number {
    return this.seq;
  }

  /** Remembered ids: how many, and the bytes of their in-memory tables and of their day files (16 B each). */
  seenIdStats(): { ids: number; memoryBytes: number; days: number; diskBytesPerId: number } {
    return { ...this.seen.stats(), diskBytesPerId: ID_BYTES };
  }

  limits(account: string): StoredLimits | undefined {
    return this.statements.getLimits.get(account) as StoredLimits | undefined;
  }

  allLimits(): Array<StoredLimits & { account: string }> {
    return this.statements.allLimits.all() as Array<StoredLimits & { account: string }>;
  }

  setLimits(account: string, limits: StoredLimits): void {
    this.statements.setLimits.run(account, limits.monthly, limits.daily, limits.changeRequestUrl);
    // Answered as saved: durable now, not only once the next log segment is released.
    if (!syncDatabase(this.db)) {
      throw Object.assign(new Error('the sending limits could not be made durable'), { code: 'EIO' });
    }
  }

  /** Rejects when DATA_DIR can no longer be written. */
  checkWritable(): Promise<void> {
    return this.totals.writeMeta('probe', String(Date.now()));
  }

  /** Folds what is left into SQLite and closes the files. */
  async close(): Promise<void> {
    await this.checkpoint().catch(() => undefined);
    await this.idsDurable().catch(() => undefined);
    await this.released;
    await this.totals.close();
    this.log.close();
    this.db.close();
  }
}
