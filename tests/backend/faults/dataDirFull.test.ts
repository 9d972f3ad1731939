/**
 * DATA_DIR becomes unwritable: a real full disk (DATA_DIR on a small tmpfs, then filled up).
 * Batches are refused with a clear 503 and Retry-After, nothing is acknowledged that is not
 * durable, /readyz names DATA_DIR, and once space is back the refused batches are taken
 * and every acknowledged mail is counted exactly. Mounting needs root (CI runs scripts/test.sh
 * as root in its container); elsewhere the test says why it is skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { makeBatch, mailsOf, requestCount, send, type Batch } from './load';

function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes zeros until the file system refuses: ENOSPC. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) {
      writeSync(fd, chunk);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') {
      throw error;
    }
    const small = Buffer.alloc(512);
    try {
      for (;;) {
        writeSync(fd, small);
      }
    } catch {
      // full to the last block
    }
  } finally {
    closeSync(fd);
  }
}

const mountPoint = mkdtempSync(join(tmpdir(), 'mda-full-'));
const mounted = mountTmpfs(mountPoint, '8m');
const dataDir = join(mountPoint, 'data');
const filler = join(mountPoint, 'filler');
let backend: TestBackend | undefined;

afterAll(async () => {
  await backend?.stop().catch(() => undefined);
  if (mounted) {
    execFileSync('umount', [mountPoint]);
  }
  rmSync(mountPoint, { recursive: true, force: true });
});

if (!mounted) {
  console.warn('dataDirFull.test.ts skipped: `mount -t tmpfs` needs root');
}

(mounted ? test : test.skip)(
  'a full DATA_DIR: clear 503s, nothing acknowledged lost, exact totals once space is back',
  async () => {
    backend = await startTestBackend({ dataDir });
    const key = backend.keys.acme;
    const acknowledged: Batch[] = [];
    const refused: Batch[] = [];
    for (let index = 0; index < 5; index++) {
      const batch = makeBatch('f1', index, 200);
      expect((await send(backend.url, key, batch)).status).toBe(202);
      acknowledged.push(batch);
    }
    // A read folds and writes everything acknowledged so far: nothing waits for DATA_DIR below.
    expect(await requestCount(backend.url, key)).toMatchObject({ status: 200, count: mailsOf(acknowledged) });

    fill(filler);
    let acknowledgedWhileFull = 0;
    let storage503: { body: any; retryAfter: string | null } | undefined;
    for (let index = 0; index < 200 && refused.length < 3; index++) {
      const batch = makeBatch('f2', index, 200);
      const answer = await send(backend.url, key, batch);
      if (answer.status === 202) {
        acknowledged.push(batch); // it fit in space the file system still had: durable all the same
        acknowledgedWhileFull++;
      } else {
        expect(answer.status).toBe(503);
        storage503 = answer;
        refused.push(batch);
      }
    }
    expect(refused.length).toBe(3);
    expect(storage503!.retryAfter).toBe('30');
    expect(storage503!.body).toEqual({
      error: {
        code: 'storage_unavailable',
        message: expect.stringMatching(
          /^the backend cannot write its durable state in DATA_DIR \((ENOSPC|SQLITE_FULL)\); nothing of this request was taken, try again later$/
        ),
      },
    });
    const ready = await fetch(`${backend.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', dataDir: { ok: false } });
    // A read waits for a checkpoint of what was acknowledged since the last one, which a full
    // disk refuses; with nothing new, it answers from InfluxDB.
    const read = await requestCount(backend.url, key);
    if (acknowledgedWhileFull > 0) {
      expect(read.status).toBe(503);
      expect(read.body.error).toEqual({
        code: 'storage_unavailable',
        message: expect.stringMatching(/^statistics are unavailable: DATA_DIR cannot be read or written \((database or disk is full|ENOSPC: no space left on device.*)\)$/),
      });
    } else {
      expect(read).toMatchObject({ status: 200, count: mailsOf(acknowledged) });
    }

    rmSync(filler);
    for (const batch of refused) {
      expect(await send(backend.url, key, batch)).toMatchObject({
        status: 202,
        body: { accepted: 200, duplicates: 0 },
      });
      acknowledged.push(batch);
    }
    expect((await fetch(`${backend.url}/readyz`)).status).toBe(200);
    const counted = await requestCount(backend.url, key);
    console.log(
      `full DATA_DIR: ${acknowledged.length} batches acknowledged (${refused.length} after 503 storage_unavailable); ${mailsOf(acknowledged)} mails acknowledged, ${counted.count} counted`
    );
    expect(counted).toMatchObject({ status: 200, count: mailsOf(acknowledged) });
  }
);
