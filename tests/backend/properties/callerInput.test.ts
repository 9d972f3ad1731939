/**
 * Properties of caller input (issue 12): zone names in any case are answered in the tz
 * database's spelling; instants are answered inside the allowed range and refused outside
 * it; any number of parameters up to the limits is applied whole; domain-like strings are
 * accepted exactly when they are host names, and round-trip unchanged.
 */
import fc from 'fast-check';
import { startTestBackend, TEST_KEYS, type TestBackend } from '../../support/backend';
import { call, getStats, postEvents } from '../../support/http';

let backend: TestBackend;

const FILTER_NAMES = 500;

beforeAll(async () => {
  backend = await startTestBackend();
  // Template tI and domain dI.io carry I requests, for I = 1..500, on 1 July 2026.
  const events = Array.from({ length: FILTER_NAMES }, (_, i) => ({
    id: `p${i + 1}`,
    type: 'requested',
    template: `t${i + 1}`,
    domain: `d${i + 1}.io`,
    requestedAt: '2026-07-01T10:00:00Z',
    count: i + 1,
  }));
  expect((await postEvents(backend.url, TEST_KEYS.acme, events)).status).toBe(202);
});

afterAll(() => backend.stop());

/** A spelling of `name` with each letter's case chosen at random. */
const anyCase = (name: string) =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((upper) => [...name].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));

test('a zone in any case is answered with its tz database spelling and its own local days', async () => {
  const zones = Intl.supportedValuesOf('timeZone');
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...zones).chain((zone) => fc.tuple(fc.constant(zone), anyCase(zone))),
      async ([zone, spelling]) => {
        const answer = await getStats(backend.url, TEST_KEYS.acme, '/stats/request-date', {
          from: '2026-07-01',
          to: '2026-07-03',
          tz: spelling,
        });
        expect(answer.status).toBe(200);
        expect(answer.body.tz).toBe(zone);
        expect(answer.body.rows.map((row: { time: string }) => row.time.slice(0, 19))).toEqual([
          '2026-07-01T00:00:00',
          '2026-07-02T00:00:00',
        ]);
      }
    ),
    { numRuns: 40 }
  );
});

const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
const DAY_MS = 86_400_000;
const RANGE_MESSAGE = 'must lie between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z';

test('instants across every year that ISO 8601 writes: answered inside the range, refused outside it', async () => {
  const nearEdge = (edge: number) => fc.integer({ min: edge - 2 * DAY_MS, max: edge + DAY_MS });
  const instant = fc.oneof(
    fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9998, 0, 1) }),
    nearEdge(EARLIEST),
    nearEdge(LATEST)
  );
  await fc.assert(
    fc.asyncProperty(
      instant,
      fc.constantFrom('/stats/request-date', '/stats/domains', '/values/domains'),
      async (from, path) => {
        const to = from + DAY_MS;
        const answer = await getStats(backend.url, TEST_KEYS.acme, path, {
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          interval: '1h',
        });
        const wrong = from < EARLIEST || from > LATEST ? 'from' : to > LATEST ? 'to' : undefined;
        if (wrong === undefined) {
          expect(answer.status).toBe(200);
        } else {
          expect(answer.status).toBe(400);
          expect(answer.body).toEqual({ error: { code: 'invalid_time', message: `${wrong} ${RANGE_MESSAGE}` } });
        }
      }
    ),
    { numRuns: 60 }
  );
});

/** Node refuses request heads over 16 KiB; stay below it with the other headers. */
const MAX_QUERY_BYTES = 15_500;
const MAX_PARAMETERS = 2000;

