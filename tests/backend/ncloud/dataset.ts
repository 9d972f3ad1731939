/**
 * The mail the fake NAVER server holds in the collector tests, and the numbers every view must
 * show for it, tallied here straight from domain.md's rules (not with the collector's mapping).
 */
import type { FakeMail, FakeRecipient, FakeRequest } from './fakeNaver';

const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
export const JUNE_1 = Date.UTC(2026, 5, 1);
const DOMAINS = ['example.com', 'naver.com', 'daum.net'];
const TEMPLATES = ['Welcome', 'Newsletter, "June"', undefined];
const OUTCOMES: Array<[FakeRecipient['status'], string]> = [
  ['S', 'MAIL_SENT'],
  ['S', 'MAIL_SENT'],
  ['F', 'MAILBOX_ERROR'],
  ['F', 'SEND_BLOCK_ADDRESS'],
  ['U', 'UNSUBSCRIBE_ADDRESS'],
  ['F', 'NONEXISTENT_DOMAIN_ADDRESS'],
];

let recipients = 0;
function finalRecipient(requestedAt: number, type: FakeRecipient['type'] = 'R'): FakeRecipient {
  const n = recipients++;
  const [status, code] = OUTCOMES[n % OUTCOMES.length];
  return {
    address: `user${n}@${DOMAINS[n % DOMAINS.length]}`,
    type,
    status,
    code,
    ...(status === 'S' ? { receivedAt: requestedAt + 40_000 } : {}),
  };
}

const id = (day: string, n: number) => `${day}${String(n).padStart(12, '0')}`;

/** `count` immediate requests from `firstAt`, 37 minutes apart, of 1 to 3 mails each, all final. */
export function immediateRequests(day: string, firstAt: number, count: number): FakeRequest[] {
  return Array.from({ length: count }, (_unused, i) => {
    const requestedAt = firstAt + i * 37 * MINUTE;
    const mails: FakeMail[] = Array.from({ length: 1 + (i % 3) }, (_mail, m) => ({
      mailId: id(day, i * 10 + m + 1),
      sentAt: requestedAt + 30_000,
      recipients:
        i === 0 && m === 0
          ? [finalRecipient(requestedAt, 'R'), finalRecipient(requestedAt, 'C'), finalRecipient(requestedAt, 'B')]
          : [finalRecipient(requestedAt)],
    }));
    return { requestId: id(day, i * 10), requestedAt, templateName: TEMPLATES[i % 3], mails };
  });
}

/** Retried: RESENDING_MAIL at first, MAIL_SENT after midnight (resendDelivered). */
export const resendRequest = (): FakeRequest => ({
  requestId: '20260601999999999990',
  requestedAt: Date.UTC(2026, 5, 1, 20),
  templateName: 'Welcome',
  mails: [
    {
      mailId: '20260601999999999991',
      sentAt: Date.UTC(2026, 5, 1, 20, 1),
      recipients: [{ address: 'late@naver.com', status: 'I', code: 'RESENDING_MAIL', retryCount: 1 }],
    },
  ],
});

export function resendDelivered(request: FakeRequest): void {
  Object.assign(request.mails[0].recipients[0], {
    status: 'S',
    code: 'MAIL_SENT',
    receivedAt: Date.UTC(2026, 5, 2, 0, 30),
  });
}

/** Requested on June 2 for June 5 (scheduledSent: one sent then, the other canceled). */
export const scheduledRequest = (): FakeRequest => ({
  requestId: '20260602999999999990',
  requestedAt: Date.UTC(2026, 5, 2, 10),
  reservedFor: Date.UTC(2026, 5, 5, 9),
  templateName: 'Newsletter, "June"',
  advertising: true,
  mails: [
    { mailId: '20260602999999999991', recipients: [{ address: 'a@example.com', status: 'R' }] },
    { mailId: '20260602999999999992', recipients: [{ address: 'b@daum.net', status: 'R' }] },
  ],
});

