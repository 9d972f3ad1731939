/**
 * Delivery events for comparing the event schema (backend/domain/eventSchema.ts) with the
 * hand-written validator: valid ones of every type, and ones broken in a way the schema can
 * see. Rules the schema leaves to code (host names, real dates in 2000-2099, lengths in UTF-16
 * units) are always met,
 * so a disagreement is a difference in what both claim to check. Used by the property test
 * and by bench/validation.ts.
 */
import Ajv from 'ajv';
import fc from 'fast-check';
import { eventSchema } from '../../../backend/domain/eventSchema';
import { canonicalHostName } from '../../../backend/domain/hostName';
import { EVENT_TYPES, type EventType } from '../../../backend/domain/events';
import { RESULT_CODE_NAMES } from '../../../contract/resultCodes';

export function compileEventSchema() {
  return new Ajv().compile(eventSchema);
}

const FIRST_MS = Date.UTC(2000, 0, 1);
const LAST_MS = Date.UTC(2100, 0, 1) - 1;
const NEEDS_SENT_AT: readonly EventType[] = ['result', 'opened', 'unsubscribed', 'complained'];
const HOUR_MS = 3_600_000;

/** A host name the code accepts: the IDNA rules are the code's, so only its side of them is generated. */
const hostName = fc.oneof(
  fc.domain().filter((name) => canonicalHostName(name) !== undefined),
  fc.constantFrom('example.com', 'Mail.Example.COM', 'bücher.de', 'xn--bcher-kva.de', 'naver.com')
);

/** A time inside 2000-2099 in each spelling the code takes: epoch ms, its digits, ISO with Z or an offset. */
const eventTime = fc
  .integer({ min: FIRST_MS + 24 * HOUR_MS, max: LAST_MS - 24 * HOUR_MS })
  .chain((ms) =>
    fc.constantFrom(
      ms,
      String(ms),
      new Date(ms).toISOString(),
      `${new Date(ms).toISOString().slice(0, 16)}Z`,
      `${new Date(ms + 9 * HOUR_MS).toISOString().slice(0, 19)}+09:00`,
      `${new Date(ms - 5 * HOUR_MS).toISOString().slice(0, 19)}-0500`
    )
  );

const whereItWent = fc.oneof(
  hostName.map((domain) => ({ domain })),
  fc
    .tuple(fc.stringMatching(/^[a-z0-9._+-]{1,30}$/), hostName)
    .chain(([local, domain]) =>
      fc.constantFrom({ recipient: `${local}@${domain}` }, { recipient: `${local}@${domain}`, domain })
    )
);

/** Any characters, astral ones included, well inside every length limit (counted in UTF-16 units by code only). */
const someText = (maxLength: number) => fc.string({ minLength: 1, maxLength, unit: 'binary' });

function validOfType(type: EventType) {
  const sentAt = NEEDS_SENT_AT.includes(type) ? eventTime : fc.option(eventTime);
  return fc
    .record(
      {
        id: someText(40),
        requestedAt: eventTime,
        sentAt,
        at: fc.option(eventTime),
        account: fc.constantFrom(null, 'acme', 'Other.account_2-x'),
        template: fc.option(someText(40)),
        requestId: fc.option(someText(40)),
        messageId: fc.option(someText(40)),
        count: fc.option(fc.integer({ min: 1, max: 1_000_000 })),
        advertising: fc.boolean(),
        machine: type === 'opened' ? fc.constantFrom(true, false, null) : fc.constantFrom(false, null),
        resultCode: type === 'result' ? fc.constantFrom(...RESULT_CODE_NAMES) : fc.constant(null),
        note: fc.string(),
      },
      {
        requiredKeys: [
          'id',
          'requestedAt',
          ...(NEEDS_SENT_AT.includes(type) ? (['sentAt'] as const) : []),
          ...(type === 'result' ? (['resultCode'] as const) : []),
        ],
      }
    )
    .chain((fields) => whereItWent.map((where) => ({ ...fields, ...where, type }) as Record<string, unknown>));
}

/** An event every rule accepts, of any type. */
export const validEvent = fc.constantFrom(...EVENT_TYPES).chain(validOfType);

const notText = fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}));
const longText = (length: number) => fc.constant('x'.repeat(length + 1));
const notATime = fc.oneof(
  fc.constantFrom(
    1.5,
    FIRST_MS - 1,
    LAST_MS + 1,
    true,
    [],
    {},
    '',
    '2026-07-01',
    '2026-07-01T10:00:00',
    '1234567890123456'
  ),
  fc.string({ maxLength: 12 }).filter((text) => !/^\d{1,15}$/.test(text))
);

/** Values the schema can tell are wrong for each field (null where null is absence is left out). */
const BREAKS: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.oneof(notText, fc.constant(''), fc.constant(null), longText(200)),
  type: fc.oneof(notText, fc.constant(null), fc.constantFrom('sent', 'Result', '')),
  account: fc.oneof(notText, fc.constantFrom('', 'a b', 'ümlaut', 'x/y'), longText(64)),
  template: fc.oneof(notText, fc.constant(''), longText(1000)),
  requestId: fc.oneof(notText, fc.constant(''), longText(200)),
  messageId: fc.oneof(notText, fc.constant(''), longText(200)),
  recipient: fc.oneof(notText, fc.constantFrom('', 'no-at-sign', '@example.com'), longText(320)),
  domain: fc.oneof(notText, fc.constant(''), longText(253)),
  requestedAt: fc.oneof(notATime, fc.constant(null)),
  sentAt: notATime,
  at: notATime,
  resultCode: fc.oneof(notText, fc.constantFrom('', 'NOT_A_CODE', 'mail_sent')),
  count: fc.oneof(fc.constantFrom(0, -1, 1.5, 1_000_001, '3', true)),
  advertising: fc.oneof(fc.constantFrom(null, 0, 1, 'true')),
  machine: fc.oneof(fc.constantFrom(true, 0, 1, 'false')),
};

/** A valid event with one field broken, removed or made null, or something that is no event at all. */
export const mutatedEvent: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(validEvent, fc.constantFrom(...Object.keys(BREAKS))).chain(([event, field]) =>
    fc.oneof(
      BREAKS[field].map((value) => ({ ...event, [field]: value })),
      fc.constant(Object.fromEntries(Object.entries(event).filter(([key]) => key !== field))),
      fc.constant({ ...event, [field]: null })
    )
  ),
  fc.constantFrom(null, 42, 'event', [], [{}])
);
