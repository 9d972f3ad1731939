/**
 * Delivery result codes and their classes (domain.md, "Result codes").
 * Pure data: imported by the backend, the Grafana plugin and the export.
 */
export const RESULT_CLASSES = ['delivered', 'bounced', 'deferred', 'failed', 'blocked', 'canceled'] as const;
export type ResultClass = (typeof RESULT_CLASSES)[number];

export interface ResultCodeDefinition {
  code: string;
  resultClass: ResultClass;
  /** Counts in sentCount: the mail left the system (delivered or bounced). */
  countsAsSent: boolean;
  description: string;
}

const table: Array<[string, ResultClass, string]> = [
  ['MAIL_SENT', 'delivered', 'Sending successful.'],
  ['TEST_MAIL_SEND', 'delivered', 'Test mail sending by the system.'],
  ['MAILBOX_ERROR', 'bounced', 'Sending failed due to recipient mailbox error.'],
  ['MAIL_CONTENTS_ERROR', 'bounced', 'Sending failed due to mail content error.'],
  ['RECEIVE_MAIL_SERVICE_ERROR', 'bounced', 'Sending failed due to recipient mail service error.'],
  ['RECIPIENT_ADDRESS_ERROR', 'bounced', 'Sending failed due to recipient address error.'],
  ['SECURITY_AND_POLICY_ERROR', 'bounced', 'Sending failed due to security and policy error.'],
  ['SMTP_ERROR', 'bounced', 'Sending failed due to SMTP error on the recipient side.'],
  ['RESEND_MAIL_FAIL', 'bounced', 'Sending failed due to exceeded resending attempts.'],
  ['CONNECTION_ABNORMAL', 'deferred', 'Temporary sending failure due to abnormal connection.'],
  ['MAILBOX_ABNORMAL', 'deferred', 'Temporary sending failure due to abnormal recipient mailbox.'],
  ['NETWORK_ABNORMAL', 'deferred', 'Temporary sending failure due to abnormal network conditions.'],
  ['RECEIVE_MAIL_SERVICE_ABNORMAL', 'deferred', 'Temporary sending failure due to abnormal recipient mail service.'],
  [
    'SECURITY_AND_POLICY_ABNORMAL',
    'deferred',
    'Temporary sending failure due to abnormal security and policy conditions.',
  ],
  ['SMTP_ABNORMAL', 'deferred', 'Temporary sending failure due to abnormal SMTP with the recipient side.'],
  ['RESENDING_MAIL', 'deferred', 'Resending in progress.'],
  ['CONTENT_HAS_TAG_FORM', 'failed', 'Sending failed due to the presence of substitution tags in the mail content.'],
  ['EMPTY_BODY_CONTENT', 'failed', 'Sending failed due to system error preventing mail body from being set.'],
  ['MIME_MESSAGE_CREATE_FAIL', 'failed', 'Sending failed due to system error preventing MIME message creation.'],
  ['NETWORK_ERROR', 'failed', 'Sending failed due to network error.'],
  ['NONEXISTENT_DOMAIN_ADDRESS', 'failed', 'Sending failed due to non-existent recipient domain.'],
  [
    'UNKNOWN_DOMAIN_ADDRESS',
    'failed',
    'Sending failed due to request to an address with an unknown or blocked domain.',
  ],
  ['UNSUPPORTED_ENCODING_ADDRESS', 'failed', 'Sending failed due to unsupported recipient address encoding.'],
  ['UNDEFINED_ERROR', 'failed', 'Sending failed due to undefined error.'],
  ['UNKNOWN_CAUSE_FAIL', 'failed', 'Sending failed due to unknown error inside or outside the system.'],
  ['SEND_BLOCK_ADDRESS', 'blocked', 'Sending blocked due to request to a blocked recipient.'],
  ['UNSUBSCRIBE_ADDRESS', 'blocked', 'Sending blocked due to request to an unsubscribed address.'],
  ['CANCELED_MAIL', 'canceled', 'Cancel sending.'],
];

export const RESULT_CODES: ReadonlyMap<string, ResultCodeDefinition> = new Map(
  table.map(([code, resultClass, description]) => [
    code,
    { code, resultClass, description, countsAsSent: resultClass === 'delivered' || resultClass === 'bounced' },
  ])
);

export const RESULT_CODE_NAMES: readonly string[] = table.map(([code]) => code);

export function resultCodeDefinition(code: string): ResultCodeDefinition | undefined {
  return RESULT_CODES.get(code);
}
