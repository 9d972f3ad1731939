/**
 * The collector's durable checkpoint, in its own SQLite file in DATA_DIR (apart from the counter
 * state): how far the request list has been read, which mail requests are still open (results to
 * come: scheduled, sending, retrying) and which mails have all their final results.
 * Events are ingested before a mail is marked final, so a crash in between re-reads the mail and
 * its events come back as duplicates, which count nothing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const CHECKPOINT_FILE = 'ncloud-collector.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS requests (
  request_id TEXT PRIMARY KEY,
  requested_at INTEGER NOT NULL,
  open INTEGER NOT NULL DEFAULT 1,
  status_fingerprint TEXT,
  last_error TEXT
);
CREATE INDEX IF NOT EXISTS open_requests ON requests (open, requested_at);
CREATE TABLE IF NOT EXISTS final_mails (mail_id TEXT PRIMARY KEY, request_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS final_mails_by_request ON final_mails (request_id);
`;

export interface OpenRequest {
  requestId: string;
  requestedAt: number;
  /** The request's countsByStatus when its mails were last read; null: never read. */
  statusFingerprint: string | null;
}

export class CheckpointStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, CHECKPOINT_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    this.statements = {
      getMeta: this.db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
      ),
      addRequest: this.db.prepare('INSERT OR IGNORE INTO requests (request_id, requested_at) VALUES (?, ?)'),
      openRequests: this.db.prepare(
        `SELECT request_id AS requestId, requested_at AS requestedAt, status_fingerprint AS statusFingerprint
         FROM requests WHERE open = 1 ORDER BY requested_at, request_id LIMIT ?`
      ),
      openCount: this.db.prepare('SELECT COUNT(*) AS n FROM requests WHERE open = 1'),
      oldestOpen: this.db.prepare('SELECT MIN(requested_at) AS at FROM requests WHERE open = 1'),
      erroredCount: this.db.prepare('SELECT COUNT(*) AS n FROM requests WHERE open = 1 AND last_error IS NOT NULL'),
      oldestError: this.db.prepare(
        `SELECT request_id AS requestId, last_error AS error FROM requests
         WHERE open = 1 AND last_error IS NOT NULL ORDER BY requested_at, request_id LIMIT 1`
      ),
      setFingerprint: this.db.prepare(
        'UPDATE requests SET status_fingerprint = ?, last_error = NULL WHERE request_id = ?'
      ),
      close: this.db.prepare('UPDATE requests SET open = 0, last_error = NULL WHERE request_id = ?'),
      setError: this.db.prepare('UPDATE requests SET last_error = ? WHERE request_id = ?'),
      finalMails: this.db.prepare('SELECT mail_id AS mailId FROM final_mails WHERE request_id = ?'),
      markFinal: this.db.prepare('INSERT OR IGNORE INTO final_mails (mail_id, request_id) VALUES (?, ?)'),
    };
  }

  /** End (epoch ms, gateway clock) of the request-list window read completely; undefined before the first poll. */
  listedThrough(): number | undefined {
    const row = this.statements.getMeta.get('listedThrough') as { value: string } | undefined;
    return row ? Number(row.value) : undefined;
  }

  setListedThrough(epochMs: number): void {
    this.statements.setMeta.run('listedThrough', String(epochMs));
  }

  /** Remembers a request to follow; false when it was known already. */
  addRequest(requestId: string, requestedAt: number): boolean {
    return this.statements.addRequest.run(requestId, requestedAt).changes === 1;
  }

  openRequests(limit: number): OpenRequest[] {
    return this.statements.openRequests.all(limit) as OpenRequest[];
  }

  progress(): {
    openRequests: number;
    erroredRequests: number;
    oldestOpenRequestedAt: number | null;
    /** "request <id>: <reason>" of the oldest open request that has one. */
    oldestError: string | null;
  } {
    const errored = this.statements.oldestError.get() as { requestId: string; error: string } | undefined;
    return {
      oldestError: errored ? `request ${errored.requestId}: ${errored.error}` : null,
      openRequests: (this.statements.openCount.get() as { n: number }).n,
      erroredRequests: (this.statements.erroredCount.get() as { n: number }).n,
      oldestOpenRequestedAt: (this.statements.oldestOpen.get() as { at: number | null }).at,
    };
  }

  setStatusFingerprint(requestId: string, fingerprint: string): void {
    this.statements.setFingerprint.run(fingerprint, requestId);
  }

  closeRequest(requestId: string): void {
    this.statements.close.run(requestId);
  }

  /** A request whose mails could not be taken stays open, with the reason. */
  setRequestError(requestId: string, message: string): void {
    this.statements.setError.run(message.slice(0, 500), requestId);
  }

  finalMails(requestId: string): Set<string> {
    return new Set((this.statements.finalMails.all(requestId) as Array<{ mailId: string }>).map((row) => row.mailId));
  }

  markMailFinal(mailId: string, requestId: string): void {
    this.statements.markFinal.run(mailId, requestId);
  }

  close(): void {
    this.db.close();
  }
}
