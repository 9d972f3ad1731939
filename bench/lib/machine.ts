/** What the figures were measured on: they only mean something next to the machine and versions. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export function packageVersion(name: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

function command(file: string, args: string[]): string | null {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryMb: number;
  os: string;
  loadAverageAtStart: number[];
  node: string;
  influxd: string | null;
}

export function machineInfo(): MachineInfo {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryMb: Math.round(totalmem() / 2 ** 20),
    os: `${platform()} ${release()}`,
    loadAverageAtStart: loadavg().map((load) => Number(load.toFixed(2))),
    node: process.version,
    influxd: command('influxd', ['version']),
  };
}

export function versions(): Record<string, string | null> {
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return {
    product: own.version,
    gitCommit: command('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    gitDirty: command('git', ['-C', ROOT, 'status', '--porcelain', '--', 'backend']) ? 'backend has uncommitted changes' : 'no',
    express: packageVersion('express'),
    'better-sqlite3': packageVersion('better-sqlite3'),
    luxon: packageVersion('luxon'),
    exceljs: packageVersion('exceljs'),
  };
}
