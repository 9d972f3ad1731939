/** The console's names of the by-request-date metrics, in its order: what every surface must show. */
export const REQUEST_DATE_METRIC_LABELS = [
  'Request count',
  'Sent count',
  'Delivered count',
  'Bounced count',
  'Opened count',
  'Unsubscribe count',
  'Canceled count',
  'Delivery rate',
  'Open rate',
  'Unsubscribe rate',
  'Bounce rate',
];
