/**
 * Amazon SES event records, verbatim from the AWS developer guide, each without the optional
 * `headersTruncated`, `headers` and `commonHeaders` of `mail` (SES leaves them out when the
 * notification is not configured to include the original headers, as the guide says).
 * - notificationType records: awsdocs/amazon-ses-developer-guide doc-source/notification-examples.md
 *   (https://docs.aws.amazon.com/ses/latest/dg/notification-examples.html)
 * - eventType records: awsdocs/amazon-ses-developer-guide doc-source/event-publishing-retrieving-sns-examples.md
 *   (https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-examples.html)
 */
export const NOTIFICATION_BOUNCE_WITH_DSN = {
  notificationType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    reportingMTA: 'dns; email.example.com',
    bouncedRecipients: [
      {
        emailAddress: 'jane@example.com',
        status: '5.1.1',
        action: 'failed',
        diagnosticCode: 'smtp; 550 5.1.1 <jane@example.com>... User',
      },
    ],
    bounceSubType: 'General',
    timestamp: '2016-01-27T14:59:38.237Z',
    feedbackId: '00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa068a-000000',
    remoteMtaIp: '127.0.2.0',
  },
  mail: {
    timestamp: '2016-01-27T14:59:38.237Z',
    source: 'john@example.com',
    sourceArn: 'arn:aws:ses:us-east-1:888888888888:identity/example.com',
    sourceIp: '127.0.3.0',
    sendingAccountId: '123456789012',
    messageId: '00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000',
    destination: ['jane@example.com', 'mary@example.com', 'richard@example.com'],
  },
};

export const NOTIFICATION_COMPLAINT_WITH_FEEDBACK = {
  notificationType: 'Complaint',
  complaint: {
    userAgent: 'AnyCompany Feedback Loop (V0.01)',
    complainedRecipients: [{ emailAddress: 'richard@example.com' }],
    complaintFeedbackType: 'abuse',
    arrivalDate: '2016-01-27T14:59:38.237Z',
    timestamp: '2016-01-27T14:59:38.237Z',
    feedbackId: '000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000',
  },
  mail: {
    timestamp: '2016-01-27T14:59:38.237Z',
    messageId: '000001378603177f-7a5433e7-8edb-42ae-af10-f0181f34d6ee-000000',
    source: 'john@example.com',
    sourceArn: 'arn:aws:ses:us-east-1:888888888888:identity/example.com',
    sourceIp: '127.0.3.0',
    sendingAccountId: '123456789012',
    destination: ['jane@example.com', 'mary@example.com', 'richard@example.com'],
  },
};

export const NOTIFICATION_DELIVERY = {
  notificationType: 'Delivery',
  mail: {
    timestamp: '2016-01-27T14:59:38.237Z',
    messageId: '0000014644fe5ef6-9a483358-9170-4cb4-a269-f5dcdf415321-000000',
    source: 'john@example.com',
    sourceArn: 'arn:aws:ses:us-east-1:888888888888:identity/example.com',
    sourceIp: '127.0.3.0',
    sendingAccountId: '123456789012',
    destination: ['jane@example.com'],
  },
  delivery: {
    timestamp: '2016-01-27T14:59:38.237Z',
    recipients: ['jane@example.com'],
    processingTimeMillis: 546,
    reportingMTA: 'a8-70.smtp-out.amazonses.com',
    smtpResponse: '250 ok:  Message 64111812 accepted',
    remoteMtaIp: '127.0.2.0',
  },
};

const eventMail = (timestamp: string, destination: string[]) => ({
  timestamp,
  source: 'sender@example.com',
  sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/sender@example.com',
  sendingAccountId: '123456789012',
  messageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
  destination,
});

export const EVENT_SEND = {
  eventType: 'Send',
  mail: eventMail('2016-10-14T05:02:16.645Z', ['recipient@example.com']),
  send: {},
};

export const EVENT_DELIVERY = {
  eventType: 'Delivery',
  mail: eventMail('2016-10-19T23:20:52.240Z', ['recipient@example.com']),
  delivery: {
    timestamp: '2016-10-19T23:21:04.133Z',
    processingTimeMillis: 11893,
    recipients: ['recipient@example.com'],
    smtpResponse: '250 2.6.0 Message received',
    reportingMTA: 'mta.example.com',
  },
};

export const EVENT_REJECT = {
  eventType: 'Reject',
  mail: eventMail('2016-10-14T17:38:15.211Z', ['sender@example.com']),
  reject: { reason: 'Bad content' },
};

export const EVENT_BOUNCE = {
  eventType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [
      {
        emailAddress: 'recipient@example.com',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      },
    ],
    timestamp: '2017-08-05T00:41:02.669Z',
    feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
    reportingMTA: 'dsn; mta.example.com',
  },
  mail: eventMail('2017-08-05T00:40:02.012Z', ['recipient@example.com']),
};

export const EVENT_OPEN = {
  eventType: 'Open',
  mail: eventMail('2017-08-09T21:59:49.927Z', ['recipient@example.com']),
  open: {
    ipAddress: '192.0.2.1',
    timestamp: '2017-08-09T22:00:19.652Z',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 10_3_3 like Mac OS X) AppleWebKit/603.3.8 (KHTML, like Gecko) Mobile/14G60',
  },
};

/** The stored copy of the guide cuts the Click record's mail object short: its timestamp here is ours. */
export const EVENT_CLICK = {
  eventType: 'Click',
  click: {
    ipAddress: '192.0.2.1',
    link: 'http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html',
    timestamp: '2017-08-09T23:51:25.570Z',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.90 Safari/537.36',
  },
  mail: eventMail('2017-08-09T23:50:05.795Z', ['recipient@example.com']),
};
