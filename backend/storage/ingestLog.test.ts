import { appendFileSync, mkdtempSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeRecords, encodeRecord, IngestLog } from './ingestLog';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mda-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('concurrent appends are durable in order, each committed before it resolves', async () => {
  const log = new IngestLog(dir, 1);
  const committed: string[] = [];
  await Promise.all(
    ['a', 'bb', 'ccc'].map((text) => log.append(Buffer.from(text), () => committed.push(text)))
  );
  log.close();
  expect(committed).toEqual(['a', 'bb', 'ccc']);
  expect(IngestLog.read(dir, 1).map((record) => record.payload.toString())).toEqual(['a', 'bb', 'ccc']);
});

test('reading stops at a torn or corrupt record (a crash mid-append)', () => {
  const file = join(dir, 'log', '1.log');
  new IngestLog(dir, 1).close();
  appendFileSync(file, Buffer.concat([encodeRecord(Buffer.from('one')), encodeRecord(Buffer.from('two'))]));
  truncateSync(file, statSync(file).size - 1);
  expect(IngestLog.read(dir, 1).map((record) => record.payload.toString())).toEqual(['one']);
  const corrupt = encodeRecord(Buffer.from('xyz'));
  corrupt[corrupt.length - 1] ^= 1;
  expect(decodeRecords(Buffer.concat([encodeRecord(Buffer.from('ok')), corrupt]))).toHaveLength(1);
});
