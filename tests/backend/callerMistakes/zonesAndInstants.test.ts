/**
 * Issue 12, defect 1: zone names InfluxDB would not know and instants it cannot group were
 * answered 503 influxdb_unavailable. Zones are answered in the tz database's spelling;
 * instants outside the allowed range get 400 naming it.
 */
import { startTestBackend, type TestBackend } from '../../support/backend';
import { getStats, postEvents } from '../../support/http';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
  // 2026-07-01 23:30 UTC is 2 July 08:30 in Seoul (+09:00)
  const answer = await postEvents(backend.url, backend.keys.acme, [
    { id: 'z1', type: 'requested', domain: 'example.com', requestedAt: '2026-07-01T23:30:00Z', count: 3 },
  ]);
  expect(answer.status).toBe(202);
});

afterAll(() => backend.stop());

const stats = (path: string, params: Record<string, string>) => getStats(backend.url, backend.keys.acme, path, params);

test.each([
  ['utc', 'UTC', '2026-07-01T00:00:00Z'],
  ['asia/seoul', 'Asia/Seoul', '2026-07-02T00:00:00+09:00'],
  ['ASIA/SEOUL', 'Asia/Seoul', '2026-07-02T00:00:00+09:00'],
])('tz=%s is answered as %s, with its days', async (given, spelled, day) => {
  const answer = await stats('/stats/request-date', { from: '2026-07-01', to: '2026-07-03', tz: given });
  expect(answer.status).toBe(200);
  expect(answer.body.tz).toBe(spelled);
  expect(answer.body.rows.find((row: { time: string }) => row.time === day).requestCount).toBe(3);
  expect(answer.body.totals.requestCount).toBe(3);
});

test('a zone that does not exist is a 400, not an InfluxDB outage', async () => {
  const answer = await stats('/values/domains', { tz: 'asia/atlantis' });
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    error: {
      code: 'invalid_tz',
      message: 'tz "asia/atlantis" is not an IANA time zone (e.g. Asia/Seoul, Europe/Berlin, UTC)',
    },
  });
});

const RANGE_MESSAGE = 'must lie between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z';

test.each([
  ['/stats/request-date', { from: '1677-09-20', to: '1677-09-23' }, 'from'],
  ['/stats/domains', { from: '1600-01-01' }, 'from'],
  ['/stats/result-codes', { from: '2026-01-01', to: '2262-04-12', interval: '1M' }, 'to'],
  ['/stats/send-date', { from: '1899-12-31T23:59:59Z', to: '1900-01-02' }, 'from'],
  ['/values/domains', { from: '1600-01-01', to: '1600-02-01' }, 'from'],
  ['/values/templates', { from: '2026-01-01', to: '9999999999999' }, 'to'],
  ['/export', { from: '1677-09-20', to: '1677-09-23' }, 'from'],
])('%s %j: 400 naming the allowed range', async (path, params, bound) => {
  const answer = await stats(path, { tz: 'UTC', ...params });
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({ error: { code: 'invalid_time', message: `${bound} ${RANGE_MESSAGE}` } });
});

test('the edges of the allowed range are answered, in any zone', async () => {
  const early = await stats('/stats/request-date', {
    from: '1900-01-01T00:00:00Z',
    to: '1900-01-03T00:00:00Z',
    tz: 'Asia/Kathmandu',
  });
  expect(early.status).toBe(200);
  expect(early.body.totals.requestCount).toBe(0);
  const late = await stats('/stats/domains', {
    from: '2199-12-01T00:00:00Z',
    to: '2200-01-01T00:00:00Z',
    tz: 'Pacific/Kiritimati',
  });
  expect(late.status).toBe(200);
  expect(late.body.totals.count).toBe(0);
  const values = await stats('/values/domains', { from: '1900-01-01T00:00:00Z', to: '2200-01-01T00:00:00Z' });
  expect(values.status).toBe(200);
  expect(values.body.values).toEqual(['example.com']);
});