test('any number of filter values and other parameters up to the limits: all applied together, or a 400', async () => {
  const indexes = fc.uniqueArray(fc.integer({ min: 1, max: FILTER_NAMES }), { maxLength: FILTER_NAMES });
  await fc.assert(
    fc.asyncProperty(
      indexes,
      indexes,
      fc.integer({ min: 0, max: 1500 }),
      fc.integer(),
      async (templates, domains, junk, seed) => {
        const filters = [...templates.map((i) => `template=t${i}`), ...domains.map((i) => `domain=d${i}.io`)];
        const base = ['from=2026-07-01', 'to=2026-07-02', 'tz=UTC'];
        const room = Math.floor((MAX_QUERY_BYTES - [...base, ...filters].join('&').length) / 2);
        const junkCount = Math.max(0, Math.min(junk, room));
        // junk and filters interleaved in a seeded order, so filters also come after the 1,000th
        const pairs = [...base, ...filters, ...Array.from({ length: junkCount }, () => 'j')]
          .map((pair, i) => ({ pair, key: Math.sin(seed + i) }))
          .sort((a, b) => a.key - b.key)
          .map(({ pair }) => pair);
        const answer = await call(`${backend.url}/api/v1/stats/request-date?${pairs.join('&')}`, TEST_KEYS.acme);
        if (pairs.length > MAX_PARAMETERS) {
          expect(answer.status).toBe(400);
          expect(answer.body).toEqual({
            error: {
              code: 'too_many_parameters',
              message: `the query has ${pairs.length} parameters; at most ${MAX_PARAMETERS} are taken`,
            },
          });
          return;
        }
        const chosen = (set: number[]) => (i: number) => set.length === 0 || set.includes(i);
        let expected = 0;
        for (let i = 1; i <= FILTER_NAMES; i++) {
          expected += chosen(templates)(i) && chosen(domains)(i) ? i : 0;
        }
        expect(answer.status).toBe(200);
        expect(answer.body.totals.requestCount).toBe(expected);
      }
    ),
    { numRuns: 25 }
  );
});

/** Labels with their canonical form: ASCII in any case (valid or not), and IDN labels of known punycode. */
const IDN_LABELS: ReadonlyArray<[string, string]> = [
  ['bücher', 'xn--bcher-kva'],
  ['BÜCHER', 'xn--bcher-kva'],
  ['네이버', 'xn--950bt9s8xi'],
  ['한국', 'xn--3e0b707e'],
  ['münchen', 'xn--mnchen-3ya'],
];
const asciiLabel = fc
  .string({
    unit: fc.constantFrom('a', 'B', 'z', 'x', 'N', '0', '7', '-', '_', '%', ' '),
    maxLength: 66,
  })
  // ACE labels other than the table's are the host name unit test's business (fast path vs UTS #46)
  .filter((text) => !text.toLowerCase().startsWith('xn--'));
const label = fc.oneof(
  { weight: 4, arbitrary: asciiLabel.map((text) => [text, text.toLowerCase()] as [string, string]) },
  { weight: 1, arbitrary: fc.constantFrom(...IDN_LABELS) }
);

/** Independent of the backend: the host name rules of issue 12 over known label forms. */
function expectedHostName(labels: Array<[string, string]>): string | undefined {
  const forms = labels.map(([, form]) => form);
  const name = forms.join('.');
  const labelOk = (form: string) =>
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(form) &&
    form.length <= 63 &&
    (form.slice(2, 4) !== '--' || IDN_LABELS.some(([, known]) => known === form));
  const ok = forms.length >= 2 && forms.every(labelOk) && name.length <= 253 && !/^[0-9]+$/.test(forms.at(-1)!);
  return ok ? name : undefined;
}

let day = 0;

test('domain-like strings are accepted exactly when they are host names, and round-trip unchanged', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(label, { minLength: 1, maxLength: 5 }), async (labels) => {
      const domain = labels.map(([text]) => text).join('.');
      const expected = expectedHostName(labels);
      const start = Date.UTC(2027, 0, 1) + day++ * DAY_MS;
      const range = { from: String(start), to: String(start + DAY_MS), tz: 'UTC' };
      const event = { id: `dom-${day}`, type: 'requested', domain, requestedAt: start + 60_000, count: 3 };
      const posted = await postEvents(backend.url, TEST_KEYS.acme, [event]);
      const values = await getStats(backend.url, TEST_KEYS.acme, '/values/domains', range);
      if (expected === undefined || domain.length > 253) {
        expect(posted.status).toBe(400);
        expect(posted.body.error.details).toEqual([expect.objectContaining({ index: 0, field: 'domain' })]);
        expect(values.body.values).toEqual([]);
        return;
      }
      expect(posted.status).toBe(202);
      expect(values.body.values).toEqual([expected]);
      const filtered = await getStats(backend.url, TEST_KEYS.acme, '/stats/request-date', { ...range, domain });
      expect(filtered.body.totals.requestCount).toBe(3);
    }),
    { numRuns: 60 }
  );
});
