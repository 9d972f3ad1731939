/**
 * A Mailgun webhook's `event-data` to our events. Mailgun does not say when the mail was
 * requested or sent, so the event is placed at its own `timestamp` on both date axes.
 * Mapping tables: docs/adapters.md.
 */
import { badRequest } from '../../../domain/errors';
import { smtpOutcome } from '../smtpStatus';
import { mailEvent, NOTHING, recipientKey, type MappedEvents } from '../types';

type Json = Record<string, unknown>;

const object = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

/** Reasons that mean Mailgun did not send at all (the address is on a suppression list). */
const SUPPRESSED: Readonly<Record<string, string>> = {
  'suppress-bounce': 'SEND_BLOCK_ADDRESS',
  'suppress-complaint': 'SEND_BLOCK_ADDRESS',
  'suppress-unsubscribe': 'UNSUBSCRIBE_ADDRESS',
};

export function mailgunFailureCode(data: Json): string {
  const reason = String(data.reason ?? '');
  const status = object(data['delivery-status']);
  const statusText = [status['enhanced-code'], status.code, status.message, status.description]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
  const smtp = smtpOutcome(statusText);
  if (data.severity === 'temporary') {
    return smtp?.smtpClass === '4' && smtp.resultCode ? smtp.resultCode : 'SMTP_ABNORMAL';
  }
  if (SUPPRESSED[reason]) {
    return SUPPRESSED[reason];
  }
  if (reason === 'old') {
    return 'RESEND_MAIL_FAIL'; // Mailgun gave up after retrying
  }
  return smtp?.smtpClass === '5' && smtp.resultCode ? smtp.resultCode : 'SMTP_ERROR';
}

/** Apple Mail Privacy Protection and similar proxies: Mailgun names the bot in client-info. */
const isMachineOpen = (data: Json): boolean => {
  const bot = object(data['client-info']).bot;
  return typeof bot === 'string' ? bot !== '' : bot === true;
};

export function mapMailgunEvent(body: Json): MappedEvents {
  const data = object(body['event-data']);
  const { id, event, recipient, timestamp } = data;
  if (
    typeof id !== 'string' ||
    typeof event !== 'string' ||
    typeof recipient !== 'string' ||
    typeof timestamp !== 'number'
  ) {
    throw badRequest('invalid_mailgun_event', 'event-data needs id, event, recipient and a numeric timestamp');
  }
  const at = Math.round(timestamp * 1000);
  const messageId = object(object(data.message).headers)['message-id'];
  const extra = typeof messageId === 'string' ? { messageId } : {};
  const own = `mailgun:${id}`;
  // Opens, unsubscribes and complaints count once per recipient mail (Mailgun reports every open).
  const perMail = (kind: string) =>
    typeof messageId === 'string' ? `mailgun:${kind}:${messageId}:${recipientKey(recipient)}` : own;
  const one = (event: Record<string, unknown>): MappedEvents => ({ events: [event], ignored: 0 });
  switch (event) {
    case 'accepted':
      return one(mailEvent(own, 'requested', recipient, at, at, extra));
    case 'delivered':
      return one(mailEvent(own, 'result', recipient, at, at, { resultCode: 'MAIL_SENT', ...extra }));
    case 'failed':
      return one(mailEvent(own, 'result', recipient, at, at, { resultCode: mailgunFailureCode(data), ...extra }));
    case 'rejected':
      return one(mailEvent(own, 'result', recipient, at, at, { resultCode: 'UNKNOWN_CAUSE_FAIL', ...extra }));
    case 'opened': {
      const machine = isMachineOpen(data);
      return one(
        mailEvent(perMail(machine ? 'machine-open' : 'open'), 'opened', recipient, at, at, {
          ...extra,
          ...(machine ? { machine: true } : {}),
        })
      );
    }
    case 'unsubscribed':
      return one(mailEvent(perMail('unsubscribe'), 'unsubscribed', recipient, at, at, extra));
    case 'complained':
      return one(mailEvent(perMail('complaint'), 'complained', recipient, at, at, extra));
    default:
      return { ...NOTHING, ignored: 1 }; // clicked, stored, list events
  }
}
