/**
 * POST /api/v1/webhooks/{vendor}/{sourceId}: find the source, verify the call by the vendor's
 * own scheme, map its events, and hand them to ingestion. Nothing is counted unless the call
 * verified; the answer comes once ingestion has made every event durable.
 */
import { ApiError, badRequest } from '../../domain/errors';
import { readMailgunSignature, verifyMailgunSignature } from './mailgun/mailgunSignature';
import { mapMailgunEvent } from './mailgun/mailgunMapping';
import { verifyPostmarkAuth } from './postmark/postmarkAuth';
import { mapPostmarkRecord } from './postmark/postmarkMapping';
import { mapSendgridEvents } from './sendgrid/sendgridMapping';
import { sendgridPublicKey, verifySendgridSignature } from './sendgrid/sendgridSignature';
import { mapSesEvent } from './ses/sesMapping';
import { allowedUrl, parseSnsMessage, verifySnsMessage, type SigningCertificates } from './ses/snsMessage';
import type { SourceRegistry } from './sourceRegistry';
import type { MappedEvents, Vendor, WebhookRequest, WebhookSource } from './types';

export interface IngestOutcome {
  accepted: number;
  duplicates: number;
}

export interface ReceiverContext {
  sources: SourceRegistry;
  certificates: SigningCertificates;
  /** The SNS URL allow-list, also for SubscribeURL. */
  snsUrlPattern: RegExp;
  toleranceSeconds: number;
  now(): number;
  /** The ingestion use case, for the source's account. */
  ingest(events: Array<Record<string, unknown>>, account: string): Promise<IngestOutcome>;
}

export interface WebhookAnswer {
  accepted: number;
  duplicates: number;
  /** Vendor events acknowledged without a count (clicks, repeat opens, ...). */
  ignored: number;
  /** Set when an SNS subscription was confirmed. */
  confirmed?: boolean;
}

const SUBSCRIBE_TIMEOUT_MS = 5000;

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw badRequest('invalid_json', `the body is not valid JSON: ${(error as Error).message}`);
  }
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('invalid_body', `${what} is a JSON object`);
  }
  return value as Record<string, unknown>;
}

async function count(context: ReceiverContext, source: WebhookSource, mapped: MappedEvents): Promise<WebhookAnswer> {
  const outcome =
    mapped.events.length > 0 ? await context.ingest(mapped.events, source.account) : { accepted: 0, duplicates: 0 };
  return { ...outcome, ignored: mapped.ignored };
}

async function confirmSubscription(url: string, pattern: RegExp): Promise<void> {
  if (!allowedUrl(url, pattern)) {
    throw new ApiError(
      403,
      'subscribe_url_not_allowed',
      'SubscribeURL does not match SNS_CERT_URL_PATTERN: not confirmed'
    );
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(SUBSCRIBE_TIMEOUT_MS), redirect: 'error' });
    await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
  } catch (error) {
    throw new ApiError(
      503,
      'subscription_not_confirmed',
      `confirming the SNS subscription failed (${(error as Error).message}); SNS will send the confirmation again`,
      undefined,
      30
    );
  }
}

type Receiver = (request: WebhookRequest, source: WebhookSource, context: ReceiverContext) => Promise<WebhookAnswer>;

const RECEIVERS: Readonly<Record<Vendor, Receiver>> = {
  async ses(request, source, context) {
    const message = parseSnsMessage(request.body);
    if (source.topicArns && !source.topicArns.includes(message.TopicArn)) {
      throw new ApiError(403, 'topic_not_allowed', `topic ${message.TopicArn} is not one of this source's topicArns`);
    }
    await verifySnsMessage(message, context.certificates);
    if (message.Type === 'SubscriptionConfirmation') {
      await confirmSubscription(message.SubscribeURL ?? '', context.snsUrlPattern);
      return { accepted: 0, duplicates: 0, ignored: 0, confirmed: true };
    }
    if (message.Type === 'UnsubscribeConfirmation') {
      return { accepted: 0, duplicates: 0, ignored: 1 };
    }
    let event: unknown;
    try {
      event = JSON.parse(message.Message);
    } catch {
      throw badRequest('invalid_ses_event', 'the SNS Message is not JSON: is the topic fed by SES?');
    }
    return count(context, source, mapSesEvent(event, message.MessageId));
  },

  async sendgrid(request, source, context) {
    const key = sendgridPublicKey(source.publicKey ?? '');
    if (!key) {
      throw new ApiError(401, 'unverified', 'this source has no usable SendGrid verification key');
    }
    verifySendgridSignature(request, key, context.now(), context.toleranceSeconds);
    return count(context, source, mapSendgridEvents(parseJson(request.body)));
  },

  async mailgun(request, source, context) {
    const body = asObject(parseJson(request.body), 'a Mailgun webhook body');
    const signature = readMailgunSignature(body);
    const now = context.now();
    const signedAt = verifyMailgunSignature(signature, source.signingKey ?? '', now, context.toleranceSeconds);
    const store = context.sources.store;
    if (store.tokenUsed(source.id, signature.token, now)) {
      throw new ApiError(403, 'replayed_token', 'this Mailgun signature token was used before: a replay');
    }
    const answer = await count(context, source, mapMailgunEvent(body));
    // Only a call whose events are durable uses up its token: a failed one may come again.
    store.useToken(source.id, signature.token, (signedAt + context.toleranceSeconds) * 1000 + 1000, now);
    return answer;
  },

  async postmark(request, source, context) {
    verifyPostmarkAuth(request, source.username ?? '', source.password ?? '');
    return count(context, source, mapPostmarkRecord(asObject(parseJson(request.body), 'a Postmark webhook record')));
  },
};

export async function receiveWebhook(
  vendor: string,
  sourceId: string,
  request: WebhookRequest,
  context: ReceiverContext
): Promise<WebhookAnswer> {
  const source = context.sources.get(sourceId);
  // The same answer for an unknown source and a source of another vendor: nothing to probe.
  if (!source || source.vendor !== vendor) {
    throw new ApiError(
      404,
      'unknown_source',
      `no ${vendor} webhook source ${JSON.stringify(sourceId.slice(0, 64))} is configured`
    );
  }
  return RECEIVERS[source.vendor](request, source, context);
}
