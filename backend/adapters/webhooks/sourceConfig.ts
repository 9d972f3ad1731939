/**
 * A webhook source as an admin configures it (PUT /api/v1/sources/{id} or WEBHOOK_SOURCES):
 * checked whole, and shown without its secrets.
 */
import type { ErrorDetail } from '../../contract/apiTypes';
import { badRequest } from '../../domain/errors';
import { ACCOUNT_PATTERN } from '../../domain/events';
import { sendgridPublicKey } from './sendgrid/sendgridSignature';
import { isVendor, VENDORS, type Vendor, type WebhookSource } from './types';

export const SOURCE_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** The secret fields each vendor needs. */
const SECRETS: Readonly<Record<Vendor, ReadonlyArray<keyof WebhookSource>>> = {
  ses: [],
  sendgrid: ['publicKey'],
  mailgun: ['signingKey'],
  postmark: ['username', 'password'],
};
const ALLOWED = new Set(['vendor', 'account', 'signingKey', 'publicKey', 'username', 'password', 'topicArns']);
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** The source, or 400 naming every problem. */
export function parseSource(id: string, body: unknown): WebhookSource {
  if (!SOURCE_ID_PATTERN.test(id)) {
    throw badRequest('invalid_source_id', 'a source id is 1 to 64 of A-Za-z0-9_.-');
  }
  const fields = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : undefined) as
    Record<string, unknown> | undefined;
  if (!fields) {
    throw badRequest('invalid_body', 'the body must be a JSON object {"vendor", "account", ...secrets}');
  }
  const details: ErrorDetail[] = [];
  const problem = (field: string, message: string) => details.push({ field, message: `${field} ${message}` });
  for (const field of Object.keys(fields)) {
    if (!ALLOWED.has(field)) {
      problem(field, 'is not a source field');
    }
  }
  const vendor = fields.vendor;
  if (typeof vendor !== 'string' || !isVendor(vendor)) {
    problem('vendor', `must be one of ${VENDORS.join(', ')}`);
  }
  if (typeof fields.account !== 'string' || !ACCOUNT_PATTERN.test(fields.account)) {
    problem('account', 'must match [A-Za-z0-9_.-]{1,64}');
  }
  if (typeof vendor === 'string' && isVendor(vendor)) {
    for (const secret of SECRETS[vendor]) {
      if (typeof fields[secret] !== 'string' || (fields[secret] as string).length === 0) {
        problem(secret, `is required for ${vendor}`);
      }
    }
    for (const secret of ['signingKey', 'publicKey', 'username', 'password'] as const) {
      if (fields[secret] !== undefined && !SECRETS[vendor].includes(secret)) {
        problem(secret, `is not used by ${vendor}`);
      }
    }
    if (vendor === 'sendgrid' && typeof fields.publicKey === 'string' && !sendgridPublicKey(fields.publicKey)) {
      problem('publicKey', 'is not a public key (base64 DER as SendGrid shows it, or PEM)');
    }
    if (vendor === 'postmark' && typeof fields.username === 'string' && fields.username.includes(':')) {
      problem('username', 'may not contain ":" (basic auth splits there)');
    }
    if (fields.topicArns !== undefined) {
      const arns = fields.topicArns;
      if (vendor !== 'ses') {
        problem('topicArns', `is not used by ${vendor}`);
      } else if (
        !Array.isArray(arns) ||
        arns.length === 0 ||
        arns.some((arn) => typeof arn !== 'string' || !TOPIC_ARN.test(arn))
      ) {
        problem('topicArns', 'must be a non-empty list of SNS topic ARNs (arn:aws:sns:REGION:ACCOUNT:NAME)');
      }
    }
  }
  if (details.length > 0) {
    throw badRequest('invalid_source', `source ${id} is invalid: ${details.map((d) => d.message).join('; ')}`, details);
  }
  const source: WebhookSource = { id, vendor: vendor as Vendor, account: fields.account as string };
  for (const field of ['signingKey', 'publicKey', 'username', 'password', 'topicArns'] as const) {
    if (fields[field] !== undefined) {
      (source as unknown as Record<string, unknown>)[field] = fields[field];
    }
  }
  return source;
}

/** What GET shows: never a secret (topic ARNs are not secret). */
export function publicView(source: WebhookSource, origin: 'api' | 'environment') {
  return {
    id: source.id,
    vendor: source.vendor,
    account: source.account,
    ...(source.topicArns ? { topicArns: source.topicArns } : {}),
    origin,
  };
}

/** WEBHOOK_SOURCES: a JSON object of source id to source body. */
export function parseEnvironmentSources(text: string | undefined): WebhookSource[] {
  if (text === undefined || text.trim() === '') {
    return [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('WEBHOOK_SOURCES must be a JSON object {"sourceId": {"vendor", "account", ...}}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('WEBHOOK_SOURCES must be a JSON object {"sourceId": {"vendor", "account", ...}}');
  }
  return Object.entries(parsed).map(([id, body]) => {
    try {
      return parseSource(id, body);
    } catch (error) {
      throw new Error(`WEBHOOK_SOURCES: ${(error as Error).message}`);
    }
  });
}
