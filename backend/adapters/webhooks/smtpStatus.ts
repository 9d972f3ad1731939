/**
 * SMTP enhanced status codes (RFC 3463, `class.subject.detail`) to our result codes.
 * Class 5 is a bounce (the mail left and was refused), class 4 a deferral (it will be
 * retried), class 2 a delivery. The subject says why; the detail only sharpens a few.
 */
type Outcome = 'bounced' | 'deferred';

const BY_SUBJECT: Readonly<Record<string, Readonly<Record<Outcome, string>>>> = {
  '0': { bounced: 'SMTP_ERROR', deferred: 'SMTP_ABNORMAL' },
  '1': { bounced: 'RECIPIENT_ADDRESS_ERROR', deferred: 'MAILBOX_ABNORMAL' },
  '2': { bounced: 'MAILBOX_ERROR', deferred: 'MAILBOX_ABNORMAL' },
  '3': { bounced: 'RECEIVE_MAIL_SERVICE_ERROR', deferred: 'RECEIVE_MAIL_SERVICE_ABNORMAL' },
  '4': { bounced: 'RECEIVE_MAIL_SERVICE_ERROR', deferred: 'NETWORK_ABNORMAL' },
  '5': { bounced: 'SMTP_ERROR', deferred: 'SMTP_ABNORMAL' },
  '6': { bounced: 'MAIL_CONTENTS_ERROR', deferred: 'SMTP_ABNORMAL' },
  '7': { bounced: 'SECURITY_AND_POLICY_ERROR', deferred: 'SECURITY_AND_POLICY_ABNORMAL' },
};

/** Details that say more than their subject: a message too large, a connection that failed. */
const BY_DETAIL: Readonly<Record<string, Readonly<Partial<Record<Outcome, string>>>>> = {
  '3.4': { bounced: 'MAIL_CONTENTS_ERROR' },
  '4.1': { deferred: 'CONNECTION_ABNORMAL' },
  '4.2': { deferred: 'CONNECTION_ABNORMAL' },
};

const ENHANCED = /(?:^|[^\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;
const BASIC = /(?:^|\D)([245])\d\d(?!\d)/;

export interface SmtpOutcome {
  /** The SMTP class: 2 delivered, 4 deferred, 5 bounced. */
  smtpClass: '2' | '4' | '5';
  /** Our result code for a bounce or deferral; undefined for a delivery. */
  resultCode?: string;
}

/** Reads the first enhanced status code (else the basic reply code) in a status or SMTP response text. */
export function smtpOutcome(text: string | undefined | null): SmtpOutcome | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const enhanced = ENHANCED.exec(text);
  const smtpClass = (enhanced?.[1] ?? BASIC.exec(text)?.[1]) as SmtpOutcome['smtpClass'] | undefined;
  if (smtpClass === undefined) {
    return undefined;
  }
  if (smtpClass === '2') {
    return { smtpClass };
  }
  const outcome: Outcome = smtpClass === '5' ? 'bounced' : 'deferred';
  const subject = enhanced?.[2] ?? '0';
  const detailed = enhanced ? BY_DETAIL[`${subject}.${enhanced[3]}`]?.[outcome] : undefined;
  return { smtpClass, resultCode: detailed ?? (BY_SUBJECT[subject] ?? BY_SUBJECT['0'])[outcome] };
}
