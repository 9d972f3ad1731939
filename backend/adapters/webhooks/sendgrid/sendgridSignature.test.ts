import { ApiError } from '../../../domain/errors';
import { sendgridPublicKey, verifySendgridSignature } from './sendgridSignature';

/** SendGrid's own test vector: sendgrid/sendgrid-nodejs packages/eventwebhook/src/eventwebhook.spec.js */
const PUBLIC_KEY =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==';
const SIGNATURE = 'MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=';
const TIMESTAMP = '1588788367';
const PAYLOAD = JSON.stringify({ category: 'example_payload', event: 'test_event', message_id: 'message_id' });

const request = (body: string, signature = SIGNATURE, timestamp = TIMESTAMP) => ({
  body: Buffer.from(body),
  header: (name: string) =>
    ({
      'X-Twilio-Email-Event-Webhook-Signature': signature,
      'X-Twilio-Email-Event-Webhook-Timestamp': timestamp,
    })[name],
});

const codeOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return (error as ApiError).code;
  }
  return 'verified';
};

test("SendGrid's published vector verifies at its own time, and fails when anything changes", () => {
  const key = sendgridPublicKey(PUBLIC_KEY)!;
  const at = Number(TIMESTAMP) * 1000;
  expect(codeOf(() => verifySendgridSignature(request(PAYLOAD), key, at, 300))).toBe('verified');
  expect(codeOf(() => verifySendgridSignature(request('payload'), key, at, 300))).toBe('unverified');
  const badSignature = SIGNATURE.replace('NH2j', 'NH3j');
  expect(codeOf(() => verifySendgridSignature(request(PAYLOAD, badSignature), key, at, 300))).toBe('unverified');
  expect(codeOf(() => verifySendgridSignature(request(PAYLOAD), key, at + 301_000, 300))).toBe('stale_timestamp');
  expect(sendgridPublicKey('not a key')).toBeUndefined();
});
