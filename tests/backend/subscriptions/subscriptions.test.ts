/**
 * Subscription periods through the real HTTP API and InfluxDB: views, export and values show the
 * latest period only; period=all (admin) shows every period; periods survive a restart.
 */
import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { startBackend } from '../../../backend/server';
import { startTestBackend, testConfig, TEST_KEYS, type TestBackend } from '../../support/backend';
import { call, getStats, postEvents } from '../../support/http';

const requested = (id: string, domain: string, requestedAt: string, count = 1) => ({
  id,
  type: 'requested',
  template: 'Welcome',
  domain,
  requestedAt,
  count,
});

/** Mails requested and sent at once: they count in the time views and (as results) in the domain view. */
const mails = (id: string, domain: string, requestedAt: string, count: number) => [
  requested(id, domain, requestedAt, count),
  {
    ...requested(`${id}-sent`, domain, requestedAt, count),
    type: 'result',
    resultCode: 'MAIL_SENT',
    sentAt: requestedAt,
  },
];

/** Before the first period: 2 mails to old.example on 10 March, 3 on the subscription day before it starts. */
const EARLIER = [
  ...mails('e-1', 'old.example', '2026-03-10T12:00:00+09:00', 2),
  ...mails('e-2', 'old.example', '2026-03-15T09:50:00+09:00', 3),
];
/** In the first period, which starts 2026-03-15T10:00+09:00. */
const FIRST = [
  ...mails('f-1', 'gmail.com', '2026-03-15T10:00:00+09:00', 4),
  ...mails('f-2', 'gmail.com', '2026-03-16T08:00:00+09:00', 5),
];
const SUBSCRIBED_AT = '2026-03-15T10:00:00+09:00';

let backend: TestBackend;
const admin = (path: string, init: Parameters<typeof call>[2] = {}) =>
  call(`${backend.url}/api/v1${path}`, TEST_KEYS.admin, init);
const subscribe = (account: string, subscribedAt: string) =>
  admin(`/accounts/${account}/subscription`, { method: 'PUT', body: { subscribedAt } });
const unsubscribe = (account: string, unsubscribedAt: string) =>
  admin(`/accounts/${account}/subscription`, { method: 'DELETE', body: { unsubscribedAt } });
const MARCH = { from: '2026-03-01', to: '2026-04-01' };

beforeAll(async () => {
  backend = await startTestBackend();
  expect((await postEvents(backend.url, TEST_KEYS.acme, EARLIER)).status).toBe(202);
  expect((await subscribe('acme', SUBSCRIBED_AT)).status).toBe(200);
  expect((await postEvents(backend.url, TEST_KEYS.acme, FIRST)).status).toBe(202);
});

afterAll(() => backend.stop());

test('the account answers with its open period', async () => {
  const answer = await call(`${backend.url}/api/v1/accounts/acme`, TEST_KEYS.readOnly);
  expect(answer).toMatchObject({
    status: 200,
    body: {
      account: 'acme',
      subscribedAt: '2026-03-15T01:00:00.000Z',
      periods: [{ subscribedAt: '2026-03-15T01:00:00.000Z', unsubscribedAt: null }],
    },
  });
});

test('an account never configured has no periods and shows everything', async () => {
  expect((await call(`${backend.url}/api/v1/accounts/beta`, TEST_KEYS.beta)).body).toEqual({
    account: 'beta',
    subscribedAt: null,
    periods: [],
  });
});

test('in Seoul the request-date view starts on the subscription day, with what came after it', async () => {
  const { status, body } = await getStats(backend.url, TEST_KEYS.acme, '/stats/request-date', {
    ...MARCH,
    tz: 'Asia/Seoul',
  });
  expect(status).toBe(200);
  expect(body.since).toBe(SUBSCRIBED_AT);
  expect(body.from).toBe(SUBSCRIBED_AT);
  expect(body.rows[0]).toMatchObject({ time: '2026-03-15T00:00:00+09:00', requestCount: 4 });
  expect(body.rows[1]).toMatchObject({ time: '2026-03-16T00:00:00+09:00', requestCount: 5 });
  expect(body.rows).toHaveLength(17); // 15 to 31 March
  expect(body.totals.requestCount).toBe(9);
});

