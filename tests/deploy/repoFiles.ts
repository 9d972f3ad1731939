/** Reads the repository's deployment files for the deploy tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = join(__dirname, '..', '..');

export function repoPath(path: string): string {
  return join(ROOT, path);
}

export function exists(path: string): boolean {
  return existsSync(repoPath(path));
}

export function readText(path: string): string {
  return readFileSync(repoPath(path), 'utf8');
}

export function readYaml<T = any>(path: string): T {
  return parse(readText(path)) as T;
}

export function readJson<T = any>(path: string): T {
  return JSON.parse(readText(path)) as T;
}

export interface AlertQuery {
  refId: string;
  relativeTimeRange?: { from: number; to: number };
  datasourceUid: string;
  model: { refId: string; type?: string; expression?: string; query?: string; reducer?: string };
}

export interface AlertRule {
  uid: string;
  title: string;
  condition: string;
  data: AlertQuery[];
  labels: Record<string, string>;
  for: string;
}

export const ALERTS_FILE = 'provisioning/alerting/mail-delivery-alerts.yaml';

export function alertRules(): AlertRule[] {
  return readYaml<{ groups: Array<{ rules: AlertRule[] }> }>(ALERTS_FILE).groups.flatMap((group) => group.rules);
}
