import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backendBaseUrl, dataSourceProxyUrl, PROXY_ROUTE } from './proxy';

test("the proxy route is one the data source's plugin.json declares", () => {
  const pluginJson = JSON.parse(readFileSync(join(__dirname, '../src/datasource/plugin.json'), 'utf8'));
  expect(pluginJson.routes.map((route: { path: string }) => route.path)).toContain(PROXY_ROUTE);
});

test("the backend's base through a data source's proxy, its uid encoded", () => {
  expect(backendBaseUrl(dataSourceProxyUrl('a/b c'))).toBe('/api/datasources/proxy/uid/a%2Fb%20c/api');
});
