/**
 * Grafana re-imports an app's bundled dashboard after an upgrade only when its top-level
 * `revision` differs from the imported one (grafana/grafana
 * pkg/services/plugindashboards/service/dashboard_updater.go, `ImportedRevision != Revision`),
 * and reads a missing `revision` as 1 (service.go, `Get("revision").MustInt64(1)`). So a change
 * to a dashboard must raise its revision, or users keep the old one. dashboardRevisions.json
 * records, per dashboard, its revision and the hash of its content at that revision.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import recorded from './dashboardRevisions.json';

const DASHBOARDS_DIR = join(__dirname, '..', '..', 'src', 'dashboards');
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with sorted keys: the hash follows content, not the order keys happen to be written in. */
function canonical(value: Json): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 of a dashboard's content without its revision. */
function contentHash(dashboard: { [key: string]: Json }): string {
  const { revision: _revision, ...content } = dashboard;
  return createHash('sha256').update(canonical(content)).digest('hex');
}

const records: Record<string, { revision: number; sha256: string }> = recorded;
const files = readdirSync(DASHBOARDS_DIR).filter((name) => name.endsWith('.json'));
const dashboards = new Map(files.map((name) => [name, JSON.parse(readFileSync(join(DASHBOARDS_DIR, name), 'utf8'))]));

test('every shipped dashboard has a recorded revision, and nothing else is recorded', () => {
  expect(Object.keys(records).sort()).toEqual([...files].sort());
});

test.each(files)('%s has a whole-number revision of at least 1', (name) => {
  const { revision } = dashboards.get(name);
  expect([name, Number.isInteger(revision) && revision >= 1]).toEqual([name, true]);
});

test.each(files)('%s changed only with a raised revision, recorded in dashboardRevisions.json', (name) => {
  const dashboard = dashboards.get(name);
  const record = records[name];
  const hash = contentHash(dashboard);
  const fix =
    `${name} differs from its content at revision ${record.revision}: set its "revision" to ` +
    `${record.revision + 1} and record {"revision": ${record.revision + 1}, "sha256": "${hash}"}`;
  expect({ revision: dashboard.revision, sha256: hash, ...(hash === record.sha256 ? {} : { fix }) }).toEqual(record);
});

test('the hash follows a change of content, not of key order or revision', () => {
  const base = { title: 'A', panels: [{ id: 1, type: 'stat' }], revision: 1 };
  expect(contentHash({ revision: 2, panels: [{ type: 'stat', id: 1 }], title: 'A' })).toBe(contentHash(base));
  expect(contentHash({ ...base, panels: [{ id: 1, type: 'table' }] })).not.toBe(contentHash(base));
});
