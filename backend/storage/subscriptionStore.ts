/**
 * Accounts' subscription periods, durable in DATA_DIR (its own SQLite file, WAL, fsync on
 * every commit): a period is written before the answer that reports it.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredPeriod {
  /** Epoch ms. */
  subscribedAt: number;
  /** Epoch ms; null while the period is open. */
  unsubscribedAt: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subscription_periods (
  account TEXT NOT NULL, subscribed_at INTEGER NOT NULL, unsubscribed_at INTEGER,
  PRIMARY KEY (account, subscribed_at)
) WITHOUT ROWID;
`;

export class SubscriptionStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'subscriptions.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    this.statements = {
      all: this.db.prepare(
        `SELECT account, subscribed_at AS subscribedAt, unsubscribed_at AS unsubscribedAt
         FROM subscription_periods ORDER BY account, subscribed_at`
      ),
      start: this.db.prepare('INSERT INTO subscription_periods (account, subscribed_at) VALUES (?, ?)'),
      end: this.db.prepare(
        'UPDATE subscription_periods SET unsubscribed_at = ? WHERE account = ? AND subscribed_at = ? AND unsubscribed_at IS NULL'
      ),
    };
  }

  /** Every account's periods, oldest first. */
  all(): Map<string, StoredPeriod[]> {
    const byAccount = new Map<string, StoredPeriod[]>();
    const rows = this.statements.all.all() as Array<StoredPeriod & { account: string }>;
    for (const { account, subscribedAt, unsubscribedAt } of rows) {
      const periods = byAccount.get(account) ?? [];
      periods.push({ subscribedAt, unsubscribedAt });
      byAccount.set(account, periods);
    }
    return byAccount;
  }

  start(account: string, subscribedAt: number): void {
    this.statements.start.run(account, subscribedAt);
  }

  end(account: string, subscribedAt: number, unsubscribedAt: number): void {
    this.statements.end.run(unsubscribedAt, account, subscribedAt);
  }

  close(): void {
    this.db.close();
  }
}
