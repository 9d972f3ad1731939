/**
 * Event validation micro-benchmark (issue 17): events/s of the hand-written validator
 * ingestion runs (`validateBatch`, backend/domain/events.ts) against the ajv-compiled event
 * schema openapi.json serves (backend/domain/eventSchema.ts), on the same events, in the
 * same process, alternating which goes first round by round. The schema does less (no host
 * names, no date parsing, no event built); a third side runs the schema and then the rules
 * it leaves to code (host names, dates), as a schema-first validator would have to.
 *
 *   npm run bench:validation        (BENCH_VALIDATION_EVENTS, default 100000;
 *                                    BENCH_VALIDATION_ROUNDS, default 9)
 *
 * The events are the property test's valid events (tests/backend/properties/eventSamples.ts),
 * drawn with a fixed seed. Writes bench/results/validation.json and prints the figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validateBatch, type IngestCaller } from '../backend/domain/events';
import { canonicalHostName } from '../backend/domain/hostName';
import { parseEventTime } from '../backend/domain/timestamps';
import { compileEventSchema, validEvent } from '../tests/backend/properties/eventSamples';
import { machineInfo, packageVersion, versions } from './lib/machine';
import { ratio, summarize } from './lib/summary';

const EVENTS = Number(process.env.BENCH_VALIDATION_EVENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_VALIDATION_ROUNDS ?? 9);
const SEED = 17;
const ADMIN: IngestCaller = { account: 'admin', admin: true, defaultAccount: 'bench' };

const events = fc.sample(validEvent, { numRuns: EVENTS, seed: SEED });
const schemaAccepts = compileEventSchema();

/** The rules the schema leaves to code (CHECKED_BEYOND_THE_SCHEMA), as a schema-first validator would still run them. */
function beyondTheSchema(event: Record<string, unknown>): boolean {
  const hosts = [
    event.domain,
    typeof event.recipient === 'string' ? event.recipient.slice(event.recipient.lastIndexOf('@') + 1) : null,
  ];
  const times = [event.requestedAt, event.sentAt, event.at];
  return (
    hosts.every((host) => typeof host !== 'string' || canonicalHostName(host) !== undefined) &&
    times.every((time) => time === undefined || time === null || typeof parseEventTime(time) === 'number')
  );
}

const sides = {
  handWritten: () => validateBatch(events, ADMIN).length,
  schema: () => events.filter((event) => schemaAccepts(event)).length,
  schemaThenCode: () => events.filter((event) => schemaAccepts(event) && beyondTheSchema(event)).length,
};
type Side = keyof typeof sides;

/** Events/s of one pass; every event must be accepted, or the pass measured something else. */
function pass(side: Side): number {
  const started = process.hrtime.bigint();
  const accepted = sides[side]();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (accepted !== events.length) {
    throw new Error(`${side} accepted ${accepted} of ${events.length} valid events`);
  }
  return events.length / seconds;
}

const machine = machineInfo();
// One unmeasured pass each: ajv compiles lazily, and V8 optimises both before timing.
const SIDES = Object.keys(sides) as Side[];
SIDES.forEach(pass);
const rates = Object.fromEntries(SIDES.map((side) => [side, [] as number[]])) as Record<Side, number[]>;
for (let round = 0; round < ROUNDS; round++) {
  // Each side goes first, middle and last in turn.
  for (const side of [...SIDES.slice(round % SIDES.length), ...SIDES.slice(0, round % SIDES.length)]) {
    rates[side].push(pass(side));
  }
}

const [handWritten, schema, schemaThenCode] = SIDES.map((side) => summarize(rates[side], 0));
const results = {
  machine,
  versions: { ...versions(), ajv: packageVersion('ajv'), '@sinclair/typebox': packageVersion('@sinclair/typebox') },
  settings: { events: EVENTS, rounds: ROUNDS, seed: SEED },
  eventsPerSecond: { handWritten, schema, schemaThenCode },
  handWrittenOverSchema: ratio(handWritten.median, schema.median),
  handWrittenOverSchemaThenCode: ratio(handWritten.median, schemaThenCode.median),
};
const folder = join(__dirname, 'results');
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'validation.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `validateBatch ${handWritten.median} events/s (min ${handWritten.min}, max ${handWritten.max}); ` +
    `ajv schema ${schema.median} events/s (min ${schema.min}, max ${schema.max}); ` +
    `schema then code ${schemaThenCode.median} events/s (min ${schemaThenCode.min}, max ${schemaThenCode.max}); ` +
    `hand-written / schema = ${results.handWrittenOverSchema}, / schema then code = ${results.handWrittenOverSchemaThenCode} ` +
    `(${EVENTS} events, ${ROUNDS} rounds)`
);
