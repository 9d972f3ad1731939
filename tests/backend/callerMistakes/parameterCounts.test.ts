/**
 * Issue 12, defect 2: parameters after the 1,000th were silently dropped. Every parameter
 * is applied, up to 500 values of each filter together, or the request is refused with 400.
 */
import { startTestBackend, type TestBackend } from '../../support/backend';
import { call, postEvents } from '../../support/http';

let backend: TestBackend;

const DAY = { requestedAt: '2026-07-01T10:00:00Z', sentAt: '2026-07-01T10:01:00Z' };

beforeAll(async () => {
  backend = await startTestBackend();
  const answer = await postEvents(backend.url, backend.keys.acme, [
    { id: 'p1', type: 'result', template: 't1', domain: 'a1.io', resultCode: 'MAILBOX_ERROR', count: 2, ...DAY },
    { id: 'p2', type: 'result', template: 't1', domain: 'a1.io', resultCode: 'MAIL_SENT', count: 5, ...DAY },
    { id: 'p3', type: 'result', template: 'X', domain: 'b.io', resultCode: 'MAIL_SENT', count: 11, ...DAY },
    { id: 'p4', type: 'result', template: 'other', domain: 'a1.io', resultCode: 'MAILBOX_ERROR', count: 13, ...DAY },
  ]);
  expect(answer.status).toBe(202);
});

afterAll(() => backend.stop());

const BASE = ['from=2026-07-01', 'to=2026-07-02', 'tz=UTC'];
const repeat = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i + 1));
const get = (path: string, pairs: string[]) =>
  call(`${backend.url}/api/v1${path}?${pairs.join('&')}`, backend.keys.acme);

test('497 domains, 500 templates and a result code after them: every filter is applied', async () => {
  const pairs = [
    ...BASE,
    ...repeat(497, (i) => `domain=a${i}.io`),
    ...repeat(500, (i) => `template=t${i}`),
    'resultCode=MAILBOX_ERROR',
  ];
  expect(pairs.length).toBe(1001);
  const answer = await get('/stats/domains', pairs);
  expect(answer.status).toBe(200);
  // only p1: t1 at a1.io with MAILBOX_ERROR (p2 has another code, p4 another template, p3 neither)
  expect(answer.body.totals).toEqual({ count: 2 });
  expect(answer.body.rows).toEqual([{ domain: 'a1.io', count: 2, share: 1 }]);
});

test('997 unknown parameters before a filter: the filter is applied', async () => {
  const pairs = [...BASE, ...repeat(997, (i) => `junk${i}=1`), 'template=X'];
  const answer = await get('/stats/request-date', pairs);
  expect(answer.status).toBe(200);
  expect(answer.body.totals.sentCount).toBe(11);
});

test('a bad tz as the 1,001st parameter is refused, not answered in UTC', async () => {
  const pairs = [...repeat(1000, (i) => `junk${i}=1`), 'tz=Mars/Olympus'];
  const answer = await get('/stats/request-date', pairs);
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    error: {
      code: 'invalid_tz',
      message: 'tz "Mars/Olympus" is not an IANA time zone (e.g. Asia/Seoul, Europe/Berlin, UTC)',
    },
  });
});

test('more parameters than the backend takes: 400 saying how many are taken', async () => {
  const answer = await get('/stats/request-date', [...BASE, ...repeat(1998, () => 'x')]);
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    error: { code: 'too_many_parameters', message: 'the query has 2001 parameters; at most 2000 are taken' },
  });
});

test('501 values of one filter: 400 naming the filter and its limit', async () => {
  const answer = await get('/stats/request-date', [...BASE, ...repeat(501, (i) => `template=t${i}`)]);
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({ error: { code: 'invalid_filter', message: 'template takes at most 500 values' } });
});
