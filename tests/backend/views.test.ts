/** Each view's exact numbers for a hand-made event set, through the real HTTP API and a real InfluxDB. */
import { startTestBackend, type TestBackend } from '../support/backend';
import { getStats, postEvents } from '../support/http';
import {
  EXPECTED_REQUEST_DATE_ROWS,
  EXPECTED_REQUEST_DATE_TOTALS,
  EXPECTED_SEND_DATE_ROWS,
  KOREAN_TEMPLATE,
  SEOUL_EVENTS,
  SEOUL_RANGE,
} from './fixtures';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
  const answer = await postEvents(backend.url, backend.keys.acme, SEOUL_EVENTS);
  expect(answer).toMatchObject({ status: 202, body: { accepted: SEOUL_EVENTS.length, duplicates: 0 } });
});

afterAll(() => backend.stop());

const stats = (path: string, params: Record<string, string | number | string[]> = {}) =>
  getStats(backend.url, backend.keys.acme, path, { ...SEOUL_RANGE, ...params });

test('by request date: every day of the range, zeros included, with counts, rates and totals', async () => {
  const { status, body } = await stats('/stats/request-date');
  expect(status).toBe(200);
  expect(body).toEqual({
    view: 'request-date',
    from: '2026-03-01T00:00:00+09:00',
    to: '2026-03-06T00:00:00+09:00',
    tz: 'Asia/Seoul',
    interval: '1d',
    rows: EXPECTED_REQUEST_DATE_ROWS,
    totals: EXPECTED_REQUEST_DATE_TOTALS,
  });
});

test('by send date: the scheduled mail, its open and unsubscribe land on the day it was sent', async () => {
  const { status, body } = await stats('/stats/send-date');
  expect(status).toBe(200);
  expect(body.rows).toEqual(EXPECTED_SEND_DATE_ROWS);
  expect(body.totals).toEqual({
    sentCount: 8,
    deliveredCount: 7,
    bouncedCount: 1,
    openedCount: 3,
    machineOpenedCount: 0,
    unsubscribeCount: 1,
    complaintCount: 0,
    openRate: 3 / 8,
    unsubscribeRate: 1 / 3,
    bounceRate: 1 / 8,
    complaintRate: 0,
  });
});

test('a template filter with a comma, quotes and Korean text is taken whole', async () => {
  const { body } = await stats('/stats/request-date', { template: KOREAN_TEMPLATE });
  expect(body.totals).toMatchObject({
    requestCount: 3,
    sentCount: 2,
    openedCount: 1,
    unsubscribeCount: 1,
    canceledCount: 1,
  });
  const both = await stats('/stats/request-date', { template: [KOREAN_TEMPLATE, 'Welcome'] });
  expect(both.body.totals).toEqual(EXPECTED_REQUEST_DATE_TOTALS);
  const none = await stats('/stats/request-date', { template: '(none)' });
  expect(none.body.totals.requestCount).toBe(0);
});

test('by domain: counts every result event on its request date, top N with the rest as (other)', async () => {
  const { status, body } = await stats('/stats/domains', { top: 2 });
  expect(status).toBe(200);
  expect(body.rows).toEqual([
    { domain: 'gmail.com', count: 4, share: 0.4 },
    { domain: 'naver.com', count: 4, share: 0.4 },
    { domain: '(other)', count: 2, share: 0.2 },
  ]);
  expect(body.totals).toEqual({ count: 10 });
  expect(body.series).toHaveLength(5 * 3);
  expect(body.series.filter((point: { count: number }) => point.count > 0)).toEqual([
    { time: '2026-03-02T00:00:00+09:00', domain: 'gmail.com', count: 4 },
    { time: '2026-03-02T00:00:00+09:00', domain: 'naver.com', count: 4 },
    { time: '2026-03-03T00:00:00+09:00', domain: '(other)', count: 2 },
  ]);
});

test('by domain drill-down: one domain filtered by result code', async () => {
  const { body } = await stats('/stats/domains', { resultCode: ['MAIL_SENT'] });
  expect(body.rows).toEqual([
    { domain: 'gmail.com', count: 3, share: 3 / 7 },
    { domain: 'daum.net', count: 2, share: 2 / 7 },
    { domain: 'naver.com', count: 2, share: 2 / 7 },
  ]);
});

