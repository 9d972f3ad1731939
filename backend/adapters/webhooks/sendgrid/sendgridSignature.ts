/**
 * SendGrid's signed Event Webhook: ECDSA (P-256, SHA-256) over the timestamp header followed by
 * the raw body, base64 DER signature in X-Twilio-Email-Event-Webhook-Signature.
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { ApiError } from '../../../domain/errors';
import { checkSignedTime } from '../timestamps';
import type { WebhookRequest } from '../types';

export const SIGNATURE_HEADER = 'X-Twilio-Email-Event-Webhook-Signature';
export const TIMESTAMP_HEADER = 'X-Twilio-Email-Event-Webhook-Timestamp';

/** The key as SendGrid shows it (base64 of the DER public key) or as PEM; undefined when it is neither. */
export function sendgridPublicKey(text: string): KeyObject | undefined {
  try {
    const trimmed = text.trim();
    return trimmed.startsWith('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

export function verifySendgridSignature(
  request: WebhookRequest,
  key: KeyObject,
  nowMs: number,
  toleranceSeconds: number
): void {
  const signature = request.header(SIGNATURE_HEADER);
  const timestamp = request.header(TIMESTAMP_HEADER);
  if (!signature || !timestamp) {
    throw new ApiError(
      401,
      'unverified',
      `missing ${SIGNATURE_HEADER} or ${TIMESTAMP_HEADER}: enable the signed Event Webhook`
    );
  }
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), request.body]);
  let valid = false;
  try {
    valid = verify('sha256', signed, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new ApiError(401, 'unverified', 'the SendGrid Event Webhook signature does not verify');
  }
  checkSignedTime(timestamp, nowMs, toleranceSeconds);
}
