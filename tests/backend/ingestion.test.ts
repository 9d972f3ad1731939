/** Ingestion: every distinct id counted once, replays change nothing (across restarts), bad batches refused whole. */
import { startBackend } from '../../backend/server';
import { rmSync } from 'node:fs';
import { startTestBackend, testConfig, TEST_KEYS, type TestBackend } from '../support/backend';
import { getStats, postEvents, postNdjsonGzip } from '../support/http';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});

afterAll(() => backend.stop());

const DAY = { from: '2026-06-01', to: '2026-06-02', tz: 'UTC' };

async function totals(key: string = backend.keys.acme, params: Record<string, string | string[]> = {}) {
  const { status, body } = await getStats(backend.url, key, '/stats/request-date', { ...DAY, ...params });
  expect(status).toBe(200);
  return body.totals;
}

/** Identical in every field but the id: one bucket, one tag set, one timestamp. */
const lookalikes = (prefix: string, n: number) =>
  Array.from({ length: n }, (_unused, i) => ({
    id: `${prefix}-${i}`,
    type: 'requested',
    template: 'Bulk',
    recipient: 'user@example.com',
    requestedAt: '2026-06-01T12:00:00Z',
  }));

test('5,000 identical-looking requested events with distinct ids are all counted', async () => {
  const answer = await postNdjsonGzip(backend.url, backend.keys.acme, lookalikes('bulk', 5000));
  expect(answer).toMatchObject({ status: 202, body: { accepted: 5000, duplicates: 0 } });
  expect((await totals()).requestCount).toBe(5000);
});

test('a replayed batch, and duplicates inside a batch, change nothing', async () => {
  const batch = lookalikes('replay', 300);
  expect((await postEvents(backend.url, backend.keys.acme, batch)).body).toEqual({ accepted: 300, duplicates: 0 });
  const before = (await totals()).requestCount;
  expect((await postEvents(backend.url, backend.keys.acme, batch)).body).toEqual({ accepted: 300, duplicates: 300 });
  expect((await postEvents(backend.url, backend.keys.acme, [batch[0], batch[0]])).body).toEqual({
    accepted: 2,
    duplicates: 2,
  });
  expect((await totals()).requestCount).toBe(before);
});

test('an event id is unique per account: the same id in another account counts there', async () => {
  const event = {
    id: 'shared-id',
    type: 'requested',
    domain: 'example.com',
    requestedAt: '2026-06-01T08:00:00Z',
    count: 7,
  };
  const beforeAcme = (await totals()).requestCount;
  expect((await postEvents(backend.url, backend.keys.beta, [event])).body).toEqual({ accepted: 1, duplicates: 0 });
  expect((await postEvents(backend.url, backend.keys.acme, [event])).body).toEqual({ accepted: 1, duplicates: 0 });
  expect((await totals(backend.keys.beta)).requestCount).toBe(7);
  expect((await totals()).requestCount).toBe(beforeAcme + 7);
});

test('a batch with one bad event is refused whole, with per-event details', async () => {
  const before = (await totals()).requestCount;
  const batch = [
    ...lookalikes('refused', 3),
    {
      id: 'bad-1',
      type: 'result',
      domain: 'example.com',
      requestedAt: '2026-06-01T00:00:00Z',
      sentAt: '2026-06-01T00:01:00Z',
      resultCode: 'MAIL_BOUNCED_MAYBE',
    },
    { id: 'bad-2', type: 'requested', requestedAt: 'yesterday', count: 0 },
  ];
  const { status, body } = await postEvents(backend.url, backend.keys.acme, batch);
  expect(status).toBe(400);
  expect(body.error.code).toBe('invalid_events');
  expect(body.error.message).toBe('2 of 5 events are invalid; nothing was accepted');
  expect(body.error.details).toEqual([
    { index: 3, field: 'resultCode', message: 'resultCode "MAIL_BOUNCED_MAYBE" is not a known result code' },
    { index: 4, field: 'recipient', message: 'recipient or domain is required' },
    {
      index: 4,
      field: 'requestedAt',
      message: 'requestedAt must be ISO 8601 with an offset (e.g. 2026-03-29T09:30:00+09:00) or epoch milliseconds',
    },
    { index: 4, field: 'count', message: 'count must be a whole number from 1 to 1000000' },
  ]);
  expect((await totals()).requestCount).toBe(before);
  // The good events of the refused batch were not remembered as seen either.
  expect((await postEvents(backend.url, backend.keys.acme, lookalikes('refused', 3))).body).toEqual({
    accepted: 3,
    duplicates: 0,
  });
});