test('in New York the same instant is the evening of 14 March', async () => {
  const { body } = await getStats(backend.url, TEST_KEYS.acme, '/stats/request-date', {
    ...MARCH,
    tz: 'America/New_York',
  });
  expect(body.since).toBe('2026-03-14T21:00:00-04:00');
  expect(body.rows[0]).toMatchObject({ time: '2026-03-14T00:00:00-04:00', requestCount: 4 });
  expect(body.rows[1]).toMatchObject({ time: '2026-03-15T00:00:00-04:00', requestCount: 5 });
  expect(body.rows[2]).toMatchObject({ time: '2026-03-16T00:00:00-04:00', requestCount: 0 });
  expect(body.totals.requestCount).toBe(9);
});

test('a read key may not ask for every period; an admin key may', async () => {
  const refused = await getStats(backend.url, TEST_KEYS.acme, '/stats/request-date', { ...MARCH, period: 'all' });
  expect(refused).toMatchObject({
    status: 403,
    body: { error: { code: 'forbidden_scope', message: 'period=all (every subscription period) needs an admin key' } },
  });
  const all = await getStats(backend.url, TEST_KEYS.admin, '/stats/request-date', {
    ...MARCH,
    account: 'acme',
    period: 'all',
  });
  expect(all.body.since).toBeUndefined();
  expect(all.body.totals.requestCount).toBe(14);
  const bad = await getStats(backend.url, TEST_KEYS.acme, '/stats/domains', { ...MARCH, period: 'previous' });
  expect(bad).toMatchObject({
    status: 400,
    body: { error: { code: 'invalid_parameter', message: 'period must be current or all' } },
  });
});

test('a second period cannot start while one is open, nor before the last one ended', async () => {
  expect(await subscribe('acme', '2026-04-01T00:00:00Z')).toMatchObject({
    status: 409,
    body: { error: { code: 'already_subscribed' } },
  });
  expect(await unsubscribe('acme', '2026-03-15T00:00:00Z')).toMatchObject({
    status: 400,
    body: {
      error: {
        code: 'invalid_time',
        message: "unsubscribedAt must be after the period's start, 2026-03-15T01:00:00.000Z",
      },
    },
  });
  expect(await subscribe('acme', '2099-01-01T00:00:00Z')).toMatchObject({
    status: 400,
    body: { error: { code: 'invalid_time', message: 'subscribedAt must not be in the future' } },
  });
  const readOnly = await call(`${backend.url}/api/v1/accounts/acme/subscription`, TEST_KEYS.acme, {
    method: 'PUT',
    body: { subscribedAt: '2026-04-01T00:00:00Z' },
  });
  expect(readOnly).toMatchObject({ status: 403, body: { error: { code: 'forbidden_scope' } } });
});

/** The second period: after an unsubscribe on 20 March and a re-subscription on 25 March. */
const SECOND = mails('s-1', 'new.example', '2026-03-26T12:00:00+09:00', 7);

async function domainsOf(key: string, params: Record<string, string> = {}): Promise<Record<string, number>> {
  const { body } = await getStats(backend.url, key, '/stats/domains', {
    ...MARCH,
    tz: 'Asia/Seoul',
    top: '100',
    ...params,
  });
  return Object.fromEntries(body.rows.map((row: { domain: string; count: number }) => [row.domain, row.count]));
}

