/**
 * SES through SNS: signed notifications (v1 and v2) from AWS's documented samples, replays,
 * a burst, subscription confirmation, and every way an unverified call is refused.
 * The signing certificate is our own (openssl), served by a local server that
 * SNS_CERT_URL_PATTERN allows; the samples are in samples/ses.ts with their sources.
 */
import { createSign } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestBackend } from '../../support/backend';
import * as samples from './samples/ses';
import {
  answersOf,
  expectBurst,
  expectViews,
  postInTurn,
  postWebhook,
  startLocalServer,
  startWebhookBackend,
  type LocalServer,
} from './support';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ses-events';
const RANGE = { from: '2016-01-01', to: '2018-01-01', tz: 'UTC' };

let backend: TestBackend;
let certServer: LocalServer;
let privateKey: string;
let otherKey: string;
let sequence = 0;

function makeCertificate(dir: string, name: string): { key: string; cert: string } {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=sns.test',
      '-days',
      '2',
    ],
    {
      stdio: 'ignore',
    }
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mda-sns-'));
  const signing = makeCertificate(dir, 'signing');
  const other = makeCertificate(dir, 'other');
  privateKey = signing.key;
  otherKey = other.key;
  certServer = await startLocalServer({ '/SimpleNotificationService-test.pem': signing.cert, '/confirm': 'ok' });
  const port = new URL(certServer.url).port;
  backend = await startWebhookBackend(
    {
      'ses-main': { vendor: 'ses', account: 'acme', topicArns: [TOPIC] },
      'ses-burst': { vendor: 'ses', account: 'beta' },
    },
    { snsCertUrlPattern: new RegExp(`^http://127\\.0\\.0\\.1:${port}/`) }
  );
}, 60_000);

afterAll(async () => {
  await backend.stop();
  await certServer.close();
});

interface Envelope extends Record<string, string | undefined> {
  Type: string;
  MessageId: string;
}

