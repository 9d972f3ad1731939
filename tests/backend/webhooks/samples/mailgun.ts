/**
 * Mailgun webhook `event-data`.
 * - ACCEPTED: Mailgun's "Accepted Event" example from
 *   https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/webhook-payloads, verbatim up to
 *   "recipient-domain", where the stored copy of the page ends; its timestamp is ours.
 * - The others keep that example's message and follow the fields the same page documents for
 *   their events (delivery-status, severity, reason, client-info).
 */
const message = {
  headers: {
    from: 'Sample Sender <sender@sample.mailgun.com>',
    'message-id': '20260203192638.000be97f99f8cea1@sample.mailgun.com',
    subject: 'Sample webhook payload',
    to: 'recipient@sample.mailgun.com',
  },
  size: 341,
};

export const ACCEPTED = {
  account: { id: '1234567890303a4bd1f33898' },
  'api-key-id': '12345678-87654321',
  domain: { name: 'sample.mailgun.com' },
  envelope: { sender: 'sender@sample.mailgun.com', targets: 'recipient@sample.mailgun.com', transport: 'smtp' },
  event: 'accepted',
  flags: { 'is-authenticated': true, 'is-test-mode': false },
  id: 'CCXMjJ7nQi2N3BPigGOdgQ',
  'log-level': 'info',
  message,
  method: 'HTTP',
  recipient: 'recipient@sample.mailgun.com',
  'recipient-domain': 'sample.mailgun.com',
  timestamp: 1770146798.25,
};

const base = { message, recipient: 'recipient@sample.mailgun.com', 'recipient-domain': 'sample.mailgun.com' };

export const DELIVERED = {
  ...base,
  event: 'delivered',
  id: 'hK7mQVt1QtqRiOfQXta4sw',
  timestamp: 1770146800.5,
  'delivery-status': { code: 250, message: 'OK', description: '', 'attempt-no': 1 },
};

export const TEMPORARY_FAILURE = {
  ...base,
  recipient: 'busy@sample.mailgun.com',
  event: 'failed',
  severity: 'temporary',
  reason: 'generic',
  id: 'Fs7-5t81S2ms-j_8oq3Xsw',
  timestamp: 1770146801,
  'delivery-status': { code: 452, 'enhanced-code': '4.2.2', message: '4.2.2 The email account is over quota' },
};

export const PERMANENT_FAILURE = {
  ...base,
  recipient: 'nobody@sample.mailgun.com',
  event: 'failed',
  severity: 'permanent',
  reason: 'bounce',
  id: 'G5Nt0NYRT5yqBtA7_sgEkA',
  timestamp: 1770146802,
  'delivery-status': {
    code: 550,
    'enhanced-code': '5.1.1',
    message: '5.1.1 The email account that you tried to reach does not exist',
  },
};

export const OPENED = {
  ...base,
  event: 'opened',
  id: 'Ase7i2zsRYeDXztHGENqRA',
  timestamp: 1770150000,
  'client-info': {
    'client-type': 'mobile browser',
    'client-os': 'iOS',
    'device-type': 'mobile',
    'client-name': 'Mobile Safari',
    bot: '',
  },
};

export const MACHINE_OPENED = {
  ...base,
  recipient: 'someone@icloud.com',
  event: 'opened',
  id: 'nE3pWpRLQfiM5nQmHOhp5g',
  timestamp: 1770150001,
  'client-info': {
    'client-type': 'browser',
    'client-os': 'unknown',
    'device-type': 'unknown',
    'client-name': 'unknown',
    bot: 'apple',
  },
};

export const COMPLAINED = { ...base, event: 'complained', id: 'ncV2XwymRUKbPek_MIM-Gw', timestamp: 1770150100 };
export const UNSUBSCRIBED = { ...base, event: 'unsubscribed', id: 'W3X4JOhFT-OZidZGKKr9iA', timestamp: 1770150200 };
export const CLICKED = {
  ...base,
  event: 'clicked',
  id: 'Ase7i2zsRYeDXztHGENqRB',
  timestamp: 1770150300,
  url: 'https://example.com',
};
