import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointStore } from './checkpointStore';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ncloud-checkpoint-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('everything it keeps survives reopening the file', () => {
  const first = new CheckpointStore(dir);
  expect(first.listedThrough()).toBeUndefined();
  first.setListedThrough(1_700_000_000_123);
  expect(first.addRequest('r1', 2000)).toBe(true);
  expect(first.addRequest('r1', 2000)).toBe(false);
  expect(first.addRequest('r0', 1000)).toBe(true);
  expect(first.addRequest('r2', 3000)).toBe(true);
  first.setStatusFingerprint('r1', 'S:2');
  first.markMailFinal('m1', 'r1');
  first.markMailFinal('m1', 'r1');
  first.closeRequest('r2');
  first.setRequestError('r0', 'bad code');
  first.close();

  const again = new CheckpointStore(dir);
  expect(again.listedThrough()).toBe(1_700_000_000_123);
  expect(again.openRequests(10)).toEqual([
    { requestId: 'r0', requestedAt: 1000, statusFingerprint: null },
    { requestId: 'r1', requestedAt: 2000, statusFingerprint: 'S:2' },
  ]);
  expect(again.openRequests(1)).toEqual([{ requestId: 'r0', requestedAt: 1000, statusFingerprint: null }]);
  expect(again.progress()).toEqual({
    openRequests: 2,
    erroredRequests: 1,
    oldestOpenRequestedAt: 1000,
    oldestError: 'request r0: bad code',
  });
  expect([...again.finalMails('r1')]).toEqual(['m1']);
  expect(again.finalMails('r0').size).toBe(0);
  // A closed request is not reopened by listing it again.
  expect(again.addRequest('r2', 3000)).toBe(false);
  expect(again.openRequests(10).map((request) => request.requestId)).toEqual(['r0', 'r1']);
  // Reading a request's status again clears its error.
  again.setStatusFingerprint('r0', 'F:1');
  expect(again.progress().erroredRequests).toBe(0);
  again.close();
});
