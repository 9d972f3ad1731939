/** Bad parameters get 4xx JSON naming the problem; filters are values, never query text; accounts are apart. */
import { startTestBackend, type TestBackend } from '../support/backend';
import { call, getStats, postEvents } from '../support/http';

let backend: TestBackend;

const INJECTIONS = [
  "x' OR '1'='1",
  "a'; DROP DATABASE mail_delivery; --",
  '" OR "account" =~ /.*/',
  'gmail.com\\',
  "') OR time > 0 --",
  '/.*/',
];

beforeAll(async () => {
  backend = await startTestBackend();
  const events = [
    {
      id: 'a1',
      type: 'requested',
      template: 'Plain',
      domain: 'gmail.com',
      requestedAt: '2026-07-01T10:00:00Z',
      count: 5,
    },
    {
      id: 'a2',
      type: 'requested',
      template: INJECTIONS[0],
      domain: 'naver.com',
      requestedAt: '2026-07-01T10:00:00Z',
      count: 2,
    },
    {
      id: 'a3',
      type: 'result',
      template: INJECTIONS[1],
      domain: 'naver.com',
      requestedAt: '2026-07-01T10:00:00Z',
      sentAt: '2026-07-01T10:01:00Z',
      resultCode: 'MAIL_SENT',
    },
  ];
  expect((await postEvents(backend.url, backend.keys.acme, events)).status).toBe(202);
  const beta = [
    {
      id: 'b1',
      type: 'requested',
      template: 'Plain',
      domain: 'gmail.com',
      requestedAt: '2026-07-01T10:00:00Z',
      count: 1000,
    },
  ];
  expect((await postEvents(backend.url, backend.keys.beta, beta)).status).toBe(202);
});

afterAll(() => backend.stop());

const RANGE = { from: '2026-07-01', to: '2026-07-02', tz: 'UTC' };
const acme = (path: string, params: Record<string, string | string[]>) =>
  getStats(backend.url, backend.keys.acme, path, { ...RANGE, ...params });

test.each([
  [
    '/stats/request-date',
    { tz: 'Mars/Olympus' },
    'invalid_tz',
    'tz "Mars/Olympus" is not an IANA time zone (e.g. Asia/Seoul, Europe/Berlin, UTC)',
  ],
  ['/stats/request-date', { interval: '5m' }, 'invalid_interval', 'interval must be one of 1h, 1d, 1w, 1M'],
  [
    '/stats/request-date',
    { from: 'last tuesday' },
    'invalid_time',
    'from must be ISO 8601 (e.g. 2026-03-01 or 2026-03-01T00:00:00+09:00) or epoch milliseconds',
  ],
  ['/stats/request-date', { from: '2026-07-02', to: '2026-07-01' }, 'invalid_time', 'from must be before to'],
  [
    '/stats/request-date',
    { from: '2000-01-01', interval: '1h' },
    'invalid_interval',
    'the range has more than 10000 buckets of 1h: choose a longer interval or a shorter range',
  ],
  [
    '/stats/request-date',
    { resultCode: 'MAIL_SENT' },
    'invalid_filter',
    'the request-date view cannot be filtered by resultCode; it takes template, domain',
  ],
  ['/stats/domains', { resultCode: 'NOT_A_CODE' }, 'invalid_filter', 'unknown result code "NOT_A_CODE"'],
  ['/stats/domains', { top: '0' }, 'invalid_parameter', 'top must be a whole number from 1 to 1000 or all'],
  [
    '/stats/sending-limit',
    { month: '2026-13' },
    'invalid_parameter',
    'month must be YYYY-MM between 2000-01 and 2099-12',
  ],
  ['/stats/sending-limit', { months: '4' }, 'invalid_parameter', 'months must be a whole number from 1 to 3'],
  ['/stats/request-date', { format: 'csv' }, 'invalid_parameter', 'format must be json or xlsx'],
  [
    '/stats/by-weather',
    {},
    'unknown_view',
    'no view "by-weather"; views are request-date, send-date, domains, result-codes, sending-limit',
  ],
  ['/values/colours', {}, 'unknown_values', 'no values "colours"; use templates, domains, result-codes'],
  [
    '/export',
    { views: 'request-date,nope' },
    'invalid_parameter',
    'views must list views from request-date, send-date, domains, result-codes, sending-limit; unknown: nope',
  ],
])('%s %j -> 4xx %s', async (path, params, code, message) => {
  const answer = await acme(path, params as Record<string, string>);
  expect(answer.status).toBe(code === 'unknown_view' || code === 'unknown_values' ? 404 : 400);
  expect(answer.body).toEqual({ error: { code, message } });
});

test('injection-looking filter values match only the series named by them', async () => {
  const byInjection = await acme('/stats/request-date', { template: INJECTIONS[0] });
  expect(byInjection.body.totals.requestCount).toBe(2);
  const dropping = await acme('/stats/request-date', { template: INJECTIONS[1] });
  expect(dropping.body.totals).toMatchObject({ requestCount: 0, sentCount: 1 });
  for (const value of INJECTIONS.slice(2)) {
    const answer = await acme('/stats/request-date', { template: value, domain: value });
    expect(answer.status).toBe(200);
    expect(answer.body.totals.requestCount).toBe(0);
  }
  const everything = await acme('/stats/request-date', {});
  expect(everything.body.totals.requestCount).toBe(7);
  const templates = await acme('/values/templates', {});
  expect(templates.body.values).toEqual([...INJECTIONS.slice(0, 2), 'Plain'].sort());
});

