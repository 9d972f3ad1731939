/**
 * Postmark webhook records.
 * - BOUNCE: verbatim from https://postmarkapp.com/email-webhooks ("Bounce Webhook").
 * - DELIVERY: verbatim from https://postmarkapp.com/support/article/1067-how-do-i-enable-delivery-webhooks
 *   (both are Postmark's older bodies without RecordType, which Postmark still shows).
 * - The others follow the documented fields of the Open, Spam Complaint and Subscription Change
 *   webhooks (https://postmarkapp.com/developer/webhooks/webhooks-overview), with RecordType.
 */
export const BOUNCE = {
  ID: 42,
  Type: 'HardBounce',
  TypeCode: 1,
  Name: 'Hard bounce',
  Tag: 'Test',
  MessageID: '883953f4-6105-42a2-a16a-77a8eac79483',
  Description: 'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
  Details: 'Test bounce details',
  Email: 'john@example.com',
  BouncedAt: '2014-08-01T13:28:10.2735393-04:00',
  DumpAvailable: true,
  Inactive: true,
  CanActivate: true,
  Subject: 'Test subject',
  Metadata: { user_id: 43 },
};

export const DELIVERY = {
  MessageID: 'a94dfe84-8ab9-43cf-8a1c-ac234c296e25',
  Recipient: 'recipeint@example.com',
  Tag: 'Your Tag',
  DeliveredAt: '2016-12-01T15:41:45-05:00',
  Details: 'smtp;250 2.0.0 OK 1480624905 l186si10190883ite.73- gsmtp',
};

export const OPEN = {
  RecordType: 'Open',
  MessageStream: 'outbound',
  FirstOpen: true,
  Recipient: 'recipeint@example.com',
  MessageID: 'a94dfe84-8ab9-43cf-8a1c-ac234c296e25',
  ReceivedAt: '2016-12-01T16:02:11-05:00',
  Platform: 'WebMail',
  ReadSeconds: 5,
  Tag: 'Your Tag',
  UserAgent: 'Mozilla/5.0',
};

export const SPAM_COMPLAINT = {
  RecordType: 'SpamComplaint',
  ID: 43,
  Type: 'SpamComplaint',
  TypeCode: 100001,
  MessageID: 'a94dfe84-8ab9-43cf-8a1c-ac234c296e25',
  Email: 'recipeint@example.com',
  BouncedAt: '2016-12-02T09:00:00-05:00',
  MessageStream: 'outbound',
};

export const SUBSCRIPTION_CHANGE = {
  RecordType: 'SubscriptionChange',
  MessageID: 'a94dfe84-8ab9-43cf-8a1c-ac234c296e25',
  ServerID: 23,
  MessageStream: 'broadcast',
  ChangedAt: '2016-12-02T10:00:00-05:00',
  Recipient: 'recipeint@example.com',
  Origin: 'Recipient',
  SuppressSending: true,
  SuppressionReason: 'ManualSuppression',
  Tag: 'Your Tag',
};
