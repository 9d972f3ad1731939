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

describe('complaints and machine opens', () => {
  const caller = { account: 'acme', admin: false };
  const base = { id: 'o1', domain: 'icloud.com', requestedAt: 1772413500000, sentAt: 1772413500000 };

  test("an opened event keeps machine: true; false or absent leaves it a person's open", () => {
    const [machine, person] = validateBatch(
      [
        { ...base, type: 'opened', machine: true },
        { ...base, id: 'o2', type: 'opened', machine: false },
      ],
      caller
    );
    expect(machine.machine).toBe(true);
    expect(person).not.toHaveProperty('machine');
  });

  test('complained needs sentAt like opens; machine is refused on other types and when not boolean', () => {
    expect(validateBatch([{ ...base, type: 'complained' }], caller)[0]).toMatchObject({ type: 'complained' });
    const problems = (events: unknown[]) => {
      try {
        validateBatch(events, caller);
      } catch (error) {
        return (error as { details: Array<{ field?: string; message: string }> }).details;
      }
      throw new Error('accepted');
    };
    expect(problems([{ ...base, type: 'complained', sentAt: undefined }])).toEqual([
      { index: 0, field: 'sentAt', message: 'sentAt is required' },
    ]);
    expect(problems([{ ...base, type: 'complained', machine: true }])).toEqual([
      { index: 0, field: 'machine', message: 'machine is only allowed on opened events' },
    ]);
    expect(problems([{ ...base, type: 'opened', machine: 'yes' }])).toEqual([
      { index: 0, field: 'machine', message: 'machine must be true or false' },
    ]);
  });
});