test('results need sentAt and a code; opens need sentAt; a local time without offset is refused', async () => {
  const { status, body } = await postEvents(backend.url, backend.keys.acme, [
    { id: 'x1', type: 'result', domain: 'a.com', requestedAt: '2026-06-01T00:00:00Z' },
    { id: 'x2', type: 'opened', domain: 'a.com', requestedAt: '2026-06-01T00:00:00Z' },
    { id: 'x3', type: 'requested', domain: 'a.com', requestedAt: '2026-06-01T00:00:00' },
    { id: 'x4', type: 'bounced', domain: 'a.com', requestedAt: '2026-06-01T00:00:00Z' },
    'not an object',
  ]);
  expect(status).toBe(400);
  expect(body.error.details).toEqual([
    { index: 0, field: 'sentAt', message: 'sentAt is required' },
    { index: 0, field: 'resultCode', message: 'resultCode is required for result events' },
    { index: 1, field: 'sentAt', message: 'sentAt is required' },
    {
      index: 2,
      field: 'requestedAt',
      message: 'requestedAt must be ISO 8601 with an offset (e.g. 2026-03-29T09:30:00+09:00) or epoch milliseconds',
    },
    {
      index: 3,
      field: 'type',
      message: 'type must be one of requested, result, opened, unsubscribed, complained, canceled',
    },
    { index: 4, message: 'event must be a JSON object' },
  ]);
});

test('bodies that are not a batch get clear 4xx answers', async () => {
  const post = (body: string, type: string) =>
    fetch(`${backend.url}/api/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${backend.keys.acme}`, 'Content-Type': type },
      body,
    }).then(async (answer) => ({ status: answer.status, body: await answer.json() }));
  expect(await post('{"id":1', 'application/json')).toMatchObject({
    status: 400,
    body: { error: { code: 'invalid_json' } },
  });
  expect(await post('{"id":"a"}', 'application/json')).toMatchObject({
    status: 400,
    body: { error: { code: 'invalid_body', message: 'the body must be a JSON array of events' } },
  });
  expect(await post('[]', 'application/json')).toMatchObject({
    status: 400,
    body: { error: { code: 'invalid_body' } },
  });
  expect(await post('id=1', 'text/plain')).toMatchObject({
    status: 415,
    body: { error: { code: 'unsupported_media_type' } },
  });
  expect(await post('{"id":"a","type":"requested"}\nnot json', 'application/x-ndjson')).toMatchObject({
    status: 400,
    body: { error: { code: 'invalid_json', message: expect.stringContaining('line 2 is not valid JSON') } },
  });
});

test('accepted ids are remembered across a restart on the same DATA_DIR and database', async () => {
  const config = testConfig();
  const batch = lookalikes('restart', 10).map((event) => ({ ...event, count: 3 }));
  const first = await startBackend(config, { log: () => undefined });
  expect((await postEvents(first.url, TEST_KEYS.acme, batch)).body).toEqual({ accepted: 10, duplicates: 0 });
  await first.stop();
  const restarted = await startBackend(config, { log: () => undefined });
  try {
    expect((await postEvents(restarted.url, TEST_KEYS.acme, batch)).body).toEqual({ accepted: 10, duplicates: 10 });
    const { body } = await getStats(restarted.url, TEST_KEYS.acme, '/stats/request-date', DAY);
    expect(body.totals.requestCount).toBe(30);
  } finally {
    await restarted.stop();
    rmSync(config.dataDir, { recursive: true, force: true });
  }
});
