/**
 * Property (issue 17): for each query parameter with choices or bounds, the schema that
 * openapi.json lists (QUERY_PARAMETERS) and the checks the statistics endpoints run
 * (parseStatsParams) accept the same values. Query values are text, so the schema is read
 * as OpenAPI readers do, coercing numbers. The checks take numbers only as plain digits and
 * treat an empty value as absent; those rules are theirs alone, pinned below.
 */
import Ajv from 'ajv';
import fc from 'fast-check';
import { ApiError } from '../../../backend/domain/errors';
import { QUERY_PARAMETERS, type QueryParameterName } from '../../../backend/domain/queryParameters';
import { parseStatsParams } from '../../../backend/domain/statsParams';
import { DOMAINS_VIEW } from '../../../contract/views';

const ajv = new Ajv({ coerceTypes: true });
const NOW = Date.UTC(2026, 6, 15);

function schemaAccepts(name: QueryParameterName, value: string): boolean {
  return ajv.validate(QUERY_PARAMETERS[name].schema, value);
}

function checksAccept(name: QueryParameterName, value: string): boolean {
  try {
    parseStatsParams({ [name]: value }, DOMAINS_VIEW, 'acme', 'UTC', NOW);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      return false;
    }
    throw error;
  }
}

/** Text that no number reader takes for a number. */
const notNumeric = fc.string({ minLength: 1, maxLength: 8 }).filter((text) => !/^[\s\d.+-]/.test(text));
const digits = fc.integer({ min: 0, max: 1100 }).map(String);
const pad = (n: number) => String(n).padStart(2, '0');

const VALUES: Array<[QueryParameterName, fc.Arbitrary<string>]> = [
  [
    'interval',
    fc.oneof(fc.constantFrom('1h', '1d', '1w', '1M', '1m', '1H', 'day'), fc.string({ minLength: 1, maxLength: 3 })),
  ],
  ['format', fc.oneof(fc.constantFrom('json', 'xlsx', 'JSON', 'csv'), fc.string({ minLength: 1, maxLength: 5 }))],
  ['top', fc.oneof(digits, fc.constantFrom('all', 'ALL', 'none'), notNumeric)],
  ['months', fc.oneof(digits, notNumeric)],
  [
    'month',
    fc.oneof(
      fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${y}-${pad(m)}`),
      fc.string({ minLength: 1, maxLength: 8 })
    ),
  ],
];

test.each(VALUES)('%s: the listed schema and the checks agree', (name, values) => {
  fc.assert(
    fc.property(values, (value) => {
      expect(schemaAccepts(name, value)).toBe(checksAccept(name, value));
    }),
    { numRuns: 500 }
  );
});

const ONLY_THE_CHECKS_REFUSE: Array<[QueryParameterName, string, string]> = [
  ['months', '2.0', 'a number not written as plain digits'],
  ['top', ' 5', 'a number with a space'],
  ['month', '1999-12', 'a month before 2000-01'],
  ['month', '2100-01', 'a month after 2099-12'],
];

test.each(ONLY_THE_CHECKS_REFUSE)('checked beyond the schema: %s=%j (%s)', (name, value) => {
  expect([schemaAccepts(name, value), checksAccept(name, value)]).toEqual([true, false]);
});

test('an empty value is absent for the checks (the default applies), not a value the schema lists', () => {
  expect([schemaAccepts('interval', ''), checksAccept('interval', '')]).toEqual([false, true]);
});
