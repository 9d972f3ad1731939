/**
 * SendGrid's signed Event Webhook: our own ECDSA P-256 key signs SendGrid's sample events
 * (samples/sendgrid.ts); replays, repeat opens, a burst, and every refusal.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import type { TestBackend } from '../../support/backend';
import { SENDGRID_EVENTS } from './samples/sendgrid';
import { expectBurst, expectViews, postWebhook, startWebhookBackend } from './support';

const RANGE = { from: '2017-12-01', to: '2018-01-01', tz: 'UTC' };
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
/** As SendGrid shows the verification key: base64 of the DER public key. */
const SHOWN_KEY = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

let backend: TestBackend;

beforeAll(async () => {
  backend = await startWebhookBackend({
    sg: { vendor: 'sendgrid', account: 'acme', publicKey: SHOWN_KEY },
    'sg-burst': { vendor: 'sendgrid', account: 'beta', publicKey: publicKey.export({ type: 'spki', format: 'pem' }) },
  });
});

afterAll(() => backend.stop());

function signedPost(events: unknown, options: { sourceId?: string; key?: typeof privateKey; at?: number } = {}) {
  const body = JSON.stringify(events);
  const timestamp = String(Math.floor((options.at ?? Date.now()) / 1000));
  const signature = sign('sha256', Buffer.from(timestamp + body), {
    key: options.key ?? privateKey,
    dsaEncoding: 'der',
  });
  return postWebhook(backend, 'sendgrid', options.sourceId ?? 'sg', body, {
    'X-Twilio-Email-Event-Webhook-Signature': signature.toString('base64'),
    'X-Twilio-Email-Event-Webhook-Timestamp': timestamp,
  });
}

/** By hand from SendGrid's samples, all at test.com; the click is not counted. */
const EXPECTED = {
  counts: {
    requestCount: 1, // processed
    sentCount: 2, // delivered, and the bounce (the deferral and the drop are not sent)
    deliveredCount: 1,
    bouncedCount: 1, // "Invalid Address"
    openedCount: 1, // a person's open
    machineOpenedCount: 1, // sg_machine_open
    complaintCount: 1, // spamreport
    unsubscribeCount: 1,
  },
  domains: [{ domain: 'test.com', count: 4, share: 1 }],
  resultCodes: [
    { resultCode: 'MAIL_SENT', class: 'delivered', count: 1, share: 0.25 },
    { resultCode: 'RECIPIENT_ADDRESS_ERROR', class: 'bounced', count: 1, share: 0.25 },
    { resultCode: 'SMTP_ABNORMAL', class: 'deferred', count: 1, share: 0.25 }, // "400 try again later"
    { resultCode: 'UNSUBSCRIBE_ADDRESS', class: 'blocked', count: 1, share: 0.25 }, // dropped "Unsubscribed Address"
  ],
  limit: { month: '2017-12', used: 1 }, // processed on December 15
};
const expectSampleNumbers = () => expectViews(backend, backend.keys.acme, RANGE, EXPECTED);

test('signed sample events count exactly; a replay and a second open of the same mail count nothing', async () => {
  expect((await signedPost(SENDGRID_EVENTS)).body).toEqual({ accepted: 9, duplicates: 0, ignored: 1 });
  await expectSampleNumbers();
  expect((await signedPost(SENDGRID_EVENTS)).body).toEqual({ accepted: 9, duplicates: 9, ignored: 1 });
  const secondOpen = { ...SENDGRID_EVENTS[3], sg_event_id: 'second-open-of-the-same-mail', timestamp: 1513300000 };
  expect((await signedPost([secondOpen])).body).toEqual({ accepted: 1, duplicates: 1, ignored: 0 });
  await expectSampleNumbers();
});

test('a burst of 25 concurrent signed batches of 4 deliveries each counts 100 (PEM key source)', async () => {
  const batches = Array.from({ length: 25 }, (_unused, b) =>
    Array.from({ length: 4 }, (_unused2, i) => ({
      ...SENDGRID_EVENTS[2],
      email: `r${b}-${i}@burst.example`,
      sg_event_id: `burst-${b}-${i}`,
    }))
  );
  const calls = batches.map((batch) => signedPost(batch, { sourceId: 'sg-burst' }));
  await expectBurst(backend, RANGE, calls, 100);
});

test('unsigned, forged, stale, unknown source, malformed: 4xx and nothing counted', async () => {
  const attack = [{ ...SENDGRID_EVENTS[2], sg_event_id: 'attack', email: 'x@attack.example' }];
  expect((await postWebhook(backend, 'sendgrid', 'sg', JSON.stringify(attack))).status).toBe(401);
  expect((await signedPost(attack, { key: other.privateKey })).body.error.code).toBe('unverified');
  const stale = await signedPost(attack, { at: Date.now() - 3600_000 });
  expect(stale).toMatchObject({ status: 403, body: { error: { code: 'stale_timestamp' } } });
  expect((await signedPost(attack, { sourceId: 'nobody' })).status).toBe(404);
  const malformed = await signedPost([{ event: 'delivered' }]);
  expect(malformed.status).toBe(400);
  expect(malformed.body.error.details).toEqual(
    expect.arrayContaining([{ index: 0, field: 'sg_event_id', message: 'sg_event_id is missing or of the wrong type' }])
  );
  await expectSampleNumbers();
});
