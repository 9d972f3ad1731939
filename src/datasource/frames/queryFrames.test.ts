import type { DomainsResponse, SendingLimitResponse, TimeViewResponse } from '../../../contract/apiTypes';
import { DOMAINS_VIEW, SEND_DATE_VIEW, SENDING_LIMIT_VIEW } from '../../../contract/views';
import { queryFrame } from './queryFrames';

const time = '2026-03-01T00:00:00Z';
const domains: DomainsResponse = {
  view: 'domains',
  from: time,
  to: time,
  tz: 'UTC',
  interval: '1d',
  rows: [{ domain: 'a.example', count: 2, share: 1 }],
  totals: { count: 2 },
  series: [{ time, domain: 'a.example', count: 2 }],
};
const limits: SendingLimitResponse = {
  view: 'sending-limit',
  tz: 'UTC',
  limit: { monthly: 10, daily: null, changeRequestUrl: null },
  months: [
    {
      month: '2026-03',
      used: 2,
      remaining: 8,
      share: 0.2,
      projected: 62,
      days: [{ date: '2026-03-01', volume: 2, cumulative: 2, dailyShare: null }],
    },
  ],
};

describe('queryFrame', () => {
  it('gives a distribution view a table by default and a series on request', () => {
    const names = (output?: 'table' | 'series') =>
      queryFrame({ refId: 'A', view: 'domains', output }, DOMAINS_VIEW, domains).fields.map((field) => field.name);
    expect(names()).toEqual(['domain', 'count', 'share']);
    expect(names('table')).toEqual(['domain', 'count', 'share']);
    expect(names('series')).toEqual(['time', 'a.example']);
  });

  it('gives the sending limit days by default and months on request', () => {
    const names = (limitOutput?: 'days' | 'months') =>
      queryFrame({ refId: 'A', view: 'sending-limit', limitOutput }, SENDING_LIMIT_VIEW, limits).fields.map(
        (field) => field.name
      );
    expect(names()).toEqual(['date', 'volume', 'cumulative', 'monthlyLimit', 'dailyLimit', 'dailyShare']);
    expect(names('months')).toEqual(['month', 'used', 'remaining', 'share', 'projected', 'monthlyLimit']);
  });

  it('gives a time view the chosen metrics', () => {
    const response: TimeViewResponse = {
      view: 'send-date',
      from: time,
      to: time,
      tz: 'UTC',
      interval: '1d',
      rows: [{ time, sentCount: 3 }],
      totals: {},
    };
    const frame = queryFrame({ refId: 'C', view: 'send-date', metrics: ['sentCount'] }, SEND_DATE_VIEW, response);
    expect(frame.refId).toBe('C');
    expect(frame.fields.map((field) => [field.name, field.values])).toEqual([
      ['time', [Date.parse(time)]],
      ['sentCount', [3]],
    ]);
  });

  it('gives a time view the backend totals when the query asks for them', () => {
    const response: TimeViewResponse = {
      view: 'send-date',
      from: time,
      to: time,
      tz: 'UTC',
      interval: '1d',
      rows: [{ time, sentCount: 3, openedCount: 1 }],
      totals: { sentCount: 3, openedCount: 1, openRate: 1 / 3 },
    };
    const query = {
      refId: 'D',
      view: 'send-date' as const,
      metrics: ['openRate' as const],
      timeOutput: 'totals' as const,
    };
    const frame = queryFrame(query, SEND_DATE_VIEW, response);
    expect(frame.fields.map((field) => [field.name, field.values])).toEqual([['openRate', [1 / 3]]]);
  });
});

describe('the subscription period notice', () => {
  it('tells the panel where the statistics start, and end once the period ended', () => {
    const open = queryFrame({ refId: 'A', view: 'domains' }, DOMAINS_VIEW, {
      ...domains,
      since: '2026-03-15T10:00:00+09:00',
    });
    expect(open.meta?.notices).toEqual([
      { severity: 'info', text: "Statistics start at the account's subscription, 2026-03-15T10:00:00+09:00." },
    ]);
    const ended = queryFrame({ refId: 'A', view: 'sending-limit' }, SENDING_LIMIT_VIEW, {
      ...limits,
      since: '2026-03-15T00:00:00Z',
      until: '2026-03-20T00:00:00Z',
    });
    expect(ended.meta?.notices).toEqual([
      {
        severity: 'info',
        text: "Statistics start at the account's subscription, 2026-03-15T00:00:00Z, and end at its unsubscription, 2026-03-20T00:00:00Z.",
      },
    ]);
  });

  it('adds nothing for an account without periods', () => {
    expect(queryFrame({ refId: 'A', view: 'domains' }, DOMAINS_VIEW, domains).meta?.notices).toBeUndefined();
  });
});
