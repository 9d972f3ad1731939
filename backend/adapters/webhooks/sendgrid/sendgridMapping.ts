/**
 * SendGrid Event Webhook events (a JSON array) to our events. SendGrid's events do not say
 * when the mail was requested or sent, so each is placed at its own `timestamp` on both date
 * axes. Mapping tables: docs/adapters.md.
 */
import { badRequest } from '../../../domain/errors';
import type { ErrorDetail } from '../../../contract/apiTypes';
import { smtpOutcome } from '../smtpStatus';
import { mailEvent, recipientKey, type MappedEvents } from '../types';

type Json = Record<string, unknown>;

const BOUNCE_CLASSIFICATIONS: Readonly<Record<string, string>> = {
  'Invalid Address': 'RECIPIENT_ADDRESS_ERROR',
  'Mailbox Unavailable': 'MAILBOX_ERROR',
  Content: 'MAIL_CONTENTS_ERROR',
  Reputation: 'SECURITY_AND_POLICY_ERROR',
  'Frequency or Volume Too High': 'SECURITY_AND_POLICY_ERROR',
  Technical: 'RECEIVE_MAIL_SERVICE_ERROR',
};

const DROP_REASONS: Readonly<Record<string, string>> = {
  'Unsubscribed Address': 'UNSUBSCRIBE_ADDRESS',
  'Bounced Address': 'SEND_BLOCK_ADDRESS',
  'Spam Reporting Address': 'SEND_BLOCK_ADDRESS',
  Invalid: 'SEND_BLOCK_ADDRESS',
};

/** SendGrid's own classification first, then the SMTP status, then a plain SMTP error. */
export function sendgridBounceCode(event: Json): string {
  const classified = BOUNCE_CLASSIFICATIONS[String(event.bounce_classification)];
  if (classified) {
    return classified;
  }
  const smtp = smtpOutcome(String(event.status ?? event.reason ?? ''));
  return smtp?.smtpClass === '5' && smtp.resultCode ? smtp.resultCode : 'SMTP_ERROR';
}

function deferredCode(event: Json): string {
  const smtp = smtpOutcome(String(event.response ?? ''));
  return smtp?.smtpClass === '4' && smtp.resultCode ? smtp.resultCode : 'SMTP_ABNORMAL';
}

function mapOne(event: Json): Array<Record<string, unknown>> | undefined {
  const email = event.email as string;
  const at = (event.timestamp as number) * 1000;
  const messageId = typeof event.sg_message_id === 'string' ? event.sg_message_id : undefined;
  const own = `sendgrid:${event.sg_event_id as string}`;
  // Opens, unsubscribes and complaints count once per recipient mail (SendGrid reports every open).
  const perMail = (kind: string) => (messageId ? `sendgrid:${kind}:${messageId}:${recipientKey(email)}` : own);
  const extra = messageId ? { messageId } : {};
  const result = (resultCode: string) => [mailEvent(own, 'result', email, at, at, { resultCode, ...extra })];
  switch (event.event) {
    case 'processed':
      return [mailEvent(own, 'requested', email, at, at, extra)];
    case 'delivered':
      return result('MAIL_SENT');
    case 'deferred':
      return result(deferredCode(event));
    case 'bounce':
      return result(sendgridBounceCode(event));
    case 'dropped':
      return result(DROP_REASONS[String(event.reason)] ?? 'UNKNOWN_CAUSE_FAIL');
    case 'open': {
      const machine = event.sg_machine_open === true;
      return [
        mailEvent(perMail(machine ? 'machine-open' : 'open'), 'opened', email, at, at, {
          ...extra,
          ...(machine ? { machine: true } : {}),
        }),
      ];
    }
    case 'spamreport':
      return [mailEvent(perMail('spamreport'), 'complained', email, at, at, extra)];
    case 'unsubscribe':
    case 'group_unsubscribe':
      return [mailEvent(perMail('unsubscribe'), 'unsubscribed', email, at, at, extra)];
    default:
      return undefined; // click, group_resubscribe, and what SendGrid adds later
  }
}

export function mapSendgridEvents(body: unknown): MappedEvents {
  if (!Array.isArray(body)) {
    throw badRequest('invalid_body', 'a SendGrid Event Webhook body is a JSON array of events');
  }
  const details: ErrorDetail[] = [];
  body.forEach((item, index) => {
    const event = (typeof item === 'object' && item !== null ? item : {}) as Json;
    for (const [field, ok] of [
      ['sg_event_id', typeof event.sg_event_id === 'string' && event.sg_event_id !== ''],
      ['event', typeof event.event === 'string'],
      ['email', typeof event.email === 'string'],
      ['timestamp', typeof event.timestamp === 'number' && Number.isFinite(event.timestamp)],
    ] as const) {
      if (!ok) {
        details.push({ index, field, message: `${field} is missing or of the wrong type` });
      }
    }
  });
  if (details.length > 0) {
    throw badRequest(
      'invalid_events',
      'some SendGrid events lack what every event carries; nothing was counted',
      details
    );
  }
  const mapped: MappedEvents = { events: [], ignored: 0 };
  for (const event of body as Json[]) {
    const events = mapOne(event);
    if (events) {
      mapped.events.push(...events);
    } else {
      mapped.ignored++;
    }
  }
  return mapped;
}
