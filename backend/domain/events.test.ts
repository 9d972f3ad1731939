import { ApiError } from './errors';
import { validateBatch } from './events';

const ACME = { account: 'acme', admin: false };
const requested = (fields: Record<string, unknown>) => ({
  id: 'e1',
  type: 'requested',
  requestedAt: '2026-03-02T10:00:00+09:00',
  ...fields,
});

function refusal(events: unknown[]): ApiError {
  try {
    validateBatch(events, ACME);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('the batch was accepted');
}

const HOST_NAME_RULE =
  'a DNS host name (labels of letters, digits and inner hyphens, 1 to 63 characters each, 253 in all, other scripts as IDNA; nothing is repaired)';

test('domains are only case-folded and IDNA-converted', () => {
  const events = validateBatch(
    [
      requested({ domain: 'Gmail.COM' }),
      requested({ id: 'e2', domain: 'bücher.example' }),
      requested({ id: 'e3', recipient: 'kim@네이버.한국' }),
      requested({ id: 'e4', recipient: 'Kim@Naver.com', domain: 'naver.COM' }),
    ],
    ACME
  );
  expect(events.map((event) => event.domain)).toEqual([
    'gmail.com',
    'xn--bcher-kva.example',
    'xn--950bt9s8xi.xn--3e0b707e',
    'naver.com',
  ]);
});

test('names that are not host names are refused with a detail for each event, never repaired', () => {
  const error = refusal([
    requested({ domain: 'a/b.com' }),
    requested({ id: 'e2', domain: 'exa\r\nmple.com' }),
    requested({ id: 'e3', recipient: 'kim@exa%41mple.com' }),
    requested({ id: 'e4', recipient: 'no-at-sign' }),
    requested({ id: 'e5', domain: 'example.com' }),
    requested({ id: 'e6', recipient: 'kim@example.org', domain: 'example.com' }),
  ]);
  expect(error).toMatchObject({
    status: 400,
    code: 'invalid_events',
    message: '5 of 6 events are invalid; nothing was accepted',
  });
  expect(error.details).toEqual([
    { index: 0, field: 'domain', message: `domain must be ${HOST_NAME_RULE}: "a/b.com" is not` },
    { index: 1, field: 'domain', message: `domain must be ${HOST_NAME_RULE}: "exa\\r\\nmple.com" is not` },
    {
      index: 2,
      field: 'recipient',
      message: `recipient must have as its domain ${HOST_NAME_RULE}: "exa%41mple.com" is not`,
    },
    {
      index: 3,
      field: 'recipient',
      message: 'recipient must be an e-mail address (local-part@domain): "no-at-sign" is not',
    },
    { index: 5, field: 'domain', message: "domain does not match the recipient's domain example.org" },
  ]);
});

test('flags are true or false, on the event types that take them', () => {
  const error = refusal([requested({ domain: 'example.com', advertising: 'yes' })]);
  expect(error.details).toEqual([{ index: 0, field: 'advertising', message: 'advertising must be true or false' }]);
  const [event] = validateBatch([requested({ domain: 'example.com', advertising: true })], ACME);
  expect(event.domain).toBe('example.com');
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
