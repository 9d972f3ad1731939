/**
 * Amazon SNS HTTP(S) deliveries: the message, its signature (versions 1 and 2), and the
 * signing certificate, fetched only from a URL the allow-list pattern matches and cached.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 */
import { createVerify, X509Certificate, type KeyObject } from 'node:crypto';
import { ApiError, badRequest } from '../../../domain/errors';

export interface SnsMessage {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  Token?: string;
  SubscribeURL?: string;
}

/** Fields signed, in this order, by message type. */
const SIGNED_FIELDS: Readonly<Record<string, ReadonlyArray<keyof SnsMessage>>> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};

const DIGESTS: Readonly<Record<string, string>> = { '1': 'RSA-SHA1', '2': 'RSA-SHA256' };
const REQUIRED: ReadonlyArray<keyof SnsMessage> = [
  'Type',
  'MessageId',
  'TopicArn',
  'Message',
  'Timestamp',
  'SignatureVersion',
  'Signature',
  'SigningCertURL',
];

export function parseSnsMessage(body: Buffer): SnsMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('invalid_json', 'the body is not an SNS message (JSON)');
  }
  const fields = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const missing = REQUIRED.filter((field) => typeof fields[field] !== 'string');
  if (missing.length > 0) {
    // Raw message delivery carries no signature: it cannot be verified.
    throw new ApiError(
      401,
      'unverified',
      `not a signed SNS message (missing ${missing.join(', ')}); turn raw message delivery off`
    );
  }
  if (!SIGNED_FIELDS[fields.Type as string]) {
    throw badRequest('invalid_sns_message', `unknown SNS message Type ${JSON.stringify(fields.Type)}`);
  }
  return fields as unknown as SnsMessage;
}

/** The text SNS signed: each present field as "Name\nvalue\n". */
export function stringToSign(message: SnsMessage): string {
  return SIGNED_FIELDS[message.Type]
    .filter((field) => typeof message[field] === 'string')
    .map((field) => `${field}\n${message[field]}\n`)
    .join('');
}

/** An URL SNS gives (certificate, subscription) is only ever fetched when the allow-list pattern matches it. */
export function allowedUrl(url: string, pattern: RegExp): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return pattern.test(url) && parsed.username === '' && parsed.password === '';
}

const CERTIFICATE_TIMEOUT_MS = 5000;
const MAX_CACHED = 50;

/** Signing certificates by URL: fetched once (SNS rotates them rarely), public keys kept. */
export class SigningCertificates {
  private readonly keys = new Map<string, Promise<KeyObject>>();

  constructor(
    private readonly pattern: RegExp,
    private readonly now: () => number = Date.now
  ) {}

  /** 403 when the URL is not on the allow-list: nothing is fetched then. */
  async publicKey(url: string): Promise<KeyObject> {
    if (!allowedUrl(url, this.pattern)) {
      throw new ApiError(
        403,
        'certificate_not_allowed',
        `SigningCertURL ${JSON.stringify(url.slice(0, 300))} does not match SNS_CERT_URL_PATTERN`
      );
    }
    let key = this.keys.get(url);
    if (!key) {
      key = this.fetchKey(url);
      if (this.keys.size >= MAX_CACHED) {
        this.keys.delete(this.keys.keys().next().value!);
      }
      this.keys.set(url, key);
      key.catch(() => this.keys.delete(url)); // a failed fetch is tried again next time
    }
    return key;
  }

  private async fetchKey(url: string): Promise<KeyObject> {
    let pem: string;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(CERTIFICATE_TIMEOUT_MS), redirect: 'error' });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      pem = await response.text();
    } catch (error) {
      // SNS retries a delivery that is not acknowledged: 503 makes it try again later.
      throw new ApiError(
        503,
        'certificate_unavailable',
        `the SNS signing certificate could not be fetched: ${(error as Error).message}`,
        undefined,
        30
      );
    }
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(pem);
    } catch {
      throw new ApiError(403, 'invalid_certificate', 'SigningCertURL does not serve an X.509 certificate');
    }
    const time = this.now();
    if (time < Date.parse(certificate.validFrom) || time > Date.parse(certificate.validTo)) {
      throw new ApiError(403, 'invalid_certificate', 'the SNS signing certificate is not valid now');
    }
    return certificate.publicKey;
  }
}

/** 401 unless SNS's signature over the message verifies with the certificate's key. */
export async function verifySnsMessage(message: SnsMessage, certificates: SigningCertificates): Promise<void> {
  const digest = DIGESTS[message.SignatureVersion];
  if (!digest) {
    throw new ApiError(
      401,
      'unverified',
      `unsupported SNS SignatureVersion ${JSON.stringify(message.SignatureVersion)}`
    );
  }
  const key = await certificates.publicKey(message.SigningCertURL);
  const verifier = createVerify(digest);
  verifier.update(stringToSign(message), 'utf8');
  if (!verifier.verify(key, Buffer.from(message.Signature, 'base64'))) {
    throw new ApiError(401, 'unverified', 'the SNS message signature does not verify');
  }
}
