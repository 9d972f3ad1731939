import { EventAggregator, type EventShape } from './events';

const requested: EventShape = {
  type: 'requested',
  template: 'Welcome, new member',
  advertising: false,
  domain: 'naver.com',
  requestedAt: Date.parse('2026-03-02T01:00:00Z'),
  at: Date.parse('2026-03-02T01:00:00Z'),
};

describe('EventAggregator', () => {
  it('sums identical mails into one event with a count and numbers ids in order', () => {
    const aggregator = new EventAggregator();
    aggregator.add(requested);
    aggregator.add({ ...requested, domain: 'gmail.com' });
    aggregator.add(requested, 2);
    expect(aggregator.events('demo-1-7')).toEqual([
      {
        atMs: requested.at,
        event: {
          id: 'demo-1-7-0',
          type: 'requested',
          template: 'Welcome, new member',
          domain: 'naver.com',
          requestedAt: '2026-03-02T01:00:00.000Z',
          count: 3,
        },
      },
      {
        atMs: requested.at,
        event: {
          id: 'demo-1-7-1',
          type: 'requested',
          template: 'Welcome, new member',
          domain: 'gmail.com',
          requestedAt: '2026-03-02T01:00:00.000Z',
          count: 1,
        },
      },
    ]);
  });

  it('writes `at` only when it differs from the send or request time, and omits an absent template', () => {
    const aggregator = new EventAggregator();
    const sentAt = Date.parse('2026-03-02T01:00:20Z');
    const openedAt = Date.parse('2026-03-02T03:00:20Z');
    aggregator.add({ ...requested, template: undefined, type: 'result', resultCode: 'MAIL_SENT', sentAt, at: sentAt });
    aggregator.add({ ...requested, type: 'opened', advertising: true, sentAt, at: openedAt });
    const [result, opened] = aggregator.events('x').map((timed) => timed.event);
    expect(result).toEqual({
      id: 'x-0',
      type: 'result',
      domain: 'naver.com',
      requestedAt: '2026-03-02T01:00:00.000Z',
      sentAt: '2026-03-02T01:00:20.000Z',
      resultCode: 'MAIL_SENT',
      count: 1,
    });
    expect(opened).toMatchObject({
      advertising: true,
      at: '2026-03-02T03:00:20.000Z',
      sentAt: '2026-03-02T01:00:20.000Z',
    });
  });
});