export function scheduledSent(request: FakeRequest): void {
  request.mails[0].sentAt = Date.UTC(2026, 5, 5, 9, 0, 30);
  Object.assign(request.mails[0].recipients[0], {
    status: 'S',
    code: 'MAIL_SENT',
    receivedAt: Date.UTC(2026, 5, 5, 9, 0, 40),
  });
  Object.assign(request.mails[1].recipients[0], { status: 'C', code: 'CANCELED_MAIL' });
}

/** The classes of the codes used here (domain.md, "Result codes"). */
const CLASS: Record<string, string> = {
  MAIL_SENT: 'delivered',
  MAILBOX_ERROR: 'bounced',
  SEND_BLOCK_ADDRESS: 'blocked',
  UNSUBSCRIBE_ADDRESS: 'blocked',
  NONEXISTENT_DOMAIN_ADDRESS: 'failed',
  CANCELED_MAIL: 'canceled',
  RESENDING_MAIL: 'deferred',
};

export interface DayCounts {
  requestCount: number;
  sentCount: number;
  deliveredCount: number;
  bouncedCount: number;
  canceledCount: number;
}

export interface Expected {
  requestDays: Map<string, DayCounts>;
  sendDays: Map<string, DayCounts>;
  codes: Map<string, number>;
  domains: Map<string, number>;
}

export const COUNT_FIELDS: ReadonlyArray<keyof DayCounts> = [
  'requestCount',
  'sentCount',
  'deliveredCount',
  'bouncedCount',
  'canceledCount',
];

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const zero = (): DayCounts => ({ requestCount: 0, sentCount: 0, deliveredCount: 0, bouncedCount: 0, canceledCount: 0 });
const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Every recipient is one recipient mail; each result it has shown counts once (a retried one
 * also as RESENDING_MAIL); sent = delivered + bounced, on the request day and on the day the
 * recipient got it (else the mail's send day); a canceled one counts as canceled.
 */
export function expectedCounts(requests: readonly FakeRequest[]): Expected {
  const expected: Expected = { requestDays: new Map(), sendDays: new Map(), codes: new Map(), domains: new Map() };
  const day = (map: Map<string, DayCounts>, ms: number) => {
    const key = dayOf(ms);
    if (!map.has(key)) {
      map.set(key, zero());
    }
    return map.get(key)!;
  };
  for (const request of requests) {
    for (const mail of request.mails) {
      for (const recipient of mail.recipients) {
        day(expected.requestDays, request.requestedAt).requestCount++;
        const codes = [
          ...((recipient.retryCount ?? 0) > 0 ? ['RESENDING_MAIL'] : []),
          ...(recipient.code && recipient.code !== 'RESENDING_MAIL' ? [recipient.code] : []),
        ];
        for (const code of codes) {
          bump(expected.codes, code);
          bump(expected.domains, recipient.address.split('@')[1]);
          const resultClass = CLASS[code];
          if (resultClass === 'canceled') {
            day(expected.requestDays, request.requestedAt).canceledCount++;
          }
          if (resultClass !== 'delivered' && resultClass !== 'bounced') {
            continue;
          }
          const sentOn = recipient.receivedAt ?? mail.sentAt!;
          for (const counts of [day(expected.requestDays, request.requestedAt), day(expected.sendDays, sentOn)]) {
            counts.sentCount++;
            counts[resultClass === 'delivered' ? 'deliveredCount' : 'bouncedCount']++;
          }
        }
      }
    }
  }
  return expected;
}

export const sum = (map: Map<string, DayCounts>, field: keyof DayCounts) =>
  [...map.values()].reduce((total, counts) => total + counts[field], 0);

/** The counts of every day together. */
export const totalCounts = (days: Map<string, DayCounts>) =>
  Object.fromEntries(COUNT_FIELDS.map((field) => [field, sum(days, field)]));
