import { normalizeDomain, validateBatch } from './events';

test('domains are lower-cased, IDNs become punycode, junk is refused', () => {
  expect(normalizeDomain('Gmail.COM.')).toBe('gmail.com');
  expect(normalizeDomain('bücher.example')).toBe('xn--bcher-kva.example');
  expect(normalizeDomain('네이버.한국')).toBe('xn--950bt9s8xi.xn--3e0b707e');
  expect(normalizeDomain('')).toBe('');
  expect(normalizeDomain('a b.com')).toBe('');
});

test('an event keeps only what counting needs; the recipient address is reduced to its domain', () => {
  const [event] = validateBatch(
    [
      {
        id: 'e1',
        type: 'result',
        recipient: 'Kim@Naver.com',
        requestedAt: '2026-03-02T10:00:00+09:00',
        sentAt: 1772413500000,
        resultCode: 'MAIL_SENT',
        count: 2,
        requestId: 'r1',
      },
    ],
    { account: 'acme', admin: false }
  );
  expect(event).toEqual({
    id: 'e1',
    type: 'result',
    account: 'acme',
    template: '(none)',
    domain: 'naver.com',
    requestedAt: Date.parse('2026-03-02T01:00:00Z'),
    sentAt: 1772413500000,
    resultCode: 'MAIL_SENT',
    count: 2,
  });
});
