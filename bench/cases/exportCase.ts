/**
 * Case 3, export: bench/export.ts (written separately; streams xlsx and CSV in child
 * processes) runs as a child of `npm run bench` when it exists; its bench/results/export.json
 * is merged into bench/results.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const EXPORT_SCRIPT = join(ROOT, 'bench', 'export.ts');
export const EXPORT_RESULTS = join(ROOT, 'bench', 'results', 'export.json');

export interface ExportResults {
  measuredAt: string;
  summary: Array<{ rows: number; xlsxRowsPerSecond: number; xlsxPeakRssMb: number } & Record<string, unknown>>;
  [field: string]: unknown;
}

/** Runs the export benchmark; undefined when its script is not there. */
export async function runExportCase(log: (line: string) => void): Promise<ExportResults | undefined> {
  if (!existsSync(EXPORT_SCRIPT)) {
    log('export: bench/export.ts does not exist; skipped');
    return undefined;
  }
  log('export: running bench/export.ts');
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', EXPORT_SCRIPT], {
    cwd: ROOT,
    // Its own settings (see its header): the backend's ES2022 target.
    env: { ...process.env, TS_NODE_PROJECT: 'backend/tsconfig.json' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) {
    throw new Error(`bench/export.ts exited with ${code}`);
  }
  return JSON.parse(readFileSync(EXPORT_RESULTS, 'utf8')) as ExportResults;
}
