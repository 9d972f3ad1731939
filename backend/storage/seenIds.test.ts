import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ID_BYTES, IdHasher, SeenIds } from './seenIds';

const seed = new Uint32Array([1, 2, 3, 4]);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mda-seen-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const hashOf = (hasher: IdHasher, text: string) => Uint32Array.from(hasher.hash(text));

test('a 128-bit seeded hash: another seed, another hash; never all zeros', () => {
  const a = new IdHasher(seed);
  const b = new IdHasher(new Uint32Array([1, 2, 3, 5]));
  expect(hashOf(a, 'acme\u0000x')).toEqual(hashOf(a, 'acme\u0000x'));
  expect(hashOf(a, 'acme\u0000x')).not.toEqual(hashOf(b, 'acme\u0000x'));
  expect(hashOf(a, '')[3] & 1).toBe(1);
});

test('remembers 100,000 ids past several table growths without a false duplicate, by day, and reloads them from 16 B each', async () => {
  const hasher = new IdHasher(seed);
  const seen = new SeenIds(dir, 3);
  const hashes = Array.from({ length: 100_000 }, (_u, i) => hashOf(hasher, `acme\u0000id-${i}`));
  const first = hashes.slice(0, 60_000);
  seen.addAll(10, Uint32Array.from(first.flatMap((h) => [...h])));
  expect(hashes.slice(60_000).filter((h) => seen.has(h))).toEqual([]);
  expect(first.every((h) => seen.has(h))).toBe(true);
  await seen.persist(10, [Buffer.from(Uint32Array.from(first.flatMap((h) => [...h])).buffer)]);
  expect(statSync(join(dir, 'ids', '10.ids')).size).toBe(60_000 * ID_BYTES);

  const reloaded = new SeenIds(dir, 3);
  reloaded.load(12);
  expect(reloaded.stats().ids).toBe(60_000);
  expect(first.every((h) => reloaded.has(h))).toBe(true);
  reloaded.expire(13); // day 10 is 4 days old on day 13: outside a 3-day window
  expect(first.some((h) => reloaded.has(h))).toBe(false);
  expect(readdirSync(join(dir, 'ids'))).toEqual([]);
});
