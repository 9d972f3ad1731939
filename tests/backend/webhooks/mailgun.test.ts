/** Mailgun: HMAC-SHA256 over timestamp + token with our signing key; samples/mailgun.ts; replayed tokens refused durably. */
import { createHmac, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { startBackend } from '../../../backend/server';
import { testConfig, type TestBackend } from '../../support/backend';
import * as samples from './samples/mailgun';
import {
  answersOf,
  expectBurst,
  expectViews,
  postInTurn,
  postWebhook,
  putSource,
  startWebhookBackend,
} from './support';

const SIGNING_KEY = 'key-0123456789abcdef0123456789abcdef';
const RANGE = { from: '2026-02-01', to: '2026-03-01', tz: 'UTC' };

let backend: TestBackend;

beforeAll(async () => {
  backend = await startWebhookBackend({
    mg: { vendor: 'mailgun', account: 'acme', signingKey: SIGNING_KEY },
    'mg-burst': { vendor: 'mailgun', account: 'beta', signingKey: SIGNING_KEY },
  });
});

afterAll(() => backend.stop());

function signed(eventData: unknown, options: { at?: number; key?: string; token?: string } = {}) {
  const timestamp = String(Math.floor((options.at ?? Date.now()) / 1000));
  const token = options.token ?? randomBytes(25).toString('hex');
  const signature = createHmac('sha256', options.key ?? SIGNING_KEY)
    .update(timestamp + token)
    .digest('hex');
  return JSON.stringify({ signature: { timestamp, token, signature }, 'event-data': eventData });
}

const post = (body: string, sourceId = 'mg') => postWebhook(backend, 'mailgun', sourceId, body);

const EVENTS = [
  samples.ACCEPTED,
  samples.DELIVERED,
  samples.TEMPORARY_FAILURE,
  samples.PERMANENT_FAILURE,
  samples.OPENED,
  samples.MACHINE_OPENED,
  samples.COMPLAINED,
  samples.UNSUBSCRIBED,
  samples.CLICKED,
];

/** By hand from the samples, all at sample.mailgun.com but the Apple proxy open (icloud.com); the click is not counted. */
const EXPECTED = {
  counts: {
    requestCount: 1, // accepted
    sentCount: 2, // delivered, and the permanent failure
    deliveredCount: 1, // delivered: MAIL_SENT
    bouncedCount: 1, // permanent 5.1.1: RECIPIENT_ADDRESS_ERROR
    openedCount: 1, // a person's open
    machineOpenedCount: 1, // client-info bot "apple"
    complaintCount: 1,
    unsubscribeCount: 1,
  },
  domains: [{ domain: 'sample.mailgun.com', count: 3, share: 1 }],
  resultCodes: [
    { resultCode: 'MAILBOX_ABNORMAL', class: 'deferred', count: 1, share: 1 / 3 }, // temporary 4.2.2
    { resultCode: 'MAIL_SENT', class: 'delivered', count: 1, share: 1 / 3 },
    { resultCode: 'RECIPIENT_ADDRESS_ERROR', class: 'bounced', count: 1, share: 1 / 3 },
  ],
  limit: { month: '2026-02', used: 1 }, // accepted on February 3
};
const expectSampleNumbers = () => expectViews(backend, backend.keys.acme, RANGE, EXPECTED);

test('signed events count exactly; a retry with a fresh token counts once; a repeat open counts nothing', async () => {
  expect(await postInTurn(EVENTS, (event) => post(signed(event)))).toEqual(answersOf(8, 1));
  await expectSampleNumbers();
  // Mailgun's retry: the same event id with a new signature.
  expect(await postInTurn(EVENTS, (event) => post(signed(event)))).toEqual(answersOf(8, 1, true));
  expect((await post(signed({ ...samples.OPENED, id: 'another-open-event' }))).body).toEqual({
    accepted: 1,
    duplicates: 1,
    ignored: 0,
  });
  await expectSampleNumbers();
});

test('a burst of 30 concurrent deliveries counts 30 for the source account', async () => {
  const calls = Array.from({ length: 30 }, (_unused, i) =>
    post(signed({ ...samples.DELIVERED, id: `burst-${i}`, recipient: `r${i}@burst.example` }), 'mg-burst')
  );
  await expectBurst(backend, RANGE, calls, 30);
});

test('unsigned, forged, stale, replayed token, unknown source: 4xx and nothing counted', async () => {
  const attack = { ...samples.DELIVERED, id: 'attack', recipient: 'x@attack.example' };
  expect((await post(JSON.stringify({ 'event-data': attack }))).status).toBe(401);
  expect((await post(signed(attack, { key: 'key-forged' }))).body.error.code).toBe('unverified');
  expect((await post(signed(attack, { at: Date.now() - 3600_000 }))).body.error.code).toBe('stale_timestamp');
  expect((await post(signed(attack), 'nobody')).status).toBe(404);
  // A captured call replayed with its own valid signature is refused for its token (a click: it counts nothing).
  const captured = signed({ ...samples.CLICKED, id: 'captured' }, { token: 'captured-token-0123456789' });
  expect((await post(captured)).body).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
  expect((await post(captured)).body.error.code).toBe('replayed_token');
  const sameToken = signed({ ...samples.DELIVERED, id: 'other' }, { token: 'captured-token-0123456789' });
  expect((await post(sameToken)).status).toBe(403);
  await expectSampleNumbers();
});

test('a used token stays refused after a restart (durable in DATA_DIR)', async () => {
  const config = testConfig();
  const first = await startBackend(config, { log: () => undefined });
  const admin = { ...backend, url: first.url };
  expect((await putSource(admin, 'mg', { vendor: 'mailgun', account: 'acme', signingKey: SIGNING_KEY })).status).toBe(
    201
  );
  const call = signed({ ...samples.DELIVERED, id: 'before-restart' }, { token: 'token-across-restart-0123456789' });
  expect((await postWebhook(admin, 'mailgun', 'mg', call)).status).toBe(200);
  await first.stop();
  const second = await startBackend(config, { log: () => undefined });
  try {
    const replay = await postWebhook({ ...backend, url: second.url }, 'mailgun', 'mg', call);
    expect(replay).toMatchObject({ status: 403, body: { error: { code: 'replayed_token' } } });
  } finally {
    await second.stop();
    rmSync(config.dataDir, { recursive: true, force: true });
  }
});
