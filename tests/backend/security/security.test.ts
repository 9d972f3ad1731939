/** Keys (hashed keys, never logged or echoed), rate limits, body limits, headers, /metrics access. */
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { hashKey, parseApiKeys } from '../../../backend/config';
import { createLogger } from '../../../backend/observability/logger';
import { startTestBackend, TEST_API_KEYS, TEST_KEYS, type TestBackend } from '../../support/backend';
import { call, postEvents } from '../../support/http';

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'requested',
  domain: 'example.com',
  requestedAt: '2026-04-01T10:00:00Z',
  ...extra,
});

let backend: TestBackend;
const logLines: string[] = [];

beforeAll(async () => {
  const capture = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  backend = await startTestBackend({ maxBodyBytes: 4096 }, { logger: createLogger('trace', capture) });
});

afterAll(() => backend.stop());

test('a key configured as sha256:<hex> authenticates with the key itself, not with its hash', async () => {
  const secret = 'hashedKey0123456789abcdef';
  const hashed = await startTestBackend({
    apiKeys: parseApiKeys(`${TEST_API_KEYS},gamma:ingest+read:sha256:${hashKey(secret)}`),
  });
  try {
    expect(await postEvents(hashed.url, secret, [event('h1', { count: 5 })])).toMatchObject({
      status: 202,
      body: { accepted: 1 },
    });
    const stats = await call(`${hashed.url}/api/v1/stats/request-date?from=2026-04-01&to=2026-04-02`, secret);
    expect(stats.body.totals.requestCount).toBe(5);
    expect((await call(`${hashed.url}/api/v1/limits`, `sha256:${hashKey(secret)}`)).status).toBe(401);
    expect((await call(`${hashed.url}/api/v1/limits`, hashKey(secret))).status).toBe(401);
  } finally {
    await hashed.stop();
  }
});

test('unknown, missing and misspelt keys get 401 without the key in the answer', async () => {
  const wrong = 'wrongKeyABCDEFGHIJ0123456789';
  for (const key of [wrong, `${TEST_KEYS.acme}x`, TEST_KEYS.acme.slice(0, -1)]) {
    const answer = await call(`${backend.url}/api/v1/limits`, key);
    expect(answer).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'unknown API key' } },
    });
    expect(JSON.stringify(answer.body)).not.toContain(key);
  }
  expect((await call(`${backend.url}/api/v1/limits`, undefined)).body.error.message).toBe(
    'missing API key: send Authorization: Bearer <key>'
  );
  const forbidden = await call(`${backend.url}/api/v1/limits?account=beta`, TEST_KEYS.acme);
  expect(forbidden.status).toBe(403);
  expect(JSON.stringify(forbidden.body)).not.toContain(TEST_KEYS.acme);
});

