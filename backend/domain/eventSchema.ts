/**
 * The delivery event as one JSON schema (TypeBox): what openapi.json serves as `Event`, and
 * what a property test holds `validateBatch` (events.ts) to. Ingestion itself runs the
 * hand-written validator: it gives per-field messages and is faster (bench/validation.ts,
 * docs/architecture.md). Rules a JSON schema cannot state are checked beyond it, in code.
 */
import { Type } from '@sinclair/typebox';
import { choices, onlyNull, orNull } from './openApiSchemas';
import { RESULT_CODE_NAMES } from '../contract/resultCodes';
import {
  ACCOUNT_PATTERN,
  EVENT_TYPE_RULES,
  EVENT_TYPES,
  FLAG_FIELDS,
  MAX_ADDRESS_LENGTH,
  MAX_EVENT_COUNT,
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  type EventType,
} from './events';
import { MAX_HOST_NAME_LENGTH } from './hostName';
import { EARLIEST_EVENT_TIME, ISO_WITH_OFFSET, LATEST_EVENT_TIME } from './timestamps';

/** What the schema leaves to code, named in its description. */
export const CHECKED_BEYOND_THE_SCHEMA = [
  'recipient domains and domains are DNS host names (UTS #46 IDNA), and agree when both are given',
  'times given as text are real dates and times between the years 2000 and 2099',
  'a key that is not an admin key may name only its own account',
  'lengths count UTF-16 code units, as JavaScript does, where JSON Schema counts characters',
] as const;

const text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

/** Epoch milliseconds (a number, or digits) or ISO 8601 with an offset; `nullable`: or null (absent). */
const eventTime = (description: string, nullable = false) =>
  Type.Union(
    [
      Type.Integer({ minimum: EARLIEST_EVENT_TIME, maximum: LATEST_EVENT_TIME - 1 }),
      Type.String({ pattern: '^\\d{1,15}$' }),
      Type.String({ pattern: ISO_WITH_OFFSET.source }),
      ...(nullable ? [onlyNull()] : []),
    ],
    { description }
  );

const flagFields = (type: EventType) =>
  Object.fromEntries(
    Object.entries(FLAG_FIELDS).map(([field, types]) => [
      field,
      Type.Optional(types.includes(type) ? Type.Boolean() : onlyNull(`only on ${types.join(', ')} events`)),
    ])
  );

const SENT_AT = 'When the mail was sent';

function eventOfType(type: EventType) {
  const rule = EVENT_TYPE_RULES[type];
  return Type.Object({
    id: text(MAX_ID_LENGTH, 'Idempotency key, unique per account'),
    type: choices([type]),
    account: Type.Optional(
      orNull(Type.String({ pattern: ACCOUNT_PATTERN.source, description: "Defaults to the key's account" }))
    ),
    requestId: Type.Optional(orNull(text(MAX_ID_LENGTH))),
    messageId: Type.Optional(orNull(text(MAX_ID_LENGTH))),
    template: Type.Optional(orNull(text(MAX_NAME_LENGTH, 'Absent means (none)'))),
    recipient: Type.Optional(
      orNull(
        Type.String({
          minLength: 1,
          maxLength: MAX_ADDRESS_LENGTH,
          pattern: '^[\\s\\S]+@',
          description: 'local-part@domain; only its domain is kept',
        })
      )
    ),
    domain: Type.Optional(orNull(text(MAX_HOST_NAME_LENGTH, 'Recipient domain, as a host name'))),
    requestedAt: eventTime('When the mail was requested'),
    sentAt: rule.needsSentAt ? eventTime(SENT_AT) : Type.Optional(eventTime(SENT_AT, true)),
    at: Type.Optional(eventTime('When this event happened', true)),
    resultCode: rule.hasResultCode ? choices(RESULT_CODE_NAMES) : Type.Optional(onlyNull('only on result events')),
    count: Type.Optional(orNull(Type.Integer({ minimum: 1, maximum: MAX_EVENT_COUNT, default: 1 }))),
    ...flagFields(type),
    machine: Type.Optional(
      type === 'opened'
        ? orNull(
            Type.Boolean({
              description: "An open by a mail client's privacy proxy (machineOpenedCount, not openedCount)",
            })
          )
        : Type.Unsafe<false | null>({
            type: 'boolean',
            nullable: true,
            enum: [false, null],
            description: 'true only on opened events',
          })
    ),
  });
}

/** A recipient or a domain says where the mail went. */
const recipientOrDomain = Type.Union([
  Type.Object({ recipient: Type.String() }),
  Type.Object({ domain: Type.String() }),
]);

export const eventSchema = Type.Intersect([Type.Union(EVENT_TYPES.map(eventOfType)), recipientOrDomain], {
  description: `One delivery event; the fields each type requires are those of its branch. Checked beyond this schema: ${CHECKED_BEYOND_THE_SCHEMA.join('; ')}.`,
});
