/**
 * The documented response shapes we read (only the fields we use). Sources:
 * - getMailRequestList `GET /mails/requests`:
 *   https://api.ncloud-docs.com/docs/en/ai-application-service-cloudoutboundmailer-getmailrequestlist,
 *   content items: https://api.ncloud-docs.com/docs/en/common-apidatatype-nesrequestlistcontent
 * - getMailRequestStatus `GET /mails/requests/{requestId}/status`:
 *   https://api.ncloud-docs.com/docs/en/ai-application-service-cloudoutboundmailer-getmailrequeststatus
 * - getMailList `GET /mails/requests/{requestId}/mails`:
 *   https://api.ncloud-docs.com/docs/ai-application-service-cloudoutboundmailer-getmaillist,
 *   content items: https://api.ncloud-docs.com/docs/common-apidatatype-nesmaillistcontent
 * - getMail `GET /mails/{mailId}`:
 *   https://api.ncloud-docs.com/docs/en/ai-application-service-cloudoutboundmailer-getmail,
 *   recipients: https://api.ncloud-docs.com/docs/common-apidatatype-nesrecipient
 * Lists are pages (`page` from 0, `size`) with `content`, `totalPages`, `last`.
 */

/** NesDateTime: `utc` is epoch milliseconds; the formatted fields are KST (UTC+9) text we do not read. */
export interface NesDateTime {
  utc: number;
  formattedDate?: string;
  formattedDateTime?: string;
}

/** EmailStatus: R ready, I in progress, S sent, F failed, U unsubscribed (refused), C canceled, PF partly failed. */
export interface CodeLabel {
  code: string;
  label?: string;
}

export interface Page<T> {
  content: T[];
  totalElements?: number;
  totalPages?: number;
  number?: number;
  size?: number;
  first?: boolean;
  last?: boolean;
}

export interface MailRequestSummary {
  requestId: string;
  templateSid?: number | null;
  templateName?: string | null;
  emailStatus: CodeLabel;
  requestDate: NesDateTime;
  sendDate?: NesDateTime | null;
  reservationDate?: NesDateTime | null;
  requestCount: number;
  recipientCount?: number;
}

export interface MailRequestStatus {
  requestId: string;
  readyCompleted: boolean;
  allSentSuccess?: boolean;
  requestCount: number;
  sentCount?: number;
  finishCount: number;
  readyCount?: number;
  reservationDate?: NesDateTime | null;
  countsByStatus: Array<{ status?: CodeLabel; statusCode?: string; count: number }>;
}

export interface MailSummary {
  requestId: string;
  mailId: string;
  requestDate: NesDateTime;
  templateName?: string | null;
  emailStatus: CodeLabel;
  sendDate?: NesDateTime | null;
  advertising?: boolean;
}

export interface Recipient {
  address: string;
  type?: CodeLabel;
  received?: boolean;
  receivedDate?: NesDateTime | null;
  status: CodeLabel;
  retryCount?: number;
  sendResultMessage?: string | null;
  sendResultCode?: string | null;
}

export interface MailDetail {
  requestId: string;
  mailId: string;
  requestDate: NesDateTime;
  templateSid?: number | null;
  templateName?: string | null;
  emailStatus: CodeLabel;
  sendDate?: NesDateTime | null;
  reservationDate?: NesDateTime | null;
  advertising?: boolean;
  recipients: Recipient[];
}