test('by result code: every code present with its class; totals agree with the domain view', async () => {
  const { status, body } = await stats('/stats/result-codes');
  expect(status).toBe(200);
  expect(body.rows).toEqual([
    { resultCode: 'MAIL_SENT', class: 'delivered', count: 7, share: 0.7 },
    { resultCode: 'CONNECTION_ABNORMAL', class: 'deferred', count: 1, share: 0.1 },
    { resultCode: 'MAILBOX_ERROR', class: 'bounced', count: 1, share: 0.1 },
    { resultCode: 'NONEXISTENT_DOMAIN_ADDRESS', class: 'failed', count: 1, share: 0.1 },
  ]);
  expect(body.totals).toEqual({ count: 10 });
  const naver = await stats('/stats/result-codes', { domain: 'naver.com' });
  expect(naver.body.rows.map((row: { resultCode: string; count: number }) => [row.resultCode, row.count])).toEqual([
    ['MAIL_SENT', 2],
    ['CONNECTION_ABNORMAL', 1],
    ['NONEXISTENT_DOMAIN_ADDRESS', 1],
  ]);
});

test('by sending limit: usage is requested minus canceled, per day and month, against the limits', async () => {
  const put = await getStats(backend.url, backend.keys.admin, '/limits', { account: 'acme' });
  expect(put.status).toBe(200);
  const set = await fetch(`${backend.url}/api/v1/limits?account=acme`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${backend.keys.admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ monthly: 100, daily: 5, changeRequestUrl: 'https://support.example.com/limits' }),
  });
  expect(set.status).toBe(200);
  const { status, body } = await stats('/stats/sending-limit', { month: '2026-03', months: 1 });
  expect(status).toBe(200);
  expect(body.limit).toEqual({ monthly: 100, daily: 5, changeRequestUrl: 'https://support.example.com/limits' });
  const [march] = body.months;
  expect(march).toMatchObject({ month: '2026-03', used: 9, remaining: 91, share: 0.09, projected: 9 });
  expect(march.days).toHaveLength(31);
  expect(march.days.slice(0, 4)).toEqual([
    { date: '2026-03-01', volume: 0, cumulative: 0, dailyShare: 0 },
    { date: '2026-03-02', volume: 7, cumulative: 7, dailyShare: 1.4 },
    { date: '2026-03-03', volume: 2, cumulative: 9, dailyShare: 0.4 },
    { date: '2026-03-04', volume: 0, cumulative: 9, dailyShare: 0 },
  ]);
  const three = await stats('/stats/sending-limit', { month: '2026-04', months: 3 });
  expect(three.body.months.map((month: { month: string; used: number }) => [month.month, month.used])).toEqual([
    ['2026-02', 0],
    ['2026-03', 9],
    ['2026-04', 0],
  ]);
});

test('values for variables: templates, domains and result codes seen in the range', async () => {
  const templates = await stats('/values/templates');
  expect(templates.body).toEqual({ values: ['Welcome', KOREAN_TEMPLATE].sort() });
  const domains = await stats('/values/domains', { q: 'A' });
  expect(domains.body).toEqual({ values: ['daum.net', 'gmail.com', 'naver.com'] });
  const codes = await stats('/values/result-codes', { q: 'mail' });
  expect(codes.body).toEqual({ values: ['MAILBOX_ERROR', 'MAIL_SENT'] });
});

test('weeks start on Monday and months on the 1st, in the zone', async () => {
  const weeks = await stats('/stats/request-date', { from: '2026-03-01', to: '2026-03-16', interval: '1w' });
  expect(weeks.body.rows.map((row: { time: string; requestCount: number }) => [row.time, row.requestCount])).toEqual([
    ['2026-02-23T00:00:00+09:00', 0],
    ['2026-03-02T00:00:00+09:00', 10],
    ['2026-03-09T00:00:00+09:00', 0],
  ]);
  const months = await stats('/stats/send-date', { from: '2026-02-01', to: '2026-04-01', interval: '1M' });
  expect(months.body.rows.map((row: { time: string; sentCount: number }) => [row.time, row.sentCount])).toEqual([
    ['2026-02-01T00:00:00+09:00', 0],
    ['2026-03-01T00:00:00+09:00', 8],
  ]);
});

test('each measurement sums to the same totals: the detail and its three rollups', async () => {
  const influx = backend.services.influx;
  const sums = await influx.query(
    ['mail_counts', 'mail_by_template', 'mail_by_domain', 'mail_totals']
      .map((measurement) => `SELECT sum("n") FROM "${measurement}" WHERE "account" = 'acme' AND "axis" = 'request'`)
      .join('; ')
  );
  // 10 requested + 10 results + 1 canceled + 3 opened + 1 unsubscribed, on the request date
  expect(sums.map((result) => result.series[0].values[0][1])).toEqual([25, 25, 25, 25]);
  const [results] = await influx.query(
    `SELECT sum("n") FROM "mail_results_by_domain" WHERE "account" = 'acme' AND "axis" = 'request' AND "kind" = 'result'`
  );
  expect(results.series[0].values[0][1]).toBe(10);
  const series = await influx.query('SHOW SERIES FROM "mail_totals"');
  expect(
    series[0].series[0].values.every(([key]) => !String(key).includes('template=') && !String(key).includes('domain='))
  ).toBe(true);
});
