/** installState.js on real files: which part of a lockfile a node_modules holds. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, 'installState.js');
const LOCKED = {
  '': { name: 'p', dependencies: { a: '^1.0.0' }, devDependencies: { b: '^2.0.0' } },
  'node_modules/a': { version: '1.0.0' },
  'node_modules/b': { version: '2.0.0', dev: true },
  'node_modules/c': { version: '3.0.0', optional: true }, // a platform binary: may be absent
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mda-install-state-'));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: LOCKED }));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function stateWith(installed: Record<string, { version: string }> | undefined): string {
  if (installed) {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: installed }));
  }
  return execFileSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' }).trim();
}

test('full: every required package at its locked version', () => {
  expect(stateWith({ 'node_modules/a': { version: '1.0.0' }, 'node_modules/b': { version: '2.0.0' } })).toBe('full');
});

test('runtime: what npm ci --omit=dev leaves', () => {
  expect(stateWith({ 'node_modules/a': { version: '1.0.0' } })).toBe('runtime');
});

test('missing: no node_modules, or a runtime package at another version', () => {
  expect(stateWith(undefined)).toBe('missing');
  expect(stateWith({ 'node_modules/a': { version: '1.0.1' }, 'node_modules/b': { version: '2.0.0' } })).toBe('missing');
});

test('a dev package at another version is not a full install', () => {
  expect(stateWith({ 'node_modules/a': { version: '1.0.0' }, 'node_modules/b': { version: '2.1.0' } })).toBe('runtime');
});
