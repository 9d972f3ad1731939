/**
 * Log records hold only detailed counters; a checkpoint derives their rollups. A record of the
 * previous version (every rollup written out) left in DATA_DIR/log by a crash is folded in as
 * it is: after the upgrade every total is counted once, never its rollups twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countersOf, counterKeysOf } from '../../../backend/domain/counting';
import type { DeliveryEvent } from '../../../backend/domain/events';
import { encodeRecord } from '../../../backend/storage/changes';
import { keyString } from '../../../backend/storage/counterKeys';
import { CounterStore } from '../../../backend/storage/counterStore';
import { IngestLog } from '../../../backend/storage/ingestLog';
import { rollupsOf } from '../../../backend/storage/schema';
import { acceptanceDay, ID_BYTES } from '../../../backend/storage/seenIds';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const event: DeliveryEvent = {
  id: 'e',
  type: 'result',
  account: 'acme',
  template: 'welcome',
  domain: 'example.com',
  requestedAt: Date.parse('2026-05-31T09:20:00Z'),
  sentAt: Date.parse('2026-05-31T09:21:00Z'),
  resultCode: 'MAIL_SENT',
  count: 1,
};

/** Each counter of `count` such events with its total: the detailed ones and every rollup of each. */
function expectedTotals(count: number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const key of countersOf(event).flatMap((detailed) => [detailed, ...rollupsOf(detailed)])) {
    totals.set(keyString(key), (totals.get(keyString(key)) ?? 0) + count);
  }
  return totals;
}

test('a previous-version record (rollups written out) and a new one (detailed only) each count once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mda-records-'));
  const options = { dedupeWindowDays: 35, now: () => NOW };
  try {
    await new CounterStore(dataDir, options).close();
    // What the previous version appended: every counter of 2 mails, rollups included, one new id.
    const previous = expectedTotals(2);
    const log = new IngestLog(dataDir, 1);
    await log.append(
      encodeRecord({
        lsn: 1,
        day: acceptanceDay(NOW),
        deltas: [...previous].flat(),
        detailed: false,
        ids: Buffer.alloc(ID_BYTES, 7),
      }),
      () => undefined
    );
    log.close();

    const store = new CounterStore(dataDir, options);
    const keys = counterKeysOf(event);
    expect(await store.accept([{ account: 'acme', id: 'new', count: 3, keys }])).toEqual({ duplicates: 0 });
    await store.checkpoint();
    const written = new Map(store.pending(1000).map(({ key, n }) => [key, n]));
    expect(written).toEqual(expectedTotals(2 + 3));
    await store.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
