/** openapi.json is public and describes every endpoint the backend serves. */
import { startTestBackend, type TestBackend } from '../support/backend';
import { call } from '../support/http';
import { VIEW_IDS } from '../../contract/views';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(() => backend.stop());

test('served without a key, listing every endpoint of the contract', async () => {
  const { status, body } = await call(`${backend.url}/api/v1/openapi.json`, undefined);
  expect(status).toBe(200);
  expect(body.openapi).toBe('3.0.3');
  expect(Object.keys(body.paths).sort()).toEqual(
    [
      '/healthz',
      '/readyz',
      '/metrics',
      '/api/v1/openapi.json',
      '/api/v1/events',
      '/api/v1/export',
      '/api/v1/limits',
      '/api/v1/accounts/{account}',
      '/api/v1/accounts/{account}/subscription',
      '/api/v1/sources',
      '/api/v1/sources/{sourceId}',
      '/api/v1/webhooks/{vendor}/{sourceId}',
      ...VIEW_IDS.map((id) => `/api/v1/stats/${id}`),
      ...['templates', 'domains', 'result-codes'].map((kind) => `/api/v1/values/${kind}`),
    ].sort()
  );
  expect(Object.keys(body.paths['/api/v1/limits'])).toEqual(['get', 'put']);
  expect(Object.keys(body.paths['/api/v1/accounts/{account}/subscription'])).toEqual(['put', 'delete']);
  expect(Object.keys(body.components.schemas.RequestDateView.properties.totals.properties)).toHaveLength(14);
  expect(Object.keys(body.components.schemas.SendDateView.properties.totals.properties)).toHaveLength(11);
});

test('every path it names answers (not 404), and health says ready', async () => {
  const { body } = await call(`${backend.url}/api/v1/openapi.json`, undefined);
  for (const [path, methods] of Object.entries(body.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(methods)) {
      const answer = await fetch(`${backend.url}${path}`, {
        method: method.toUpperCase(),
        headers: { Authorization: `Bearer ${backend.keys.acme}` },
      });
      // A 404 of the route itself (no such source for a webhook or source path is the route answering).
      const code = answer.status === 404 ? ((await answer.json()) as { error: { code: string } }).error.code : '';
      expect([path, method, code]).not.toEqual([path, method, 'not_found']);
    }
  }
  expect((await call(`${backend.url}/healthz`, undefined)).status).toBe(200);
  const ready = await call(`${backend.url}/readyz`, undefined);
  expect(ready).toMatchObject({
    status: 200,
    body: { status: 'ready', influxdb: { ok: true }, dataDir: { ok: true } },
  });
});