test("Grafana's spelling: var-NAME parameters and the $__all marker", async () => {
  const filtered = await acme('/stats/request-date', { 'var-template': ['Plain', INJECTIONS[0]] });
  expect(filtered.body.totals.requestCount).toBe(7);
  const all = await acme('/stats/request-date', { 'var-template': '$__all', 'var-domain': '$__all' });
  expect(all.body.totals.requestCount).toBe(7);
  const domain = await acme('/stats/request-date', { 'var-domain': 'NAVER.COM' });
  expect(domain.body.totals.requestCount).toBe(2);
});

test("one account never sees another account's numbers", async () => {
  const beta = await getStats(backend.url, backend.keys.beta, '/stats/request-date', RANGE);
  expect(beta.body.totals.requestCount).toBe(1000);
  const acmeTotals = await acme('/stats/request-date', {});
  expect(acmeTotals.body.totals.requestCount).toBe(7);
  const forBeta = await getStats(backend.url, backend.keys.admin, '/stats/request-date', { ...RANGE, account: 'beta' });
  expect(forBeta.body.totals.requestCount).toBe(1000);
});

test('401 without or with an unknown key, 403 for a missing scope or another account', async () => {
  const url = `${backend.url}/api/v1/stats/request-date`;
  expect(await call(url, undefined)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  const unknown = await call(url, 'notAKey0123456789abcdef');
  expect(unknown).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', message: 'unknown API key' } } });
  expect(JSON.stringify(unknown.body)).not.toContain('notAKey');
  expect(await call(`${url}?account=beta`, backend.keys.acme)).toMatchObject({
    status: 403,
    body: { error: { code: 'forbidden_account' } },
  });
  expect(await call(url, backend.keys.ingestOnly)).toMatchObject({
    status: 403,
    body: { error: { code: 'forbidden_scope' } },
  });
  expect(await call(url, backend.keys.admin)).toMatchObject({
    status: 400,
    body: { error: { code: 'account_required' } },
  });
  const ingestByReader = await postEvents(backend.url, backend.keys.readOnly, [
    { id: 'r', type: 'requested', domain: 'a.com', requestedAt: 0 },
  ]);
  expect(ingestByReader).toMatchObject({ status: 403, body: { error: { code: 'forbidden_scope' } } });
  const otherAccount = await postEvents(backend.url, backend.keys.acme, [
    { id: 'o', type: 'requested', account: 'beta', domain: 'a.com', requestedAt: '2026-07-01T00:00:00Z' },
  ]);
  expect(otherAccount).toMatchObject({ status: 403, body: { error: { code: 'forbidden_account' } } });
  const limitsByReader = await call(`${backend.url}/api/v1/limits`, backend.keys.acme, {
    method: 'PUT',
    body: { monthly: 1 },
  });
  expect(limitsByReader).toMatchObject({ status: 403, body: { error: { code: 'forbidden_scope' } } });
});

test('an admin key ingests for the account each event names', async () => {
  const events = [
    {
      id: 'adm-1',
      type: 'requested',
      account: 'beta',
      domain: 'gmail.com',
      requestedAt: '2026-07-01T12:00:00Z',
      count: 5,
    },
  ];
  expect((await postEvents(backend.url, backend.keys.admin, events)).status).toBe(202);
  const noAccount = await postEvents(backend.url, backend.keys.admin, [
    { id: 'adm-2', type: 'requested', domain: 'a.com', requestedAt: '2026-07-01T12:00:00Z' },
  ]);
  expect(noAccount.body.error.details).toEqual([
    { index: 0, field: 'account', message: 'account is required with an admin key (or pass ?account=)' },
  ]);
  const beta = await getStats(backend.url, backend.keys.beta, '/stats/request-date', RANGE);
  expect(beta.body.totals.requestCount).toBe(1005);
});

test('limits: unset ones are null; bad bodies are refused with the reason', async () => {
  const put = (body: unknown) =>
    call(`${backend.url}/api/v1/limits?account=beta`, backend.keys.admin, { method: 'PUT', body });
  expect((await call(`${backend.url}/api/v1/limits`, backend.keys.beta)).body).toEqual({
    monthly: null,
    daily: null,
    changeRequestUrl: 'https://support.example.com/sending-limit',
  });
  expect(await put({ monthly: -5, changeRequestUrl: 'javascript:alert(1)' })).toMatchObject({
    status: 400,
    body: {
      error: {
        code: 'invalid_limits',
        message:
          'monthly must be null or a whole number from 1 to 1000000000000; changeRequestUrl must be null or an http(s) URL',
      },
    },
  });
  expect((await put({ monthly: 50000, daily: null })).body).toEqual({
    monthly: 50000,
    daily: null,
    changeRequestUrl: 'https://support.example.com/sending-limit',
  });
});
