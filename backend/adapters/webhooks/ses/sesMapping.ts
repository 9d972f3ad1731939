/**
 * Amazon SES events, as SNS delivers them, to our events. Both formats are read: event
 * publishing (`eventType`, configuration sets) and identity notifications
 * (`notificationType`: Bounce, Complaint, Delivery). Every event is placed at the time SES
 * accepted the mail (`mail.timestamp`), on both date axes. Mapping tables: docs/adapters.md.
 */
import { badRequest } from '../../../domain/errors';
import { smtpOutcome } from '../smtpStatus';
import { mailEvent, recipientKey, type MappedEvents } from '../types';

type Json = Record<string, unknown>;

const object = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Bounce subtypes that decide the code whatever the SMTP status says. */
const BOUNCE_SUBTYPE_CODES: Readonly<Record<string, string>> = {
  NoEmail: 'RECIPIENT_ADDRESS_ERROR',
  Suppressed: 'SEND_BLOCK_ADDRESS',
  OnAccountSuppressionList: 'SEND_BLOCK_ADDRESS',
  MailboxFull: 'MAILBOX_ERROR',
  MessageTooLarge: 'MAIL_CONTENTS_ERROR',
  ContentRejected: 'MAIL_CONTENTS_ERROR',
  AttachmentRejected: 'MAIL_CONTENTS_ERROR',
};

/** DeliveryDelay types: SES keeps trying, so each is a deferral. */
const DELAY_CODES: Readonly<Record<string, string>> = {
  InternalFailure: 'NETWORK_ABNORMAL',
  General: 'SMTP_ABNORMAL',
  MailboxFull: 'MAILBOX_ABNORMAL',
  SpamDetected: 'SECURITY_AND_POLICY_ABNORMAL',
  RecipientServerError: 'RECEIVE_MAIL_SERVICE_ABNORMAL',
  IPFailure: 'SECURITY_AND_POLICY_ABNORMAL',
  TransientCommunicationFailure: 'CONNECTION_ABNORMAL',
  BYOIPHostNameLookupUnavailable: 'NETWORK_ABNORMAL',
  Undetermined: 'SMTP_ABNORMAL',
  SendingDeferral: 'RESENDING_MAIL',
};

/**
 * A bounce SES reports is final (a transient bounce comes after SES stopped retrying), so it is
 * always of the bounced or blocked class: the subtype first, then a class-5 status, else a default.
 */
export function sesBounceCode(bounceType: string | undefined, subType: string | undefined, status?: string): string {
  const bySubtype = subType ? BOUNCE_SUBTYPE_CODES[subType] : undefined;
  if (bySubtype) {
    return bySubtype;
  }
  const smtp = smtpOutcome(status);
  if (smtp?.smtpClass === '5' && smtp.resultCode) {
    return smtp.resultCode;
  }
  return bounceType === 'Transient' ? 'RESEND_MAIL_FAIL' : 'SMTP_ERROR';
}

interface Recipient {
  address: string;
  status?: string;
}

const recipientsOf = (entries: unknown[]): Recipient[] =>
  entries
    .map((entry) =>
      typeof entry === 'string'
        ? { address: entry }
        : { address: text(object(entry).emailAddress) ?? '', status: text(object(entry).status) }
    )
    .filter((recipient) => recipient.address !== '');

/** Maps one SES event (the parsed SNS `Message`); `snsMessageId` makes retried notifications count once. */
export function mapSesEvent(message: unknown, snsMessageId: string): MappedEvents {
  const body = object(message);
  const kind = text(body.eventType) ?? text(body.notificationType);
  const mail = object(body.mail);
  const mailId = text(mail.messageId);
  const acceptedAt = text(mail.timestamp);
  if (!kind || !mailId || !acceptedAt) {
    throw badRequest(
      'invalid_ses_event',
      'the SNS Message is not an SES event: it needs eventType or notificationType and mail.messageId, mail.timestamp'
    );
  }
  const destination = recipientsOf(list(mail.destination));
  const event = (
    recipient: Recipient,
    type: Parameters<typeof mailEvent>[1],
    idKind: 'notification' | 'engagement',
    extra: Json = {}
  ) =>
    mailEvent(
      // Engagement counts once per recipient mail, however often SES reports it (every open is reported).
      idKind === 'notification'
        ? `ses:${snsMessageId}:${recipientKey(recipient.address)}`
        : `ses:${type}:${mailId}:${recipientKey(recipient.address)}`,
      type,
      recipient.address,
      acceptedAt,
      acceptedAt,
      { messageId: mailId, ...extra }
    );
  const results = (recipients: Recipient[], code: (recipient: Recipient) => string, at?: unknown) => ({
    events: recipients.map((recipient) =>
      event(recipient, 'result', 'notification', { resultCode: code(recipient), ...(text(at) ? { at } : {}) })
    ),
    ignored: 0,
  });
  switch (kind) {
    case 'Send':
      return { events: destination.map((recipient) => event(recipient, 'requested', 'notification')), ignored: 0 };
    case 'Delivery': {
      const delivery = object(body.delivery);
      return results(recipientsOf(list(delivery.recipients)), () => 'MAIL_SENT', delivery.timestamp);
    }
    case 'Bounce': {
      const bounce = object(body.bounce);
      const type = text(bounce.bounceType);
      const subType = text(bounce.bounceSubType);
      return results(
        recipientsOf(list(bounce.bouncedRecipients)),
        (recipient) => sesBounceCode(type, subType, recipient.status),
        bounce.timestamp
      );
    }
    case 'DeliveryDelay': {
      const delay = object(body.deliveryDelay);
      const code = DELAY_CODES[text(delay.delayType) ?? ''] ?? 'SMTP_ABNORMAL';
      return results(recipientsOf(list(delay.delayedRecipients)), () => code, delay.timestamp);
    }
    case 'Reject':
      return results(destination, () => 'UNKNOWN_CAUSE_FAIL');
    case 'Rendering Failure':
      return results(destination, () => 'CONTENT_HAS_TAG_FORM');
    case 'Complaint': {
      const complaint = object(body.complaint);
      if (text(complaint.complaintFeedbackType) === 'not-spam') {
        return { events: [], ignored: 1 };
      }
      const at = text(complaint.timestamp);
      return {
        events: recipientsOf(list(complaint.complainedRecipients)).map((recipient) =>
          event(recipient, 'complained', 'engagement', at ? { at } : {})
        ),
        ignored: 0,
      };
    }
    case 'Open': {
      const at = text(object(body.open).timestamp);
      return {
        events: destination.map((recipient) => event(recipient, 'opened', 'engagement', at ? { at } : {})),
        ignored: 0,
      };
    }
    case 'Subscription': {
      const preferences = object(object(body.subscription).newTopicPreferences);
      const optedOut =
        preferences.unsubscribeAll === true ||
        list(preferences.topicSubscriptionStatus).some((topic) => object(topic).subscriptionStatus === 'OptOut');
      return optedOut
        ? { events: destination.map((recipient) => event(recipient, 'unsubscribed', 'engagement')), ignored: 0 }
        : { events: [], ignored: 1 };
    }
    default:
      // Click and whatever SES adds later: acknowledged, not counted.
      return { events: [], ignored: 1 };
  }
}
