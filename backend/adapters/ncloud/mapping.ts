/**
 * Turns one mail of the Cloud Outbound Mailer (getMail: its recipients and their status) into our
 * events (domain.md). Each recipient mail gives a `requested` event and, once it has one, a
 * `result` with its result code; a canceled one also a `canceled` event (sending-limit usage).
 * Ids are made from the mailer's mailId and the recipient, so re-reading a mail adds nothing.
 */
import { createHash } from 'node:crypto';
import { RESULT_CODES } from '../../contract/resultCodes';
import type { MailDetail, Recipient } from './apiTypes';

/** Recipient status codes after which nothing changes (S sent, F failed, U refused, C canceled). */
const FINAL_STATUSES = new Set(['S', 'F', 'U', 'C']);

/** The result code of a final recipient whose answer carries no sendResultCode (older API versions). */
const CODE_OF_FINAL_STATUS: Record<string, string> = {
  S: 'MAIL_SENT',
  F: 'UNKNOWN_CAUSE_FAIL',
  U: 'UNSUBSCRIBE_ADDRESS',
  C: 'CANCELED_MAIL',
};

const RESENDING = 'RESENDING_MAIL';

export class MappingError extends Error {}

export interface MailEvents {
  events: Array<Record<string, unknown>>;
  /** Every recipient has its final result: the mail need not be read again. */
  final: boolean;
}

/** Stable, address-free key of a recipient within its mail (To, Cc and Bcc of one address differ). */
export function recipientKey(mailId: string, recipient: Recipient): string {
  const type = recipient.type?.code ?? 'R';
  return createHash('sha256')
    .update(`${mailId}\n${type}\n${recipient.address.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, 16);
}

function knownCode(code: string, mail: MailDetail): string {
  if (!RESULT_CODES.has(code)) {
    throw new MappingError(
      `mail ${mail.mailId} has the result code ${JSON.stringify(code)}, which is not one of the 28 known codes`
    );
  }
  return code;
}

/** The result codes a recipient has shown: a deferred attempt (RESENDING_MAIL when retried) and its final code. */
function resultCodes(recipient: Recipient, mail: MailDetail): { codes: string[]; final: boolean } {
  const status = recipient.status.code;
  const reported = recipient.sendResultCode ? knownCode(recipient.sendResultCode, mail) : undefined;
  const final = FINAL_STATUSES.has(status);
  const codes = new Set<string>();
  if ((recipient.retryCount ?? 0) > 0) {
    codes.add(RESENDING);
  }
  if (final) {
    codes.add(reported ?? CODE_OF_FINAL_STATUS[status]);
  } else if (reported !== undefined) {
    codes.add(reported); // a deferred attempt while the mailer is still trying
  }
  return { codes: [...codes], final };
}

export function eventsOfMail(mail: MailDetail): MailEvents {
  const requestedAt = mail.requestDate.utc;
  // The send date is the mail's: a scheduled mail's is its reservation until it is sent.
  const sentAt = mail.sendDate?.utc ?? mail.reservationDate?.utc ?? requestedAt;
  const common = {
    ...(mail.templateName ? { template: mail.templateName } : {}),
    requestId: mail.requestId,
    messageId: mail.mailId,
    ...(mail.advertising !== undefined ? { advertising: mail.advertising } : {}),
  };
  const events: Array<Record<string, unknown>> = [];
  let final = true;
  for (const recipient of mail.recipients) {
    const id = `ncloud:${mail.mailId}:${recipientKey(mail.mailId, recipient)}`;
    const base = { ...common, recipient: recipient.address, requestedAt };
    events.push({ ...base, id: `${id}:requested`, type: 'requested' });
    const result = resultCodes(recipient, mail);
    final &&= result.final;
    for (const code of result.codes) {
      const at = recipient.receivedDate?.utc ?? sentAt;
      events.push({ ...base, id: `${id}:result:${code}`, type: 'result', resultCode: code, sentAt: at });
      if (code === 'CANCELED_MAIL') {
        events.push({ ...base, id: `${id}:canceled`, type: 'canceled' });
      }
    }
  }
  return { events, final };
}