describe('after unsubscribing and subscribing again', () => {
  beforeAll(async () => {
    expect((await unsubscribe('acme', '2026-03-20T00:00:00+09:00')).status).toBe(200);
  });

  test('events for an account without an open period are refused, naming its state', async () => {
    const answer = await postEvents(backend.url, TEST_KEYS.acme, [
      requested('x-1', 'gmail.com', '2026-03-21T00:00:00+09:00'),
    ]);
    expect(answer).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'account_not_subscribed',
          message:
            'account acme is not subscribed: its last period ended at 2026-03-19T15:00:00.000Z; its events are refused until a new period starts (PUT /api/v1/accounts/{account}/subscription)',
          details: [{ index: 0, field: 'account' }],
        },
      },
    });
    expect(
      (await postEvents(backend.url, TEST_KEYS.beta, [requested('x-1', 'gmail.com', '2026-03-21T00:00:00+09:00')]))
        .status
    ).toBe(202);
  });

  test('while unsubscribed, the views show the period that ended', async () => {
    const { body } = await getStats(backend.url, TEST_KEYS.acme, '/stats/request-date', { ...MARCH, tz: 'Asia/Seoul' });
    expect(body).toMatchObject({
      since: SUBSCRIBED_AT,
      until: '2026-03-20T00:00:00+09:00',
      to: '2026-03-20T00:00:00+09:00',
    });
    expect(body.totals.requestCount).toBe(9);
  });

  test('the new period hides the earlier ones from every view, the export and values; period=all shows them', async () => {
    expect((await subscribe('acme', '2026-03-25T00:00:00+09:00')).body.periods).toEqual([
      { subscribedAt: '2026-03-15T01:00:00.000Z', unsubscribedAt: '2026-03-19T15:00:00.000Z' },
      { subscribedAt: '2026-03-24T15:00:00.000Z', unsubscribedAt: null },
    ]);
    expect((await postEvents(backend.url, TEST_KEYS.acme, SECOND)).status).toBe(202);

    expect(await domainsOf(TEST_KEYS.acme)).toEqual({ 'new.example': 7 });
    expect(await domainsOf(TEST_KEYS.admin, { account: 'acme', period: 'all' })).toEqual({
      'old.example': 5,
      'gmail.com': 9,
      'new.example': 7,
    });
    const values = await getStats(backend.url, TEST_KEYS.acme, '/values/domains', { ...MARCH, tz: 'Asia/Seoul' });
    expect(values.body).toEqual({ values: ['new.example'] });
    const allValues = await getStats(backend.url, TEST_KEYS.admin, '/values/domains', {
      ...MARCH,
      tz: 'Asia/Seoul',
      account: 'acme',
      period: 'all',
    });
    expect(allValues.body).toEqual({ values: ['gmail.com', 'new.example', 'old.example'] });
    const sendDate = await getStats(backend.url, TEST_KEYS.acme, '/stats/request-date', { ...MARCH, tz: 'Asia/Seoul' });
    expect(sendDate.body).toMatchObject({ since: '2026-03-25T00:00:00+09:00', totals: { requestCount: 7 } });

    const limit = await getStats(backend.url, TEST_KEYS.acme, '/stats/sending-limit', {
      month: '2026-03',
      months: '1',
      tz: 'Asia/Seoul',
    });
    expect(limit.body.months[0].used).toBe(7);

    const download = await fetch(
      `${backend.url}/api/v1/stats/domains?from=2026-03-01&to=2026-04-01&tz=Asia/Seoul&top=100&format=xlsx`,
      {
        headers: { Authorization: `Bearer ${TEST_KEYS.acme}` },
      }
    );
    expect(download.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('new.example');
    expect(texts).toContain('statistics since 2026-03-25 00:00');
    expect(texts).not.toContain('gmail.com');
    expect(texts).not.toContain('old.example');
  });

  test("another account's period changes nothing for this one", async () => {
    expect((await subscribe('beta', '2026-03-31T00:00:00Z')).status).toBe(200);
    expect(await domainsOf(TEST_KEYS.acme)).toEqual({ 'new.example': 7 });
    expect((await call(`${backend.url}/api/v1/accounts/beta`, TEST_KEYS.acme)).status).toBe(403);
  });
});

test('periods survive a restart', async () => {
  const config = testConfig();
  const first = await startBackend(config, { log: () => undefined });
  const put = await call(`${first.url}/api/v1/accounts/acme/subscription`, TEST_KEYS.admin, {
    method: 'PUT',
    body: { subscribedAt: '2026-05-01T00:00:00Z' },
  });
  expect(put.status).toBe(200);
  await first.stop();
  const second = await startBackend(config, { log: () => undefined });
  try {
    const answer = await call(`${second.url}/api/v1/accounts/acme`, TEST_KEYS.acme);
    expect(answer.body).toEqual({
      account: 'acme',
      subscribedAt: '2026-05-01T00:00:00.000Z',
      periods: [{ subscribedAt: '2026-05-01T00:00:00.000Z', unsubscribedAt: null }],
    });
  } finally {
    await second.stop();
    rmSync(config.dataDir, { recursive: true, force: true });
  }
});
