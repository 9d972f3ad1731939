/**
 * Property (issue 17): the event schema that openapi.json serves and the hand-written
 * validator ingestion runs agree on what they accept, over valid events and events broken in
 * a way a schema can see. The rules the schema leaves to code are pinned below as such.
 */
import fc from 'fast-check';
import { ApiError } from '../../../backend/domain/errors';
import { validateBatch, type IngestCaller } from '../../../backend/domain/events';
import { compileEventSchema, mutatedEvent, validEvent } from './eventSamples';

/** An admin key with a default account: no event is refused for naming an account (a 403, not a schema rule). */
const ADMIN: IngestCaller = { account: 'admin', admin: true, defaultAccount: 'acme' };
const schemaAccepts = compileEventSchema();

function validatorAccepts(event: unknown): boolean {
  try {
    validateBatch([event], ADMIN);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      return false;
    }
    throw error;
  }
}

test('every generated valid event is accepted by both', () => {
  fc.assert(
    fc.property(validEvent, (event) => {
      expect([schemaAccepts(event), validatorAccepts(event)]).toEqual([true, true]);
    }),
    { numRuns: 2000 }
  );
});

test('the schema and the validator agree on mutated events', () => {
  let refused = 0;
  fc.assert(
    fc.property(mutatedEvent, (event) => {
      const accepted = validatorAccepts(event);
      refused += accepted ? 0 : 1;
      expect(schemaAccepts(event)).toBe(accepted);
    }),
    { numRuns: 5000 }
  );
  // The mutations mostly break an event: a generator that broke nothing would prove nothing.
  expect(refused).toBeGreaterThan(2500);
});

const base = { id: 'e1', type: 'result', sentAt: '2026-07-01T10:00:01Z', resultCode: 'MAIL_SENT' };

test.each([
  ['a domain that is no host name', { ...base, requestedAt: '2026-07-01T10:00:00Z', domain: 'not_a.host' }],
  ['a recipient whose domain is no host name', { ...base, requestedAt: 1782900000000, recipient: 'a@-x.com' }],
  [
    "a domain other than the recipient's",
    { ...base, requestedAt: 1782900000000, recipient: 'a@a.com', domain: 'b.com' },
  ],
  ['an impossible date', { ...base, requestedAt: '2026-02-30T10:00:00Z', domain: 'a.com' }],
  ['a time written in 2100', { ...base, requestedAt: '2100-01-01T00:00:00Z', domain: 'a.com' }],
  [
    'an id of 150 astral characters (300 UTF-16 units)',
    { ...base, id: '😀'.repeat(150), requestedAt: 1782900000000, domain: 'a.com' },
  ],
  ['epoch digits before 2000', { ...base, requestedAt: '946684799999', domain: 'a.com' }],
])('checked beyond the schema: %s', (_, event) => {
  expect([schemaAccepts(event), validatorAccepts(event)]).toEqual([true, false]);
});
