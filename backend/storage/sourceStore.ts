/**
 * Webhook sources and used Mailgun tokens, durable in DATA_DIR/webhooks.sqlite (WAL, fsync on
 * commit). A file of its own: the counters' database is another module's, and sources change
 * rarely. Tokens are kept until their signed time is out of the tolerance window, when the
 * timestamp check refuses a replay by itself.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A stored source: its id, and its configuration as JSON (secrets included: DATA_DIR is private). */
export interface StoredSource {
  id: string;
  config: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, config TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS used_tokens (
  source_id TEXT NOT NULL, token TEXT NOT NULL, expires_at INTEGER NOT NULL, PRIMARY KEY (source_id, token)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS used_tokens_expiry ON used_tokens (expires_at);
`;

export class SourceStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'webhooks.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    this.statements = {
      put: this.db.prepare(
        'INSERT INTO sources (id, config) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config'
      ),
      get: this.db.prepare<[string], StoredSource>('SELECT id, config FROM sources WHERE id = ?'),
      list: this.db.prepare<[], StoredSource>('SELECT id, config FROM sources ORDER BY id'),
      delete: this.db.prepare('DELETE FROM sources WHERE id = ?'),
      deleteTokens: this.db.prepare('DELETE FROM used_tokens WHERE source_id = ?'),
      tokenUsed: this.db.prepare<[string, string, number], { n: number }>(
        'SELECT 1 AS n FROM used_tokens WHERE source_id = ? AND token = ? AND expires_at > ?'
      ),
      useToken: this.db.prepare(
        'INSERT INTO used_tokens (source_id, token, expires_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET expires_at = excluded.expires_at'
      ),
      expireTokens: this.db.prepare('DELETE FROM used_tokens WHERE expires_at <= ?'),
    };
  }

  put(id: string, config: string): void {
    this.statements.put.run(id, config);
  }

  get(id: string): StoredSource | undefined {
    return this.statements.get.get(id);
  }

  list(): StoredSource[] {
    return this.statements.list.all();
  }

  /** True when the source existed. Its used tokens go with it. */
  delete(id: string): boolean {
    return this.db.transaction(() => {
      this.statements.deleteTokens.run(id);
      return this.statements.delete.run(id).changes > 0;
    })();
  }

  tokenUsed(sourceId: string, token: string, nowMs: number): boolean {
    return this.statements.tokenUsed.get(sourceId, token, nowMs) !== undefined;
  }

  /** Records a token as used until `expiresAtMs`, and forgets tokens past their own expiry. */
  useToken(sourceId: string, token: string, expiresAtMs: number, nowMs: number): void {
    this.db.transaction(() => {
      this.statements.expireTokens.run(nowMs);
      this.statements.useToken.run(sourceId, token, expiresAtMs);
    })();
  }

  close(): void {
    this.db.close();
  }
}
