/** JSON answers of every view, as the backend gives them, for the export tests. */
import type {
  DomainsResponse,
  ResultCodesResponse,
  SendingLimitResponse,
  TimeViewResponse,
} from '../../../contract/apiTypes';
import type { RequestContext } from '../../../backend/export';

export const KOREAN_TEMPLATE = '환영 메일, "VIP"';

/** Three Berlin days around the switch to summer time (29 March has 23 hours); the last has no mail. */
export const requestDateResponse: TimeViewResponse = {
  view: 'request-date',
  from: '2026-03-28T00:00:00+01:00',
  to: '2026-03-31T00:00:00+02:00',
  tz: 'Europe/Berlin',
  interval: '1d',
  rows: [
    {
      time: '2026-03-28T00:00:00+01:00',
      requestCount: 1200,
      sentCount: 1100,
      deliveredCount: 1000,
      bouncedCount: 100,
      openedCount: 300,
      machineOpenedCount: 150,
      unsubscribeCount: 7,
      complaintCount: 2,
      canceledCount: 20,
      deliveryRate: 1100 / 1200,
      openRate: 300 / 1100,
      unsubscribeRate: 7 / 300,
      bounceRate: 100 / 1100,
      complaintRate: 2 / 1100,
    },
    {
      time: '2026-03-29T00:00:00+01:00',
      requestCount: 3,
      sentCount: 3,
      deliveredCount: 3,
      bouncedCount: 0,
      openedCount: 0,
      machineOpenedCount: 0,
      unsubscribeCount: 0,
      complaintCount: 0,
      canceledCount: 0,
      deliveryRate: 1,
      openRate: 0,
      unsubscribeRate: null,
      bounceRate: 0,
      complaintRate: 0,
    },
    {
      time: '2026-03-30T00:00:00+02:00',
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
    },
  ],
  totals: {
    requestCount: 1203,
    sentCount: 1103,
    deliveredCount: 1003,
    bouncedCount: 100,
    openedCount: 300,
    machineOpenedCount: 150,
    unsubscribeCount: 7,
    complaintCount: 2,
    canceledCount: 20,
    deliveryRate: 1103 / 1203,
    openRate: 300 / 1103,
    unsubscribeRate: 7 / 300,
    bounceRate: 100 / 1103,
    complaintRate: 2 / 1103,
  },
};

export const requestDateContext: RequestContext = {
  account: 'acme',
  filters: { template: [KOREAN_TEMPLATE, 'welcome'], domain: [] },
};

export const domainsResponse: DomainsResponse = {
  view: 'domains',
  from: '2026-03-01T00:00:00+05:45',
  to: '2026-03-02T00:00:00+05:45',
  tz: 'Asia/Kathmandu',
  interval: '1h',
  rows: [
    { domain: 'example.com', count: 700, share: 0.7 },
    { domain: 'xn--9n2bp8q.xn--3e0b707e', count: 200, share: 0.2 },
    { domain: '(other)', count: 100, share: 0.1 },
  ],
  totals: { count: 1000 },
  series: [],
};

export const domainsContext: RequestContext = {
  account: 'acme',
  filters: { resultCode: ['MAIL_SENT', 'MAILBOX_ERROR'] },
  top: 2,
};

export const resultCodesResponse: ResultCodesResponse = {
  view: 'result-codes',
  from: '2026-03-01T00:00:00Z',
  to: '2026-03-08T00:00:00Z',
  tz: 'UTC',
  interval: '1w',
  rows: [
    { resultCode: 'MAIL_SENT', class: 'delivered', count: 900, share: 0.9 },
    { resultCode: 'MAILBOX_ERROR', class: 'bounced', count: 100, share: 0.1 },
  ],
  totals: { count: 1000 },
  series: [],
};

export const sendingLimitResponse: SendingLimitResponse = {
  view: 'sending-limit',
  tz: 'Asia/Seoul',
  limit: { monthly: 100000, daily: null, changeRequestUrl: 'https://example.com/limit-change' },
  months: [
    {
      month: '2026-02',
      used: 5000,
      remaining: 95000,
      share: 0.05,
      projected: 5000,
      days: [
        { date: '2026-02-27', volume: 3000, cumulative: 3000, dailyShare: null },
        { date: '2026-02-28', volume: 2000, cumulative: 5000, dailyShare: null },
      ],
    },
    {
      month: '2026-03',
      used: 1500,
      remaining: 98500,
      share: 0.015,
      projected: 46500,
      days: [{ date: '2026-03-01', volume: 1500, cumulative: 1500, dailyShare: null }],
    },
  ],
};

/** Template names a business user really has: Korean, quotes, commas, `=`, a newline. */
export const AWKWARD_TEMPLATES = ['월간 프로모션: "VIP" 혜택 = 20% 할인', 'Welcome, new users', 'a=b', 'two\nlines'];

/** Hourly request-date rows for `days` UTC days from 2026-03-01, with large counts and their rates. */
export function hourlyRequestDateResponse(days: number): TimeViewResponse {
  const start = Date.UTC(2026, 2, 1);
  const rows = Array.from({ length: days * 24 }, (_unused, hour) => {
    const requestCount = 120_000 + ((hour * 7919) % 90_000);
    const sentCount = requestCount - (hour % 97);
    const bouncedCount = hour % 13;
    const openedCount = Math.floor(sentCount / 3);
    const unsubscribeCount = hour % 7;
    return {
      time: new Date(start + hour * 3_600_000).toISOString().slice(0, 19) + 'Z',
      requestCount,
      sentCount,
      deliveredCount: sentCount - bouncedCount,
      bouncedCount,
      openedCount,
      unsubscribeCount,
      canceledCount: hour % 5,
      deliveryRate: sentCount / requestCount,
      openRate: openedCount / sentCount,
      unsubscribeRate: unsubscribeCount / openedCount,
      bounceRate: bouncedCount / sentCount,
    };
  });
  const sum = (key: keyof (typeof rows)[number]) => rows.reduce((total, row) => total + (row[key] as number), 0);
  const totals = {
    requestCount: sum('requestCount'),
    sentCount: sum('sentCount'),
    deliveredCount: sum('deliveredCount'),
    bouncedCount: sum('bouncedCount'),
    openedCount: sum('openedCount'),
    unsubscribeCount: sum('unsubscribeCount'),
    canceledCount: sum('canceledCount'),
  };
  return {
    view: 'request-date',
    from: '2026-03-01T00:00:00Z',
    to: new Date(start + days * 86_400_000).toISOString().slice(0, 19) + 'Z',
    tz: 'UTC',
    interval: '1h',
    rows,
    totals: {
      ...totals,
      deliveryRate: totals.sentCount / totals.requestCount,
      openRate: totals.openedCount / totals.sentCount,
      unsubscribeRate: totals.unsubscribeCount / totals.openedCount,
      bounceRate: totals.bouncedCount / totals.sentCount,
    },
  };
}