test('logs: one JSON line per request with request id, method, path, status, duration; never a key', async () => {
  logLines.length = 0;
  await call(`${backend.url}/api/v1/limits`, TEST_KEYS.acme, { headers: { 'X-Request-Id': 'trace-42' } });
  const unknown = await call(`${backend.url}/api/v1/limits`, 'unknownKey0123456789abc');
  await postEvents(backend.url, TEST_KEYS.acme, [{ id: 'bad', type: 'nope' }]);
  const entries = logLines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
  expect(entries).toHaveLength(3);
  expect(entries[0]).toMatchObject({
    level: 'info',
    requestId: 'trace-42',
    method: 'GET',
    path: '/api/v1/limits',
    status: 200,
    account: 'acme',
  });
  expect(typeof entries[0].durationMs).toBe('number');
  expect(entries[1]).toMatchObject({
    requestId: unknown.headers.get('x-request-id'),
    status: 401,
    errorCode: 'unauthorized',
  });
  expect(entries[1].requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(entries[2]).toMatchObject({
    method: 'POST',
    path: '/api/v1/events',
    status: 400,
    errorCode: 'invalid_events',
  });
  const all = logLines.join('\n');
  for (const key of [...Object.values(TEST_KEYS), 'unknownKey0123456789abc']) {
    expect(all).not.toContain(key);
  }
  expect(all.toLowerCase()).not.toContain('bearer');
});

test('X-Request-Id: a sane one is echoed, anything else is replaced', async () => {
  expect(
    (await call(`${backend.url}/healthz`, undefined, { headers: { 'X-Request-Id': 'abc-123' } })).headers.get(
      'x-request-id'
    )
  ).toBe('abc-123');
  const replaced = (
    await call(`${backend.url}/healthz`, undefined, { headers: { 'X-Request-Id': 'x'.repeat(500) } })
  ).headers.get('x-request-id');
  expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
});

test('bodies over MAX_BODY_BYTES get 413, gzip bombs included, and count nothing', async () => {
  const big = Array.from({ length: 60 }, (_unused, i) => event(`big-${i}`));
  expect(JSON.stringify(big).length).toBeGreaterThan(4096);
  const answer = await postEvents(backend.url, TEST_KEYS.acme, big);
  expect(answer).toMatchObject({
    status: 413,
    body: {
      error: { code: 'payload_too_large', message: 'the request body is larger than 4096 bytes; send smaller batches' },
    },
  });
  const bomb = gzipSync(Buffer.alloc(1_000_000, ' '));
  expect(bomb.length).toBeLessThan(4096);
  const inflated = await call(`${backend.url}/api/v1/events`, TEST_KEYS.acme, {
    method: 'POST',
    raw: bomb,
    headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
  });
  expect(inflated).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  const stats = await call(`${backend.url}/api/v1/stats/request-date?from=2026-04-01&to=2026-04-02`, TEST_KEYS.acme);
  expect(stats.body.totals.requestCount).toBe(0);
});

test('security headers on every answer, errors included; no X-Powered-By', async () => {
  for (const [url, status] of [
    [`${backend.url}/healthz`, 200],
    [`${backend.url}/api/v1/limits`, 401],
    [`${backend.url}/nowhere`, 404],
  ] as const) {
    const answer = await fetch(url);
    expect(answer.status).toBe(status);
    expect(
      Object.fromEntries(
        [...answer.headers].filter(
          ([name]) => !['date', 'content-length', 'etag', 'x-request-id', 'connection', 'keep-alive'].includes(name)
        )
      )
    ).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
  }
});

test('per-key rate limit: 429 with Retry-After once the bucket is empty, other keys unaffected', async () => {
  const limited = await startTestBackend({ rateLimitPerMinute: 3 });
  try {
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await call(`${limited.url}/api/v1/limits`, TEST_KEYS.acme)).status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await call(`${limited.url}/api/v1/limits`, TEST_KEYS.acme);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(19);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect((await call(`${limited.url}/api/v1/limits`, TEST_KEYS.beta)).status).toBe(200);
    // An unknown key is refused before it can use up anyone's bucket.
    expect((await call(`${limited.url}/api/v1/limits`, 'unknownKey0123456789abc')).status).toBe(401);
  } finally {
    await limited.stop();
  }
});

test('/metrics on the API port needs an admin key and reports ingestion and refusals', async () => {
  const fresh = await startTestBackend();
  try {
    expect((await call(`${fresh.url}/metrics`, undefined)).status).toBe(401);
    expect((await call(`${fresh.url}/metrics`, TEST_KEYS.acme)).status).toBe(403);
    await postEvents(fresh.url, TEST_KEYS.acme, [event('m1'), event('m2'), event('m3', { type: 'canceled' })]);
    await postEvents(fresh.url, TEST_KEYS.acme, [event('m1')]);
    await postEvents(fresh.url, TEST_KEYS.acme, [{ id: 'bad' }]);
    await call(`${fresh.url}/api/v1/stats/domains?from=2026-04-01&to=2026-04-02`, TEST_KEYS.acme);
    const metrics = await call(`${fresh.url}/metrics`, TEST_KEYS.admin);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text: string = metrics.body;
    expect(text).toContain('mda_ingested_events_total{type="requested"} 3');
    expect(text).toContain('mda_ingested_events_total{type="canceled"} 1');
    expect(text).toContain('mda_ingested_duplicate_events_total 1');
    expect(text).toContain('mda_ingest_refused_batches_total{code="invalid_events"} 1');
    expect(text).toContain('mda_query_seconds_count{view="domains"} 1');
    expect(text).toContain('mda_outbox_depth 0');
    expect(text).toContain('mda_outbox_age_seconds 0');
    expect(text).toMatch(/mda_influxdb_write_seconds_count [1-9]/);
    expect(text).toContain('mda_influxdb_write_errors_total 0');
  } finally {
    await fresh.stop();
  }
});

test('with METRICS_PORT, /metrics is served there without a key, and not on the API port', async () => {
  const separate = await startTestBackend({ metricsPort: 0 });
  try {
    expect(separate.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${separate.metricsUrl}/metrics`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('mda_outbox_depth 0');
    expect((await call(`${separate.url}/metrics`, TEST_KEYS.admin)).status).toBe(404);
  } finally {
    await separate.stop();
  }
});
