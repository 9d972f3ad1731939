/** What every vendor receiver shares: the sources it checks against and the events it hands to ingestion. */
import { createHash } from 'node:crypto';

export const VENDORS = ['ses', 'sendgrid', 'mailgun', 'postmark'] as const;
export type Vendor = (typeof VENDORS)[number];

export function isVendor(value: string): value is Vendor {
  return (VENDORS as readonly string[]).includes(value);
}

/** A configured webhook source: whose mail it reports, from which vendor, and how its calls are verified. */
export interface WebhookSource {
  id: string;
  vendor: Vendor;
  account: string;
  /** mailgun: the HTTP webhook signing key. */
  signingKey?: string;
  /** sendgrid: the signed Event Webhook's verification key (base64 DER or PEM). */
  publicKey?: string;
  /** postmark: basic auth credentials put in the webhook URL. */
  username?: string;
  password?: string;
  /** ses: SNS topics accepted; absent accepts every topic whose message SNS signed. */
  topicArns?: string[];
}

/** An incoming webhook call, as the receivers need it: raw bytes (signatures cover them) and headers. */
export interface WebhookRequest {
  body: Buffer;
  header(name: string): string | undefined;
}

/** Our events (POST /api/v1/events shape, without account) mapped from one call, and what was not counted. */
export interface MappedEvents {
  events: Array<Record<string, unknown>>;
  /** Vendor events that have no count here (clicks, repeat opens, ...): acknowledged, not counted. */
  ignored: number;
}

export const NOTHING: MappedEvents = { events: [], ignored: 0 };

/**
 * Recipient addresses are never stored, and event ids are: ids that must tell recipients apart
 * carry a digest of the address instead.
 */
export function recipientKey(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('base64url').slice(0, 22);
}

/** The common fields of a mapped event. Times are ISO 8601 or epoch ms, as ingestion reads them. */
export function mailEvent(
  id: string,
  type: 'requested' | 'result' | 'opened' | 'unsubscribed' | 'complained',
  recipient: string,
  requestedAt: string | number,
  sentAt: string | number,
  extra: Record<string, unknown> = {}
): Record<string, unknown> {
  return type === 'requested'
    ? { id, type, recipient, requestedAt, ...extra }
    : { id, type, recipient, requestedAt, sentAt, ...extra };
}
