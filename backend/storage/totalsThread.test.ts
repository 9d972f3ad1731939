import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStateDatabase } from './totalsTable';
import { TotalsThread } from './totalsThread';

const NUL = '\u0000';
/** A previous version's record holds complete counters: no rollups are derived from them. */
const COMPLETE = ['mail_totals', 'acme', 'request', 'requested', '-', '', '', String(Date.UTC(2026, 0, 1))].join(NUL);
const none = { keys: [], deltas: [] };

let dir: string;
let path: string;
let thread: TotalsThread;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mda-totals-thread-'));
  path = join(dir, 'state.sqlite');
  openStateDatabase(path, 2).close();
  thread = new TotalsThread(path, 2, 'w1');
});
afterEach(async () => {
  await thread.close();
  rmSync(dir, { recursive: true, force: true });
});

test('checkpoints run in the worker thread, in order, and their totals come back', async () => {
  const [first, second] = await Promise.all([
    thread.checkpoint({ detailed: none, complete: { keys: [COMPLETE], deltas: [4] }, meta: [['seq', '1']] }),
    thread.checkpoint({ detailed: none, complete: { keys: [COMPLETE], deltas: [6] }, meta: [['seq', '2']] }),
  ]);
  expect([first.keys, [...first.totals]]).toEqual([[COMPLETE], [4]]);
  expect([second.keys, [...second.totals]]).toEqual([[COMPLETE], [10]]);
  await thread.writeMeta('probe', 'x');
  expect(await thread.sync()).toBe(true);
  const reader = new Database(path, { readonly: true });
  expect(reader.prepare('SELECT key, value FROM meta ORDER BY key').all()).toEqual([
    { key: 'probe', value: 'x' },
    { key: 'seq', value: '2' },
  ]);
  reader.close();
});

test("a failed checkpoint rejects with SQLite's message and the thread goes on", async () => {
  await expect(
    thread.checkpoint({
      detailed: none,
      complete: { keys: [COMPLETE], deltas: [1] },
      meta: [['seq', null as unknown as string]],
    })
  ).rejects.toThrow(/NOT NULL constraint failed: meta.value/);
  const after = await thread.checkpoint({ detailed: none, complete: { keys: [COMPLETE], deltas: [2] }, meta: [] });
  expect([...after.totals]).toEqual([2]);
});

test('after close every request is refused', async () => {
  await thread.close();
  await expect(thread.sync()).rejects.toThrow(/the totals thread exited/);
});
