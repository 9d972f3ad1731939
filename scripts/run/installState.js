#!/usr/bin/env node
// Prints what node_modules holds of package-lock.json, at the locked versions: `full` (every
// package), `runtime` (the `dependencies` tree only, as `npm ci --omit=dev` installs it) or
// `missing`. Plain JavaScript: it runs before anything is installed or built.
// Usage: node scripts/run/installState.js [project folder]
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

function packagesOf(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).packages ?? {};
  } catch {
    return {};
  }
}

const root = process.argv[2] ?? process.cwd();
const locked = Object.entries(packagesOf(join(root, 'package-lock.json')));
// npm keeps what it installed in node_modules/.package-lock.json (same shape, no root entry).
const installed = packagesOf(join(root, 'node_modules', '.package-lock.json'));
// Optional packages (platform binaries) may rightly be absent; links have no version.
const required = locked.filter(([path, entry]) => path !== '' && !entry.optional && !entry.devOptional && !entry.link);
const present = ([path, entry]) => installed[path]?.version === entry.version;
const runtime = required.filter(([, entry]) => !entry.dev);
const dev = required.filter(([, entry]) => entry.dev);

if (locked.length === 0) {
  console.error(`installState: no package-lock.json in ${root}`);
  process.exit(2);
}
console.log(!runtime.every(present) ? 'missing' : dev.every(present) ? 'full' : 'runtime');
