/**
 * Issue 12, defect 5: concurrent exports were unbounded (20 year-long hourly workbooks took
 * RSS from 304 to 833 MB). Beyond MAX_CONCURRENT_EXPORTS an export answers 503 with
 * Retry-After; JSON views are not limited, and a finished export frees its slot.
 */
import { startTestBackend, type TestBackend } from '../../support/backend';
import { getStats, postEvents } from '../../support/http';
import { eventually } from '../../support/eventually';
import { startHoldingProxy, type HoldingProxy } from './holdingProxy';

let proxy: HoldingProxy;
let backend: TestBackend;

beforeAll(async () => {
  proxy = await startHoldingProxy(process.env.INFLUX_URL!);
  backend = await startTestBackend({ influxUrl: proxy.url, maxConcurrentExports: 1 });
  const answer = await postEvents(backend.url, backend.keys.acme, [
    { id: 'x1', type: 'requested', domain: 'example.com', requestedAt: '2026-07-01T10:00:00Z', count: 4 },
  ]);
  expect(answer.status).toBe(202);
});

afterAll(async () => {
  await backend?.stop();
  await proxy?.stop();
});

const RANGE = { from: '2026-07-01', to: '2026-07-02', tz: 'UTC' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('a second export while one is being built: 503 with Retry-After; after it, exports are taken again', async () => {
  // the outbox must be in InfluxDB first, so that the held query is the export's own
  expect((await getStats(backend.url, backend.keys.acme, '/stats/request-date', RANGE)).body.totals.requestCount).toBe(
    4
  );
  const held = proxy.hold();
  const first = getStats(backend.url, backend.keys.acme, '/stats/request-date', { ...RANGE, format: 'xlsx' });
  await held;

  for (const [path, params] of [
    ['/stats/domains', { ...RANGE, format: 'xlsx' }],
    ['/export', { ...RANGE, views: 'request-date' }],
  ] as const) {
    const busy = await getStats(backend.url, backend.keys.acme, path, params);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(busy.body).toEqual({
      error: {
        code: 'exports_busy',
        message:
          '1 Excel exports are being built, the most this backend builds at once (MAX_CONCURRENT_EXPORTS); try again in 5 s',
      },
    });
  }
  // a refused parameter is a 400 even while the slot is taken: it never waits for one
  const invalid = await getStats(backend.url, backend.keys.acme, '/stats/request-date', {
    ...RANGE,
    format: 'xlsx',
    tz: 'Mars/Olympus',
  });
  expect(invalid.status).toBe(400);

  proxy.release();
  const done = await first;
  expect(done.status).toBe(200);
  expect(done.headers.get('content-type')).toBe(XLSX);
  const again = await getStats(backend.url, backend.keys.acme, '/export', { ...RANGE, views: 'request-date,domains' });
  expect(again.status).toBe(200);
  expect(again.headers.get('content-type')).toBe(XLSX);
});

test('an export the client abandons frees its slot', async () => {
  const held = proxy.hold();
  const controller = new AbortController();
  const abandoned = fetch(`${backend.url}/api/v1/stats/request-date?from=2026-07-01&to=2026-07-02&format=xlsx`, {
    headers: { Authorization: `Bearer ${backend.keys.acme}` },
    signal: controller.signal,
  }).catch((error: Error) => error.name);
  await held;
  controller.abort();
  expect(await abandoned).toBe('AbortError');
  // the backend learns of the abandoned connection when its socket closes: wait for that state
  const next = await eventually('the abandoned export to free its slot', async () => {
    const answer = await getStats(backend.url, backend.keys.acme, '/stats/domains', { ...RANGE, format: 'xlsx' });
    return answer.status === 503 ? undefined : answer;
  });
  expect(next.status).toBe(200);
  proxy.release();
});
