/**
 * Small backend answers (api.md shapes) for each view, to feed panels through the data
 * source's own frame building in tests.
 */
import type { StatsResponse, TimeViewResponse } from '../../contract/apiTypes';
import { COUNT_METRICS, computeRates, zeroCounts, type Counts, type ViewId } from '../../contract/views';

const DAY_1 = '2026-03-01T00:00:00+01:00';
const DAY_2 = '2026-03-02T00:00:00+01:00';

/** Two days of counts on the request-date axis. */
export const DAY_COUNTS: readonly Counts[] = [
  {
    requestCount: 120,
    sentCount: 100,
    deliveredCount: 90,
    bouncedCount: 10,
    openedCount: 40,
    machineOpenedCount: 12,
    unsubscribeCount: 2,
    complaintCount: 1,
    canceledCount: 5,
  },
  {
    requestCount: 80,
    sentCount: 60,
    deliveredCount: 57,
    bouncedCount: 3,
    openedCount: 35,
    machineOpenedCount: 9,
    unsubscribeCount: 1,
    complaintCount: 0,
    canceledCount: 0,
  },
];

export function summedCounts(days: readonly Counts[]): Counts {
  const totals = zeroCounts();
  for (const day of days) {
    COUNT_METRICS.forEach((metric) => (totals[metric] += day[metric]));
  }
  return totals;
}

function timeViewResponse(view: 'request-date' | 'send-date'): TimeViewResponse {
  const totals = summedCounts(DAY_COUNTS);
  return {
    view,
    from: DAY_1,
    to: '2026-03-03T00:00:00+01:00',
    tz: 'Europe/Berlin',
    interval: '1d',
    rows: DAY_COUNTS.map((counts, day) => ({ time: [DAY_1, DAY_2][day], ...counts, ...computeRates(counts) })),
    totals: { ...totals, ...computeRates(totals) },
  };
}

const range = { from: DAY_1, to: '2026-03-03T00:00:00+01:00', tz: 'Europe/Berlin', interval: '1d' } as const;

export const SAMPLE_RESPONSES: Readonly<Record<ViewId, StatsResponse>> = {
  'request-date': timeViewResponse('request-date'),
  'send-date': timeViewResponse('send-date'),
  domains: {
    view: 'domains',
    ...range,
    rows: [
      { domain: 'a.example', count: 6, share: 0.6 },
      { domain: '(other)', count: 4, share: 0.4 },
    ],
    totals: { count: 10 },
    series: [
      { time: DAY_1, domain: 'a.example', count: 6 },
      { time: DAY_1, domain: '(other)', count: 4 },
    ],
  },
  'result-codes': {
    view: 'result-codes',
    ...range,
    rows: [
      { resultCode: 'MAIL_SENT', class: 'delivered', count: 9, share: 0.9 },
      { resultCode: 'MAILBOX_ERROR', class: 'bounced', count: 1, share: 0.1 },
    ],
    totals: { count: 10 },
    series: [
      { time: DAY_1, resultCode: 'MAIL_SENT', count: 9 },
      { time: DAY_1, resultCode: 'MAILBOX_ERROR', count: 1 },
    ],
  },
  'sending-limit': {
    view: 'sending-limit',
    tz: 'Europe/Berlin',
    limit: { monthly: 1000, daily: 100, changeRequestUrl: 'https://support.example/limits' },
    months: [
      {
        month: '2026-03',
        used: 150,
        remaining: 850,
        share: 0.15,
        projected: 2325,
        days: [
          { date: '2026-03-01', volume: 115, cumulative: 115, dailyShare: 1.15 },
          { date: '2026-03-02', volume: 35, cumulative: 150, dailyShare: 0.35 },
        ],
      },
    ],
  },
};
