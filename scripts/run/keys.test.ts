import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeysSetting, loadOrCreateKeys, newKey } from './keys';

describe('run keys', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mda-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes valid keys once, in a file only the owner can read, and reads the same keys later', () => {
    const file = join(dir, 'keys.env');
    const keys = loadOrCreateKeys(file);
    expect(keys.demo).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(keys.ops).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(keys.demo).not.toBe(keys.ops);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(`MDA_API_KEY=${keys.demo}\nMDA_ADMIN_KEY=${keys.ops}\n`);
    expect(loadOrCreateKeys(file)).toEqual(keys);
  });

  it('refuses a damaged file, naming the variable', () => {
    const file = join(dir, 'keys.env');
    writeFileSync(file, 'MDA_API_KEY=short\nMDA_ADMIN_KEY=opsKey0123456789abcd\n');
    expect(() => loadOrCreateKeys(file)).toThrow('MDA_API_KEY must be 16 or more characters');
  });

  it('gives the backend both accounts', () => {
    expect(apiKeysSetting({ demo: 'demoKey0123456789ab', ops: 'opsKey0123456789abcd' })).toBe(
      'demo:ingest+read:demoKey0123456789ab,ops:admin:opsKey0123456789abcd'
    );
    expect(newKey()).not.toBe(newKey());
  });
});
