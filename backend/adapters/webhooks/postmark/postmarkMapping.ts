/**
 * One Postmark webhook record to our events, by RecordType. Postmark's records do not say
 * when the mail was sent, so each is placed at its own time (DeliveredAt, BouncedAt,
 * ReceivedAt, ChangedAt) on both date axes. Mapping tables: docs/adapters.md.
 */
import { badRequest } from '../../../domain/errors';
import { mailEvent, recipientKey, type MappedEvents } from '../types';

type Json = Record<string, unknown>;

/** Bounce types (TypeCode names) to result codes; absent ones are not results (auto-replies, ...). */
const BOUNCE_CODES: Readonly<Record<string, string>> = {
  HardBounce: 'RECIPIENT_ADDRESS_ERROR',
  BadEmailAddress: 'RECIPIENT_ADDRESS_ERROR',
  Transient: 'SMTP_ABNORMAL',
  SoftBounce: 'MAILBOX_ABNORMAL',
  DnsError: 'NETWORK_ABNORMAL',
  Unsubscribe: 'UNSUBSCRIBE_ADDRESS',
  SpamNotification: 'SECURITY_AND_POLICY_ERROR',
  VirusNotification: 'SECURITY_AND_POLICY_ERROR',
  Blocked: 'SECURITY_AND_POLICY_ERROR',
  DMARCPolicy: 'SECURITY_AND_POLICY_ERROR',
  SMTPApiError: 'SMTP_ERROR',
  Unknown: 'SMTP_ERROR',
  ManuallyDeactivated: 'SEND_BLOCK_ADDRESS',
  Unconfirmed: 'SEND_BLOCK_ADDRESS',
  TemplateRenderingFailed: 'CONTENT_HAS_TAG_FORM',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Postmark's older webhook bodies (still in its examples) have no RecordType: their fields tell. */
function recordTypeOf(record: Json): string | undefined {
  const named = text(record.RecordType);
  if (named) {
    return named;
  }
  if (text(record.BouncedAt)) {
    return record.Type === 'SpamComplaint' ? 'SpamComplaint' : 'Bounce';
  }
  if (text(record.DeliveredAt)) {
    return 'Delivery';
  }
  return typeof record.FirstOpen === 'boolean' ? 'Open' : undefined;
}

export function mapPostmarkRecord(record: Json): MappedEvents {
  const recordType = recordTypeOf(record);
  const messageId = text(record.MessageID);
  if (!recordType || !messageId) {
    throw badRequest('invalid_postmark_record', 'a Postmark webhook record needs RecordType and MessageID');
  }
  const recipient = text(record.Recipient) ?? text(record.Email);
  const at = text(record.DeliveredAt) ?? text(record.BouncedAt) ?? text(record.ReceivedAt) ?? text(record.ChangedAt);
  if (!recipient || !at) {
    throw badRequest('invalid_postmark_record', `a Postmark ${recordType} record needs its recipient and its time`);
  }
  const perMail = `postmark:${recordType}:${messageId}:${recipientKey(recipient)}`;
  const event = (id: string, type: Parameters<typeof mailEvent>[1], extra: Json = {}): MappedEvents => ({
    events: [mailEvent(id, type, recipient, at, at, { messageId, ...extra })],
    ignored: 0,
  });
  switch (recordType) {
    case 'Delivery':
      return event(perMail, 'result', { resultCode: 'MAIL_SENT' });
    case 'Bounce': {
      const resultCode = BOUNCE_CODES[String(record.Type)];
      if (!resultCode) {
        return { events: [], ignored: 1 };
      }
      // A bounce has its own ID: a soft bounce and the hard bounce after it are two results.
      return event(`postmark:Bounce:${String(record.ID ?? messageId)}`, 'result', { resultCode });
    }
    case 'SpamComplaint':
      return event(perMail, 'complained');
    case 'Open':
      // Our opens count each mail's first open; later opens are acknowledged, not counted.
      return record.FirstOpen === false ? { events: [], ignored: 1 } : event(perMail, 'opened');
    case 'SubscriptionChange':
      return record.SuppressSending === true && record.SuppressionReason === 'ManualSuppression'
        ? event(perMail, 'unsubscribed')
        : { events: [], ignored: 1 };
    default:
      return { events: [], ignored: 1 }; // Click, Inbound, ...
  }
}
