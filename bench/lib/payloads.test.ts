import { axesOf, countedEvent, mailerEvents, rawLine } from './payloads';
import type { TrafficRecord } from './traffic';

const opened: TrafficRecord = {
  type: 'opened',
  template: 'Weekly news, "VIP"',
  advertising: true,
  domain: 'naver.com',
  requestedAt: Date.parse('2026-03-01T10:00:05Z'),
  sentAt: Date.parse('2026-03-01T10:00:25Z'),
  count: 3,
};
const requested: TrafficRecord = {
  type: 'requested',
  advertising: false,
  domain: 'gmail.com',
  requestedAt: Date.parse('2026-03-01T10:00:05Z'),
  count: 1,
};

describe('benchmark payloads', () => {
  it('makes one counted event of a record', () => {
    expect(countedEvent(opened, 'e1')).toEqual({
      id: 'e1',
      type: 'opened',
      template: 'Weekly news, "VIP"',
      advertising: true,
      domain: 'naver.com',
      requestedAt: '2026-03-01T10:00:05.000Z',
      sentAt: '2026-03-01T10:00:25.000Z',
      count: 3,
    });
    expect(countedEvent(requested, 'e2')).toEqual({ id: 'e2', type: 'requested', domain: 'gmail.com', requestedAt: '2026-03-01T10:00:05.000Z' });
  });

  it('makes one mailer event per recipient mail, with addresses and ids', () => {
    const events = mailerEvents(opened, 'r1', 99);
    expect(events).toHaveLength(3);
    expect(events.map((event) => event.id)).toEqual(['r1-99', 'r1-100', 'r1-101']);
    expect(events[1]).toMatchObject({ recipient: 'user100@naver.com', requestId: 'req-r1-2', messageId: 'msg-r1-100', type: 'opened' });
    expect(events[1].count).toBeUndefined();
  });

  it('writes raw points in the backend measurement with distinct microseconds', () => {
    expect(axesOf(opened)).toEqual(['request', 'send']);
    expect(axesOf(requested)).toEqual(['request']);
    expect(rawLine(opened, 'send', 1_000_007)).toBe(
      'mail_counts,account=bench,axis=send,code=-,domain=naver.com,kind=opened,template=Weekly\\ news\\,\\ "VIP" n=1i 1772359225000007'
    );
    expect(rawLine(requested, 'request', 0)).toBe(
      'mail_counts,account=bench,axis=request,code=-,domain=gmail.com,kind=requested,template=(none) n=1i 1772359205000000'
    );
  });
});
