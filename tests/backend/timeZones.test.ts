/** Days and hours are the viewer's: DST days of 23 hours, quarter-hour offsets, zones east and west of UTC. */
import { startTestBackend, type TestBackend } from '../support/backend';
import { getStats, postEvents } from '../support/http';

let backend: TestBackend;
let next = 0;

const requested = (at: string, count = 1) => ({
  id: `tz-${next++}`,
  type: 'requested',
  domain: 'example.com',
  requestedAt: at,
  count,
});

beforeAll(async () => {
  backend = await startTestBackend();
  const events = [
    // Europe/Berlin: 2026-03-29 has 23 hours (02:00 -> 03:00)
    requested('2026-03-28T23:59:00+01:00', 1),
    requested('2026-03-29T00:30:00+01:00', 2),
    requested('2026-03-29T23:30:00+02:00', 4),
    requested('2026-03-30T00:10:00+02:00', 8),
    // Asia/Kathmandu (+05:45): both on 1 March in UTC, on two local days
    requested('2026-04-01T23:50:00+05:45', 16),
    requested('2026-04-02T00:05:00+05:45', 32),
    // America/New_York: 2026-03-08 has 23 hours
    requested('2026-03-08T00:30:00-05:00', 64),
    requested('2026-03-08T23:30:00-04:00', 128),
    requested('2026-03-09T00:10:00-04:00', 256),
    // Asia/Seoul: early morning local is the previous day in UTC
    requested('2026-05-02T00:10:00+09:00', 512),
    requested(String(Date.parse('2026-05-01T23:50:00+09:00')), 1024),
  ];
  expect((await postEvents(backend.url, backend.keys.acme, events)).status).toBe(202);
});

afterAll(() => backend.stop());

async function counts(params: Record<string, string>): Promise<Array<[string, number]>> {
  const { status, body } = await getStats(backend.url, backend.keys.acme, '/stats/request-date', params);
  expect(status).toBe(200);
  return body.rows.map((row: { time: string; requestCount: number }) => [row.time, row.requestCount]);
}

test('Europe/Berlin across the 2026-03-29 DST change', async () => {
  expect(await counts({ from: '2026-03-28', to: '2026-03-31', tz: 'Europe/Berlin' })).toEqual([
    ['2026-03-28T00:00:00+01:00', 1],
    ['2026-03-29T00:00:00+01:00', 6],
    ['2026-03-30T00:00:00+02:00', 8],
  ]);
});

test('Europe/Berlin hours skip the missing 02:00 of the DST day', async () => {
  const hours = await counts({
    from: '2026-03-29T00:00:00+01:00',
    to: '2026-03-29T04:00:00+02:00',
    tz: 'Europe/Berlin',
    interval: '1h',
  });
  expect(hours).toEqual([
    ['2026-03-29T00:00:00+01:00', 2],
    ['2026-03-29T01:00:00+01:00', 0],
    ['2026-03-29T03:00:00+02:00', 0],
  ]);
});

test('Asia/Kathmandu days and hours start at :15 UTC', async () => {
  expect(await counts({ from: '2026-04-01', to: '2026-04-03', tz: 'Asia/Kathmandu' })).toEqual([
    ['2026-04-01T00:00:00+05:45', 16],
    ['2026-04-02T00:00:00+05:45', 32],
  ]);
  expect(
    await counts({ from: '2026-04-01T23:00', to: '2026-04-02T01:00', tz: 'Asia/Kathmandu', interval: '1h' })
  ).toEqual([
    ['2026-04-01T23:00:00+05:45', 16],
    ['2026-04-02T00:00:00+05:45', 32],
  ]);
  // The same events in UTC fall on one day.
  expect(await counts({ from: '2026-04-01', to: '2026-04-02', tz: 'UTC' })).toEqual([['2026-04-01T00:00:00Z', 48]]);
});

test('America/New_York across the 2026-03-08 DST change', async () => {
  expect(await counts({ from: '2026-03-08', to: '2026-03-10', tz: 'America/New_York' })).toEqual([
    ['2026-03-08T00:00:00-05:00', 192],
    ['2026-03-09T00:00:00-04:00', 256],
  ]);
});

test('Asia/Seoul versus UTC, with an epoch-milliseconds event', async () => {
  expect(await counts({ from: '2026-05-01', to: '2026-05-03', tz: 'Asia/Seoul' })).toEqual([
    ['2026-05-01T00:00:00+09:00', 1024],
    ['2026-05-02T00:00:00+09:00', 512],
  ]);
  expect(await counts({ from: '2026-05-01', to: '2026-05-02', tz: 'UTC' })).toEqual([['2026-05-01T00:00:00Z', 1536]]);
});