/** An SNS delivery of `message`, signed as SNS signs (fields in order, "Name\nvalue\n"). */
function snsEnvelope(
  message: unknown,
  options: {
    type?: string;
    version?: '1' | '2';
    key?: string;
    certUrl?: string;
    messageId?: string;
    topic?: string;
    extra?: Record<string, string>;
  } = {}
): Envelope {
  const envelope: Envelope = {
    Type: options.type ?? 'Notification',
    MessageId: options.messageId ?? `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
    TopicArn: options.topic ?? TOPIC,
    Message: typeof message === 'string' ? message : JSON.stringify(message),
    Timestamp: '2026-06-01T12:00:00.000Z',
    SignatureVersion: options.version ?? '1',
    SigningCertURL: options.certUrl ?? `${certServer.url}/SimpleNotificationService-test.pem`,
    ...options.extra,
  };
  const fields =
    envelope.Type === 'Notification'
      ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  const signed = fields
    .filter((field) => envelope[field] !== undefined)
    .map((field) => `${field}\n${envelope[field]}\n`)
    .join('');
  const signer = createSign(envelope.SignatureVersion === '2' ? 'RSA-SHA256' : 'RSA-SHA1');
  signer.update(signed);
  envelope.Signature = signer.sign(options.key ?? privateKey, 'base64');
  return envelope;
}

const post = (envelope: unknown, sourceId = 'ses-main') =>
  postWebhook(backend, 'ses', sourceId, JSON.stringify(envelope), { 'Content-Type': 'text/plain; charset=UTF-8' });

const DOCUMENTED = [
  samples.NOTIFICATION_BOUNCE_WITH_DSN,
  samples.NOTIFICATION_COMPLAINT_WITH_FEEDBACK,
  samples.NOTIFICATION_DELIVERY,
  samples.EVENT_SEND,
  samples.EVENT_DELIVERY,
  samples.EVENT_REJECT,
  samples.EVENT_BOUNCE,
  samples.EVENT_OPEN,
  samples.EVENT_CLICK,
];

/** By hand from the samples, all at example.com; the click is not counted. */
const EXPECTED = {
  counts: {
    requestCount: 1, // the Send event
    sentCount: 4, // two deliveries, two bounces (the Reject is never sent)
    deliveredCount: 2,
    bouncedCount: 2, // jane and recipient, 5.1.1: RECIPIENT_ADDRESS_ERROR
    openedCount: 1,
    complaintCount: 1,
  },
  domains: [{ domain: 'example.com', count: 5, share: 1 }],
  resultCodes: [
    { resultCode: 'MAIL_SENT', class: 'delivered', count: 2, share: 0.4 },
    { resultCode: 'RECIPIENT_ADDRESS_ERROR', class: 'bounced', count: 2, share: 0.4 },
    { resultCode: 'UNKNOWN_CAUSE_FAIL', class: 'failed', count: 1, share: 0.2 }, // the Reject
  ],
  limit: { month: '2016-10', used: 1 }, // the Send of October 19
};
const expectDocumentedNumbers = () => expectViews(backend, backend.keys.acme, RANGE, EXPECTED);

test('the documented samples, signed v1 and v2, count exactly; retries, replays and repeat opens count once', async () => {
  const envelopes = DOCUMENTED.map((sample, index) => snsEnvelope(sample, { version: index % 2 === 0 ? '1' : '2' }));
  expect(await postInTurn(envelopes, post)).toEqual(answersOf(8, 1));
  await expectDocumentedNumbers();
  // SNS retries the same message; SES reports a second open of the same mail with a new message.
  expect(await postInTurn(envelopes, post)).toEqual(answersOf(8, 1, true));
  expect((await post(snsEnvelope(samples.EVENT_OPEN))).body).toEqual({ accepted: 1, duplicates: 1, ignored: 0 });
  await expectDocumentedNumbers();
});

test('a burst of 40 concurrent deliveries to another source counts 40 for its own account', async () => {
  const deliveries = Array.from({ length: 40 }, (_unused, i) => ({
    ...samples.EVENT_DELIVERY,
    mail: { ...samples.EVENT_DELIVERY.mail, messageId: `burst-${i}`, destination: [`r${i}@burst.example`] },
    delivery: { ...samples.EVENT_DELIVERY.delivery, recipients: [`r${i}@burst.example`] },
  }));
  await expectBurst(
    backend,
    RANGE,
    deliveries.map((message) => post(snsEnvelope(message), 'ses-burst')),
    40
  );
  await expectDocumentedNumbers(); // acme's numbers are untouched
});

test('a SubscriptionConfirmation is confirmed by a GET of its SubscribeURL, only on an allowed host', async () => {
  const confirmation = (subscribeUrl: string) =>
    snsEnvelope('You have chosen to subscribe to the topic.', {
      type: 'SubscriptionConfirmation',
      extra: { Token: 'token-1', SubscribeURL: subscribeUrl },
    });
  const answer = await post(confirmation(`${certServer.url}/confirm?Action=ConfirmSubscription&Token=token-1`));
  expect(answer).toMatchObject({ status: 200, body: { confirmed: true, accepted: 0 } });
  expect(certServer.hits).toContain('/confirm?Action=ConfirmSubscription&Token=token-1');
  const elsewhere = `http://localhost:${new URL(certServer.url).port}/confirm?Token=token-2`;
  const refused = await post(confirmation(elsewhere));
  expect(refused).toMatchObject({ status: 403, body: { error: { code: 'subscribe_url_not_allowed' } } });
  expect(certServer.hits.filter((hit) => hit.includes('token-2'))).toEqual([]);
});

test('unsigned, forged, disallowed certificate host, other topic, unknown source: 4xx and nothing counted', async () => {
  const message = { ...samples.EVENT_DELIVERY, mail: { ...samples.EVENT_DELIVERY.mail, messageId: 'attack' } };
  const { Signature: _dropped, ...unsigned } = snsEnvelope(message);
  const forged = snsEnvelope(message, { key: otherKey });
  const port = new URL(certServer.url).port;
  const otherHost = snsEnvelope(message, {
    certUrl: `http://localhost:${port}/SimpleNotificationService-test.pem?host`,
  });
  const otherTopic = snsEnvelope(message, { topic: 'arn:aws:sns:us-east-1:123456789012:someone-else' });
  const hitsBefore = certServer.hits.length;
  expect((await post(unsigned)).status).toBe(401);
  expect((await post(forged)).body.error.code).toBe('unverified');
  expect((await post(forged)).status).toBe(401);
  expect((await post(otherHost)).body.error.code).toBe('certificate_not_allowed');
  expect((await post(otherTopic)).body.error.code).toBe('topic_not_allowed');
  expect((await post(snsEnvelope(message), 'no-such-source')).status).toBe(404);
  expect((await postWebhook(backend, 'sendgrid', 'ses-main', JSON.stringify(snsEnvelope(message)))).status).toBe(404);
  expect(certServer.hits.slice(hitsBefore).filter((hit) => hit.includes('?host'))).toEqual([]);
  await expectDocumentedNumbers();
});
