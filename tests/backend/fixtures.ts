/** A hand-made event set for account acme in Asia/Seoul, with the numbers every view must give for it. */
export const KOREAN_TEMPLATE = '환영 메일, "VIP"';

const requested = (id: string, template: string, domain: string, at: string, count: number) => ({
  id,
  type: 'requested',
  template,
  recipient: `someone@${domain}`,
  requestedAt: at,
  count,
});

const after = (
  id: string,
  type: string,
  template: string,
  domain: string,
  requestedAt: string,
  sentAt: string,
  extra = {}
) => ({
  id,
  type,
  template,
  domain,
  requestedAt,
  sentAt,
  ...extra,
});

const MAR2 = '2026-03-02T10:00:00+09:00';
const MAR2_SENT = '2026-03-02T10:05:00+09:00';
const MAR3 = '2026-03-03T09:00:00+09:00';
/** Scheduled: sent two days after its request. */
const MAR5_SENT = '2026-03-05T08:00:00+09:00';

export const SEOUL_EVENTS = [
  requested('req-1', 'Welcome', 'gmail.com', MAR2, 4),
  requested('req-2', 'Welcome', 'naver.com', MAR2, 3),
  requested('req-3', KOREAN_TEMPLATE, 'daum.net', MAR3, 3),
  after('res-1', 'result', 'Welcome', 'gmail.com', MAR2, MAR2_SENT, { resultCode: 'MAIL_SENT', count: 3 }),
  after('res-2', 'result', 'Welcome', 'gmail.com', MAR2, MAR2_SENT, { resultCode: 'MAILBOX_ERROR' }),
  after('res-3', 'result', 'Welcome', 'NAVER.com', MAR2, MAR2_SENT, { resultCode: 'MAIL_SENT', count: 2 }),
  after('res-4', 'result', 'Welcome', 'naver.com', MAR2, MAR2_SENT, { resultCode: 'CONNECTION_ABNORMAL' }),
  after('res-5', 'result', 'Welcome', 'naver.com', MAR2, MAR2_SENT, { resultCode: 'NONEXISTENT_DOMAIN_ADDRESS' }),
  after('res-6', 'result', KOREAN_TEMPLATE, 'daum.net', MAR3, MAR5_SENT, { resultCode: 'MAIL_SENT', count: 2 }),
  { id: 'can-1', type: 'canceled', template: KOREAN_TEMPLATE, domain: 'daum.net', requestedAt: MAR3 },
  after('open-1', 'opened', 'Welcome', 'gmail.com', MAR2, MAR2_SENT, { at: '2026-03-04T12:00:00+09:00', count: 2 }),
  after('open-2', 'opened', KOREAN_TEMPLATE, 'daum.net', MAR3, MAR5_SENT, { at: '2026-03-06T12:00:00+09:00' }),
  after('unsub-1', 'unsubscribed', KOREAN_TEMPLATE, 'daum.net', MAR3, MAR5_SENT, { advertising: true }),
];

export const SEOUL_RANGE = { from: '2026-03-01', to: '2026-03-06', tz: 'Asia/Seoul' };

export const zeroRequestRow = {
  requestCount: 0,
  sentCount: 0,
  deliveredCount: 0,
  bouncedCount: 0,
  openedCount: 0,
  machineOpenedCount: 0,
  unsubscribeCount: 0,
  complaintCount: 0,
  canceledCount: 0,
  deliveryRate: null,
  openRate: null,
  unsubscribeRate: null,
  bounceRate: null,
  complaintRate: null,
};

export const EXPECTED_REQUEST_DATE_ROWS = [
  { time: '2026-03-01T00:00:00+09:00', ...zeroRequestRow },
  {
    time: '2026-03-02T00:00:00+09:00',
    requestCount: 7,
    sentCount: 6,
    deliveredCount: 5,
    bouncedCount: 1,
    openedCount: 2,
    machineOpenedCount: 0,
    unsubscribeCount: 0,
    complaintCount: 0,
    canceledCount: 0,
    deliveryRate: 6 / 7,
    openRate: 2 / 6,
    unsubscribeRate: 0,
    bounceRate: 1 / 6,
    complaintRate: 0,
  },
  {
    time: '2026-03-03T00:00:00+09:00',
    requestCount: 3,
    sentCount: 2,
    deliveredCount: 2,
    bouncedCount: 0,
    openedCount: 1,
    machineOpenedCount: 0,
    unsubscribeCount: 1,
    complaintCount: 0,
    canceledCount: 1,
    deliveryRate: 2 / 3,
    openRate: 1 / 2,
    unsubscribeRate: 1,
    bounceRate: 0,
    complaintRate: 0,
  },
  { time: '2026-03-04T00:00:00+09:00', ...zeroRequestRow },
  { time: '2026-03-05T00:00:00+09:00', ...zeroRequestRow },
];

export const EXPECTED_REQUEST_DATE_TOTALS = {
  requestCount: 10,
  sentCount: 8,
  deliveredCount: 7,
  bouncedCount: 1,
  openedCount: 3,
  machineOpenedCount: 0,
  unsubscribeCount: 1,
  complaintCount: 0,
  canceledCount: 1,
  deliveryRate: 0.8,
  openRate: 3 / 8,
  unsubscribeRate: 1 / 3,
  bounceRate: 1 / 8,
  complaintRate: 0,
};

export const zeroSendRow = {
  sentCount: 0,
  deliveredCount: 0,
  bouncedCount: 0,
  openedCount: 0,
  machineOpenedCount: 0,
  unsubscribeCount: 0,
  complaintCount: 0,
  openRate: null,
  unsubscribeRate: null,
  bounceRate: null,
  complaintRate: null,
};

export const EXPECTED_SEND_DATE_ROWS = [
  { time: '2026-03-01T00:00:00+09:00', ...zeroSendRow },
  {
    time: '2026-03-02T00:00:00+09:00',
    sentCount: 6,
    deliveredCount: 5,
    bouncedCount: 1,
    openedCount: 2,
    machineOpenedCount: 0,
    unsubscribeCount: 0,
    complaintCount: 0,
    openRate: 2 / 6,
    unsubscribeRate: 0,
    bounceRate: 1 / 6,
    complaintRate: 0,
  },
  { time: '2026-03-03T00:00:00+09:00', ...zeroSendRow },
  { time: '2026-03-04T00:00:00+09:00', ...zeroSendRow },
  {
    time: '2026-03-05T00:00:00+09:00',
    sentCount: 2,
    deliveredCount: 2,
    bouncedCount: 0,
    openedCount: 1,
    machineOpenedCount: 0,
    unsubscribeCount: 1,
    complaintCount: 0,
    openRate: 1 / 2,
    unsubscribeRate: 1,
    bounceRate: 0,
    complaintRate: 0,
  },
];
