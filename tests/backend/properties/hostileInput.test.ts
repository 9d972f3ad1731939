/** Property: arbitrary bodies and query strings against every endpoint never give a 5xx, a crash or a stack trace. */
import fc from 'fast-check';
import { startTestBackend, TEST_KEYS, type TestBackend } from '../../support/backend';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});

afterAll(() => backend.stop());

const GETS = [
  '/api/v1/stats/request-date',
  '/api/v1/stats/send-date',
  '/api/v1/stats/domains',
  '/api/v1/stats/result-codes',
  '/api/v1/stats/sending-limit',
  '/api/v1/export',
  '/api/v1/values/templates',
  '/api/v1/values/domains',
  '/api/v1/values/result-codes',
  '/api/v1/limits',
  '/readyz',
];
const PARAMETERS = [
  'from',
  'to',
  'tz',
  'interval',
  'template',
  'domain',
  'resultCode',
  'var-template',
  'account',
  'format',
  'top',
  'month',
  'months',
  'views',
  'q',
];
const plausible = fc.constantFrom(
  '2026-04-01',
  '2026-04-02T00:00:00+09:00',
  '1775000000000',
  'Asia/Kathmandu',
  '1h',
  '1d',
  '1w',
  '1M',
  'xlsx',
  'json',
  '$__all',
  '(none)',
  'MAIL_SENT',
  '0',
  '-1',
  '3',
  '2026-13',
  'acme',
  'beta',
  ''
);
const value = fc.oneof(plausible, fc.string({ unit: 'binary', maxLength: 30 }));
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMETERS), fc.string({ maxLength: 10 })), value), {
  maxLength: 6,
});

interface Observed {
  status: number;
  text: string;
}

async function observe(path: string, init: RequestInit): Promise<Observed> {
  const answer = await fetch(`${backend.url}${path}`, init);
  return {
    status: answer.status,
    text: answer.headers.get('content-type')?.includes('json') ? await answer.text() : '',
  };
}

function expectNoFailure({ status, text }: Observed): void {
  expect(status).toBeLessThan(500);
  expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  if (status >= 400) {
    expect(JSON.parse(text)).toEqual({
      error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    });
  }
}

test('any query string on any read endpoint: an answer or a 4xx naming the problem', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...GETS),
      query,
      fc.constantFrom(TEST_KEYS.acme, TEST_KEYS.admin),
      async (path, pairs, key) => {
        const search = new URLSearchParams(pairs).toString();
        expectNoFailure(await observe(`${path}?${search}`, { headers: { Authorization: `Bearer ${key}` } }));
      }
    ),
    { numRuns: 100 }
  );
});

const eventish = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer()),
    type: fc.oneof(fc.constantFrom('requested', 'result', 'opened', 'unsubscribed', 'canceled'), fc.string()),
    account: fc.oneof(fc.constantFrom('acme', 'beta'), fc.string()),
    template: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue()),
    recipient: fc.oneof(fc.emailAddress(), fc.string()),
    domain: fc.oneof(fc.domain(), fc.string()),
    requestedAt: fc.oneof(
      fc.constantFrom('2026-04-01T00:00:00Z', '2026-04-01T00:00:00'),
      fc.integer(),
      fc.double(),
      fc.string()
    ),
    sentAt: fc.oneof(fc.constant('2026-04-01T01:00:00+09:00'), fc.jsonValue()),
    resultCode: fc.oneof(fc.constantFrom('MAIL_SENT', 'CANCELED_MAIL'), fc.string()),
    count: fc.oneof(fc.integer({ min: -5, max: 2_000_000 }), fc.double(), fc.string()),
    advertising: fc.jsonValue(),
  },
  { requiredKeys: [] }
);

test('any JSON body on POST /events and PUT /limits: 202/200 or a 4xx naming the problem', async () => {
  const body = fc.oneof(
    fc.jsonValue(),
    fc.array(eventish, { maxLength: 5 }),
    fc.array(fc.jsonValue(), { maxLength: 5 })
  );
  await fc.assert(
    fc.asyncProperty(
      body,
      fc.constantFrom(TEST_KEYS.acme, TEST_KEYS.admin),
      fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain'),
      async (json, key, type) => {
        const text =
          type === 'application/x-ndjson' && Array.isArray(json)
            ? json.map((item) => JSON.stringify(item)).join('\n')
            : JSON.stringify(json);
        const headers = { Authorization: `Bearer ${key}`, 'Content-Type': type };
        expectNoFailure(await observe('/api/v1/events', { method: 'POST', headers, body: text }));
        expectNoFailure(await observe('/api/v1/limits?account=acme', { method: 'PUT', headers, body: text }));
      }
    ),
    { numRuns: 100 }
  );
});

test('raw bytes, broken gzip and odd paths: 4xx, and the backend keeps answering', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 200 }),
      fc.boolean(),
      fc.string({ maxLength: 20 }),
      async (bytes, gzip, segment) => {
        const headers: Record<string, string> = {
          Authorization: `Bearer ${TEST_KEYS.acme}`,
          'Content-Type': 'application/json',
        };
        if (gzip) {
          headers['Content-Encoding'] = 'gzip';
        }
        expectNoFailure(await observe('/api/v1/events', { method: 'POST', headers, body: bytes }));
        expectNoFailure(await observe(`/api/v1/stats/${encodeURIComponent(segment)}`, { headers }));
        expectNoFailure(await observe(`/api/v1/values/${encodeURIComponent(segment)}`, { headers }));
      }
    ),
    { numRuns: 60 }
  );
  expect((await fetch(`${backend.url}/healthz`)).status).toBe(200);
});
