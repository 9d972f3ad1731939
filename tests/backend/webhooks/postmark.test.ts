/** Postmark: basic auth on the webhook URL; Postmark's sample records (samples/postmark.ts), replays, a burst, refusals. */
import type { TestBackend } from '../../support/backend';
import * as samples from './samples/postmark';
import { allViews, expectedTotals, postWebhook, putSource, startWebhookBackend } from './support';

const RANGE = { from: '2014-01-01', to: '2017-01-01', tz: 'UTC' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let backend: TestBackend;

beforeAll(async () => {
  backend = await startWebhookBackend();
  const credentials = { username: 'postmark', password: 'correct horse battery staple' };
  expect((await putSource(backend, 'pm', { vendor: 'postmark', account: 'acme', ...credentials })).status).toBe(201);
  expect((await putSource(backend, 'pm-burst', { vendor: 'postmark', account: 'beta', ...credentials })).status).toBe(
    201
  );
});

afterAll(() => backend.stop());

const post = (record: unknown, auth = basic('postmark', 'correct horse battery staple'), sourceId = 'pm') =>
  postWebhook(backend, 'postmark', sourceId, JSON.stringify(record), { Authorization: auth });

const RECORDS = [
  samples.BOUNCE,
  samples.DELIVERY,
  samples.OPEN,
  { ...samples.OPEN, FirstOpen: false },
  samples.SPAM_COMPLAINT,
  samples.SUBSCRIPTION_CHANGE,
];

/** By hand: HardBounce → RECIPIENT_ADDRESS_ERROR (2014, john@example.com); one delivery, first open, complaint, unsubscribe (2016); the repeat open is not counted. */
const COUNTS = {
  sentCount: 2,
  deliveredCount: 1,
  bouncedCount: 1,
  openedCount: 1,
  complaintCount: 1,
  unsubscribeCount: 1,
};

async function expectSampleNumbers() {
  const views = await allViews(backend, backend.keys.acme, RANGE);
  expect(views.request).toEqual(expectedTotals(COUNTS, 'request'));
  expect(views.send).toEqual(expectedTotals(COUNTS, 'send'));
  expect(views.domains).toEqual([{ domain: 'example.com', count: 2, share: 1 }]);
  expect(views.resultCodes).toEqual([
    { resultCode: 'MAIL_SENT', class: 'delivered', count: 1, share: 0.5 },
    { resultCode: 'RECIPIENT_ADDRESS_ERROR', class: 'bounced', count: 1, share: 0.5 },
  ]);
}

test("Postmark's records count exactly; a retried record counts once", async () => {
  const answers = [];
  for (const record of RECORDS) {
    answers.push((await post(record)).body);
  }
  expect(answers.map((answer) => [answer.accepted, answer.ignored])).toEqual([
    [1, 0],
    [1, 0],
    [1, 0],
    [0, 1],
    [1, 0],
    [1, 0],
  ]);
  await expectSampleNumbers();
  for (const record of RECORDS) {
    expect((await post(record)).status).toBe(200);
  }
  await expectSampleNumbers();
});

test('a burst of 30 concurrent deliveries counts 30 for the source account', async () => {
  const answers = await Promise.all(
    Array.from({ length: 30 }, (_unused, i) =>
      post({ ...samples.DELIVERY, MessageID: `burst-${i}`, Recipient: `r${i}@burst.example` }, undefined, 'pm-burst')
    )
  );
  expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(200));
  const views = await allViews(backend, backend.keys.beta, RANGE);
  expect(views.request).toEqual(expectedTotals({ sentCount: 30, deliveredCount: 30 }, 'request'));
});

test('no credentials, wrong password, unknown source: 4xx and nothing counted', async () => {
  const attack = { ...samples.DELIVERY, MessageID: 'attack' };
  expect((await postWebhook(backend, 'postmark', 'pm', JSON.stringify(attack))).status).toBe(401);
  expect((await post(attack, basic('postmark', 'wrong'))).body.error.code).toBe('unverified');
  expect((await post(attack, undefined, 'nobody')).status).toBe(404);
  await expectSampleNumbers();
});
