/**
 * Mailgun webhook signatures: hex HMAC-SHA256 of `timestamp + token` with the webhook signing
 * key, carried in the body's `signature` object. A token is used once: a replay within the
 * timestamp tolerance (older calls fail the timestamp check) is refused.
 * https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../../../domain/errors';
import { checkSignedTime } from '../timestamps';

export interface MailgunSignature {
  timestamp: string;
  token: string;
  signature: string;
}

export function readMailgunSignature(body: Record<string, unknown>): MailgunSignature {
  const signature = (body.signature ?? {}) as Record<string, unknown>;
  const fields = ['timestamp', 'token', 'signature'] as const;
  if (fields.some((field) => typeof signature[field] !== 'string' || signature[field] === '')) {
    throw new ApiError(401, 'unverified', 'missing signature.timestamp, signature.token or signature.signature');
  }
  return signature as unknown as MailgunSignature;
}

export function mailgunSignatureOf(signingKey: string, timestamp: string, token: string): string {
  return createHmac('sha256', signingKey)
    .update(timestamp + token)
    .digest('hex');
}

/** 401 for a forged signature, 403 for a stale timestamp; returns the signed time (epoch seconds). */
export function verifyMailgunSignature(
  signature: MailgunSignature,
  signingKey: string,
  nowMs: number,
  toleranceSeconds: number
): number {
  const expected = Buffer.from(mailgunSignatureOf(signingKey, signature.timestamp, signature.token), 'hex');
  const given = Buffer.from(signature.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(401, 'unverified', 'the Mailgun webhook signature does not verify');
  }
  return checkSignedTime(signature.timestamp, nowMs, toleranceSeconds);
}
