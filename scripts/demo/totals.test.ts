import type { DemoEvent } from './events';
import { addToTotals, zeroTotals } from './totals';

const event = (type: DemoEvent['type'], count: number, resultCode?: string): DemoEvent => ({
  id: `${type}-${resultCode}`,
  type,
  domain: 'naver.com',
  requestedAt: '2026-03-02T01:00:00.000Z',
  resultCode,
  count,
});

describe('addToTotals', () => {
  it('counts each event type and result class as the backend does', () => {
    const totals = addToTotals(zeroTotals(), [
      event('requested', 10),
      event('canceled', 2),
      event('result', 1, 'CONNECTION_ABNORMAL'),
      event('result', 5, 'MAIL_SENT'),
      event('result', 1, 'TEST_MAIL_SEND'),
      event('result', 2, 'MAILBOX_ERROR'),
      event('result', 1, 'NONEXISTENT_DOMAIN_ADDRESS'),
      event('opened', 3),
      event('unsubscribed', 1),
    ]);
    expect(totals).toEqual({
      requestCount: 10,
      sentCount: 8,
      deliveredCount: 6,
      bouncedCount: 2,
      openedCount: 3,
      machineOpenedCount: 0,
      unsubscribeCount: 1,
      complaintCount: 0,
      canceledCount: 2,
      resultCount: 10,
      events: 9,
    });
  });
});
