import type { MailDetail, Recipient } from './apiTypes';
import { eventsOfMail, MappingError, recipientKey } from './mapping';

const at = (iso: string) => ({ utc: Date.parse(iso) });

function mail(recipients: Recipient[], overrides: Partial<MailDetail> = {}): MailDetail {
  return {
    requestId: '20181120000000010999',
    mailId: '20181120000000011009',
    requestDate: at('2026-06-01T01:00:00Z'),
    templateName: 'Welcome, "friend"',
    emailStatus: { code: 'S' },
    sendDate: at('2026-06-01T01:00:05Z'),
    advertising: false,
    recipients,
    ...overrides,
  };
}

const recipient = (address: string, status: string, code?: string, extra: Partial<Recipient> = {}): Recipient => ({
  address,
  type: { code: 'R' },
  status: { code: status },
  retryCount: 0,
  ...(code ? { sendResultCode: code } : {}),
  ...extra,
});

const ids = (events: Array<Record<string, unknown>>) => events.map((event) => event.id);

test('a sent and a bounced recipient: requested and result events with ids from mailId and recipient', () => {
  const detail = mail([
    recipient('a@example.com', 'S', 'MAIL_SENT', { receivedDate: at('2026-06-01T01:00:07Z') }),
    recipient('b@Example.ORG', 'F', 'RECIPIENT_ADDRESS_ERROR'),
  ]);
  const a = recipientKey(detail.mailId, detail.recipients[0]);
  const b = recipientKey(detail.mailId, detail.recipients[1]);
  const { events, final } = eventsOfMail(detail);
  expect(final).toBe(true);
  const common = {
    template: 'Welcome, "friend"',
    requestId: '20181120000000010999',
    messageId: '20181120000000011009',
    advertising: false,
    requestedAt: Date.parse('2026-06-01T01:00:00Z'),
  };
  expect(events).toEqual([
    { ...common, id: `ncloud:20181120000000011009:${a}:requested`, type: 'requested', recipient: 'a@example.com' },
    {
      ...common,
      id: `ncloud:20181120000000011009:${a}:result:MAIL_SENT`,
      type: 'result',
      recipient: 'a@example.com',
      resultCode: 'MAIL_SENT',
      sentAt: Date.parse('2026-06-01T01:00:07Z'),
    },
    { ...common, id: `ncloud:20181120000000011009:${b}:requested`, type: 'requested', recipient: 'b@Example.ORG' },
    {
      ...common,
      id: `ncloud:20181120000000011009:${b}:result:RECIPIENT_ADDRESS_ERROR`,
      type: 'result',
      recipient: 'b@Example.ORG',
      resultCode: 'RECIPIENT_ADDRESS_ERROR',
      sentAt: Date.parse('2026-06-01T01:00:05Z'),
    },
  ]);
  // Ids never hold the address.
  expect(events.some((event) => String(event.id).includes('example'))).toBe(false);
});

test('the recipient key is stable, ignores case and tells To, Cc and Bcc apart', () => {
  const to = recipient('User@Example.com', 'S');
  expect(recipientKey('m1', to)).toBe(recipientKey('m1', recipient('user@example.com', 'F')));
  expect(recipientKey('m1', to)).not.toBe(recipientKey('m2', to));
  expect(recipientKey('m1', to)).not.toBe(recipientKey('m1', { ...to, type: { code: 'C' } }));
  expect(recipientKey('m1', to)).toMatch(/^[0-9a-f]{16}$/);
});

test('a resending recipient gives RESENDING_MAIL now and its final code later, the first under the same id', () => {
  const resending = eventsOfMail(mail([recipient('a@example.com', 'I', 'RESENDING_MAIL', { retryCount: 1 })]));
  expect(resending.final).toBe(false);
  expect(resending.events.map((event) => event.resultCode ?? event.type)).toEqual(['requested', 'RESENDING_MAIL']);
  const done = eventsOfMail(mail([recipient('a@example.com', 'S', 'MAIL_SENT', { retryCount: 1 })]));
  expect(done.final).toBe(true);
  expect(done.events.map((event) => event.resultCode ?? event.type)).toEqual([
    'requested',
    'RESENDING_MAIL',
    'MAIL_SENT',
  ]);
  expect(ids(done.events).slice(0, 2)).toEqual(ids(resending.events));
});

test('a scheduled mail not sent yet: requested only, not final; its send date is the reservation', () => {
  const scheduled = mail([recipient('a@example.com', 'R')], {
    sendDate: null,
    reservationDate: at('2026-06-04T09:00:00Z'),
    emailStatus: { code: 'R' },
  });
  const waiting = eventsOfMail(scheduled);
  expect(waiting).toMatchObject({ final: false, events: [{ type: 'requested' }] });
  const canceled = eventsOfMail({ ...scheduled, recipients: [recipient('a@example.com', 'C', 'CANCELED_MAIL')] });
  expect(canceled.final).toBe(true);
  expect(canceled.events.map((event) => [event.type, event.resultCode, event.sentAt])).toEqual([
    ['requested', undefined, undefined],
    ['result', 'CANCELED_MAIL', Date.parse('2026-06-04T09:00:00Z')],
    ['canceled', undefined, undefined],
  ]);
});

test('a final status without sendResultCode gets the code of that status; no template: none named', () => {
  const { events } = eventsOfMail(
    mail(
      [
        recipient('a@example.com', 'S'),
        recipient('b@example.com', 'U'),
        recipient('c@example.com', 'C'),
        recipient('d@example.com', 'F'),
      ],
      { templateName: null }
    )
  );
  expect(events.filter((event) => event.type === 'result').map((event) => event.resultCode)).toEqual([
    'MAIL_SENT',
    'UNSUBSCRIBE_ADDRESS',
    'CANCELED_MAIL',
    'UNKNOWN_CAUSE_FAIL',
  ]);
  expect(events.some((event) => 'template' in event)).toBe(false);
});

test('a code outside the 28 is refused, naming it', () => {
  expect(() => eventsOfMail(mail([recipient('a@example.com', 'F', 'MAILBOX_FULL')]))).toThrow(
    new MappingError(
      'mail 20181120000000011009 has the result code "MAILBOX_FULL", which is not one of the 28 known codes'
    )
  );
});
