/**
 * The console's names of the by-request-date metrics, in its order, with the counts the sending
 * services add beyond it (machine opens, complaints) beside their kin: what every surface must show.
 */
export const REQUEST_DATE_METRIC_LABELS = [
  'Request count',
  'Sent count',
  'Delivered count',
  'Bounced count',
  'Opened count',
  'Machine opened count',
  'Unsubscribe count',
  'Complaint count',
  'Canceled count',
  'Delivery rate',
  'Open rate',
  'Unsubscribe rate',
  'Bounce rate',
  'Complaint rate',
];
