import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToTimeOrder, openStateDatabase, TotalsReader, TotalsTable, type CheckpointResult } from './totalsTable';

const NUL = '\u0000';
const BUCKET = Date.UTC(2026, 0, 1, 10, 15);
const key = (measurement: string, template: string, domain: string, bucket: number) =>
  [measurement, 'acme', 'request', 'requested', '-', template, domain, String(bucket)].join(NUL);
const DETAILED = key('mail_counts', 'welcome', 'example.com', BUCKET);
/** The rollups of a requested mail (schema.ts LEVELS), written out by hand. */
const ROLLUPS = [
  key('mail_totals', '', '', BUCKET),
  key('mail_totals_1h', '', '', Date.UTC(2026, 0, 1, 10)),
  key('mail_totals_1d', '', '', Date.UTC(2026, 0, 1)),
  key('mail_by_template', 'welcome', '', BUCKET),
  key('mail_by_domain', '', 'example.com', BUCKET),
];
const COMPLETE = key('mail_totals', '', '', Date.UTC(2025, 11, 31, 23, 45));

const asObject = ({ keys, totals }: CheckpointResult) => Object.fromEntries(keys.map((k, i) => [k, totals[i]]));

let dir: string;
let table: TotalsTable;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mda-totals-'));
  table = new TotalsTable(openStateDatabase(join(dir, 'state.sqlite'), 2), 'w1');
});
afterEach(() => {
  table.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a checkpoint adds each delta and its rollups to the totals and returns every new total', () => {
  const first = table.checkpoint({
    detailed: { keys: [DETAILED], deltas: [3] },
    complete: { keys: [COMPLETE], deltas: [7] },
    meta: [['seq', '4']],
  });
  expect(asObject(first)).toEqual(Object.fromEntries([[DETAILED, 3], [COMPLETE, 7], ...ROLLUPS.map((k) => [k, 3])]));
  // Each total comes with its line (writer w1, seconds) and whether it goes to the long-shard policy.
  const lineOf = (k: string) => first.lines[first.keys.indexOf(k)];
  const longOf = (k: string) => first.longShards[first.keys.indexOf(k)];
  expect(lineOf(DETAILED)).toBe(
    'mail_counts,account=acme,axis=request,code=-,domain=example.com,kind=requested,template=welcome,writer=w1 n=3i 1767262500'
  );
  expect(lineOf(ROLLUPS[1])).toBe(
    'mail_totals_1h,account=acme,axis=request,code=-,kind=requested,writer=w1 n=3i 1767261600'
  );
  expect([DETAILED, ...ROLLUPS, COMPLETE].map(longOf)).toEqual([0, 0, 1, 1, 0, 0, 0]);

  // The same counters again, and a second detailed counter of the same hour and template.
  const other = key('mail_counts', 'welcome', 'example.org', BUCKET + 15 * 60_000);
  const second = table.checkpoint({
    detailed: { keys: [DETAILED, other], deltas: [2, 5] },
    complete: { keys: [], deltas: [] },
    meta: [],
  });
  expect(asObject(second)).toEqual({
    [DETAILED]: 5,
    [other]: 5,
    [ROLLUPS[0]]: 5,
    [key('mail_totals', '', '', BUCKET + 15 * 60_000)]: 5,
    [ROLLUPS[1]]: 10,
    [ROLLUPS[2]]: 10,
    [ROLLUPS[3]]: 5,
    [key('mail_by_template', 'welcome', '', BUCKET + 15 * 60_000)]: 5,
    [ROLLUPS[4]]: 5,
    [key('mail_by_domain', '', 'example.org', BUCKET + 15 * 60_000)]: 5,
  });
});

test("the totals and the checkpoint's meta rows commit together or not at all", () => {
  table.checkpoint({
    detailed: { keys: [DETAILED], deltas: [1] },
    complete: { keys: [], deltas: [] },
    meta: [['seq', '1']],
  });
  // A meta value of null breaks the NOT NULL rule after the totals were added: the whole transaction is undone.
  expect(() =>
    table.checkpoint({
      detailed: { keys: [DETAILED], deltas: [10] },
      complete: { keys: [], deltas: [] },
      meta: [['seq', null as unknown as string]],
    })
  ).toThrow(/NOT NULL/);
  const reader = new Database(join(dir, 'state.sqlite'), { readonly: true });
  expect(new TotalsReader(reader).total(DETAILED)).toBe(1);
  expect(reader.prepare("SELECT value FROM meta WHERE key = 'seq'").get()).toEqual({ value: '1' });
  reader.close();
});

test('meta rows are written and deleted on their own; sync makes the commits durable', () => {
  table.writeMeta('resend_after', 'k');
  table.writeMeta('probe', '1');
  table.writeMeta('resend_after', null);
  expect(table.sync()).toBe(true);
  const reader = new Database(join(dir, 'state.sqlite'), { readonly: true });
  expect(reader.prepare('SELECT key, value FROM meta ORDER BY key').all()).toEqual([{ key: 'probe', value: '1' }]);
  reader.close();
});

test('the reader pages through the totals by bucket, then head, from any counter on', () => {
  table.checkpoint({
    detailed: { keys: [DETAILED], deltas: [2] },
    complete: { keys: [COMPLETE], deltas: [9] },
    meta: [],
  });
  const reader = new TotalsReader(openStateDatabase(join(dir, 'state.sqlite'), 2));
  // Buckets ascending: the day piece (00:00), COMPLETE's previous day ... as written out by hand.
  const inOrder = [
    [COMPLETE, 9],
    [ROLLUPS[2], 2],
    [ROLLUPS[1], 2],
    [ROLLUPS[4], 2],
    [ROLLUPS[3], 2],
    [DETAILED, 2],
    [ROLLUPS[0], 2],
  ];
  expect(reader.after('', 10)).toEqual(inOrder);
  expect(reader.after('', 2)).toEqual(inOrder.slice(0, 2));
  expect(reader.after(ROLLUPS[1], 3)).toEqual(inOrder.slice(3, 6));
  expect(reader.after(ROLLUPS[0], 3)).toEqual([]);
  expect(() => reader.total(key('mail_counts', 'other', 'example.com', BUCKET))).toThrow(
    /no total for the checkpointed counter/
  );
});

test('a DATA_DIR of the key-ordered layout is moved over once, and a resend under way starts again', () => {
  const path = join(dir, 'old.sqlite');
  const old = new Database(path);
  old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE counter_totals (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;`);
  const withNul = key('mail_counts', 'a\u0000b', 'example.com', BUCKET);
  old.prepare('INSERT INTO counter_totals VALUES (?, ?), (?, ?)').run(DETAILED, 5, withNul, 8);
  old.prepare("INSERT INTO meta VALUES ('resend_after', ?)").run(DETAILED);
  old.close();

  const db = openStateDatabase(path, 2);
  expect(migrateToTimeOrder(db)).toBe(2);
  expect(migrateToTimeOrder(db)).toBe(0);
  const reader = new TotalsReader(db);
  expect([reader.total(DETAILED), reader.total(withNul)]).toEqual([5, 8]);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'counter_totals'").get()).toBeUndefined();
  expect(db.prepare("SELECT value FROM meta WHERE key = 'resend_after'").get()).toEqual({ value: '' });
  db.close();
});
