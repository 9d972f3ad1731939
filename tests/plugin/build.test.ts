/**
 * What `npm run build` leaves in dist/ is what Grafana loads: both plugin.json files, both
 * modules, and every dashboard and page the app's plugin.json includes. scripts/test.sh
 * builds before jest runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', 'dist');

function distJson(path: string) {
  const file = join(DIST, path);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run npm run build first`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

test('dist holds the app and its nested data source, each with plugin.json and module.js', () => {
  const app = distJson('plugin.json');
  const datasource = distJson('datasource/plugin.json');
  expect(app).toMatchObject({ type: 'app', id: 'maildelivery-maildeliveryanalytics-app' });
  expect(datasource).toMatchObject({ type: 'datasource', id: 'maildelivery-maildeliveryanalytics-datasource' });
  expect(existsSync(join(DIST, 'module.js'))).toBe(true);
  expect(existsSync(join(DIST, 'datasource', 'module.js'))).toBe(true);
  // the build stamps the version and date in place of the placeholders
  expect(app.info.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(app.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('every file the app includes is in dist', () => {
  const app = distJson('plugin.json');
  const files = app.includes.filter((include: { path: string }) => !include.path.startsWith('/'));
  expect(files.map((include: { path: string }) => include.path).sort()).toEqual([
    'dashboards/domains.json',
    'dashboards/overview.json',
    'dashboards/request-date.json',
    'dashboards/result-codes.json',
    'dashboards/send-date.json',
    'dashboards/sending-limit.json',
    'datasource/plugin.json',
  ]);
  for (const { path } of files) {
    expect([path, existsSync(join(DIST, path))]).toEqual([path, true]);
  }
  expect(existsSync(join(DIST, app.info.logos.small))).toBe(true);
});

// Grafana serves a nested plugin's files from its own folder (public/plugins/<data source id>/ is
// dist/datasource/; grafana/grafana pkg/plugins/manager/... assetpath), so its logos must be there.
test("the data source's logos are inside its own folder of dist", () => {
  const { logos } = distJson('datasource/plugin.json').info as { logos: Record<'small' | 'large', string> };
  for (const logo of [logos.small, logos.large]) {
    expect([logo, logo.split('/').includes('..'), existsSync(join(DIST, 'datasource', logo))]).toEqual([
      logo,
      false,
      true,
    ]);
  }
});
