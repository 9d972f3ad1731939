/** Postmark: basic auth on the webhook URL; Postmark's sample records (samples/postmark.ts), replays, a burst, refusals. */
import type { TestBackend } from '../../support/backend';
import * as samples from './samples/postmark';
import { answersOf, expectBurst, expectViews, postInTurn, postWebhook, startWebhookBackend } from './support';

const RANGE = { from: '2014-01-01', to: '2017-01-01', tz: 'UTC' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let backend: TestBackend;

beforeAll(async () => {
  const credentials = { username: 'postmark', password: 'correct horse battery staple' };
  backend = await startWebhookBackend({
    pm: { vendor: 'postmark', account: 'acme', ...credentials },
    'pm-burst': { vendor: 'postmark', account: 'beta', ...credentials },
  });
});

afterAll(() => backend.stop());

const post = (record: unknown, auth = basic('postmark', 'correct horse battery staple'), sourceId = 'pm') =>
  postWebhook(backend, 'postmark', sourceId, JSON.stringify(record), { Authorization: auth });

const RECORDS = [
  samples.BOUNCE,
  samples.DELIVERY,
  samples.OPEN,
  samples.SPAM_COMPLAINT,
  samples.SUBSCRIPTION_CHANGE,
  { ...samples.OPEN, FirstOpen: false },
];

/** By hand from Postmark's records, all at example.com; Postmark reports no request, and the repeat open is not counted. */
const EXPECTED = {
  counts: {
    sentCount: 2, // the delivery (2016) and the bounce (2014)
    deliveredCount: 1,
    bouncedCount: 1, // HardBounce: RECIPIENT_ADDRESS_ERROR
    openedCount: 1, // FirstOpen
    complaintCount: 1,
    unsubscribeCount: 1, // SuppressSending, ManualSuppression
  },
  domains: [{ domain: 'example.com', count: 2, share: 1 }],
  resultCodes: [
    { resultCode: 'MAIL_SENT', class: 'delivered', count: 1, share: 0.5 },
    { resultCode: 'RECIPIENT_ADDRESS_ERROR', class: 'bounced', count: 1, share: 0.5 },
  ],
  limit: { month: '2016-12', used: 0 }, // no request: the delivery's month stays unused
};
const expectSampleNumbers = () => expectViews(backend, backend.keys.acme, RANGE, EXPECTED);

test("Postmark's records count exactly; a retried record counts once", async () => {
  expect(await postInTurn(RECORDS, post)).toEqual(answersOf(5, 1));
  await expectSampleNumbers();
  expect(await postInTurn(RECORDS, post)).toEqual(answersOf(5, 1, true));
  await expectSampleNumbers();
});

test('a burst of 30 concurrent deliveries counts 30 for the source account', async () => {
  const calls = Array.from({ length: 30 }, (_unused, i) =>
    post({ ...samples.DELIVERY, MessageID: `burst-${i}`, Recipient: `r${i}@burst.example` }, undefined, 'pm-burst')
  );
  await expectBurst(backend, RANGE, calls, 30);
});

test('no credentials, wrong password, unknown source: 4xx and nothing counted', async () => {
  const attack = { ...samples.DELIVERY, MessageID: 'attack' };
  expect((await postWebhook(backend, 'postmark', 'pm', JSON.stringify(attack))).status).toBe(401);
  expect((await post(attack, basic('postmark', 'wrong'))).body.error.code).toBe('unverified');
  expect((await post(attack, undefined, 'nobody')).status).toBe(404);
  await expectSampleNumbers();
});
