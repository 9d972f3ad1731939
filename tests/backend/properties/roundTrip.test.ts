/**
 * Property: any template name, domain and filter value round-trips exactly through ingestion,
 * InfluxDB and queries, and never changes another series or another account's numbers.
 */
import fc from 'fast-check';
import { startTestBackend, TEST_KEYS, type TestBackend } from '../../support/backend';
import { getStats, postEvents } from '../../support/http';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});

afterAll(() => backend.stop());

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.parse('2024-01-01T00:00:00Z');
const CONTROL = 'control template';

/** Free text of any script, control characters, %, \, quotes, commas and `=` included. */
const templateName = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc.stringMatching(/^[%\\,= "'\r\n\t]{1,8}$/)
  )
  // (none) and $__all have their own meaning as filter values (api.md)
  .filter((name) => name !== '(none)' && name !== '$__all' && name !== CONTROL);

let run = 0;

test('template names, domains and filter values round-trip exactly and stay in their series and account', async () => {
  await fc.assert(
    fc.asyncProperty(
      templateName,
      fc.domain(),
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.integer({ min: 1, max: 1000 }),
      async (template, domain, mine, control) => {
        // Each run has a day of its own, so runs cannot see each other's counts.
        const day = FIRST_DAY + run++ * DAY_MS;
        const range = { from: String(day), to: String(day + DAY_MS), tz: 'UTC' };
        const at = { requestedAt: day + 3_600_000, sentAt: day + 3_660_000 };
        const id = `run-${run}`;
        const acme = await postEvents(backend.url, TEST_KEYS.acme, [
          { id: `${id}-a`, type: 'requested', template, domain, count: mine, ...at },
          { id: `${id}-b`, type: 'result', resultCode: 'MAIL_SENT', template, domain, count: mine, ...at },
          { id: `${id}-c`, type: 'requested', template: CONTROL, domain: 'control.example', count: control, ...at },
        ]);
        expect(acme.status).toBe(202);
        expect(
          (
            await postEvents(backend.url, TEST_KEYS.beta, [
              { id: `${id}-a`, type: 'requested', template, domain, count: 7, ...at },
            ])
          ).status
        ).toBe(202);

        const stats = (key: string, path: string, params: Record<string, string | string[]> = {}) =>
          getStats(backend.url, key, path, { ...range, ...params }).then((answer) => {
            expect(answer.status).toBe(200);
            return answer.body;
          });
        const lower = domain.toLowerCase();
        expect((await stats(TEST_KEYS.acme, '/values/templates')).values).toEqual([template, CONTROL].sort());
        expect((await stats(TEST_KEYS.acme, '/values/domains')).values).toEqual([lower, 'control.example'].sort());
        expect((await stats(TEST_KEYS.acme, '/stats/request-date', { template })).totals).toMatchObject({
          requestCount: mine,
          sentCount: mine,
        });
        expect((await stats(TEST_KEYS.acme, '/stats/request-date', { template: CONTROL })).totals).toMatchObject({
          requestCount: control,
          sentCount: 0,
        });
        expect((await stats(TEST_KEYS.acme, '/stats/request-date')).totals.requestCount).toBe(mine + control);
        expect((await stats(TEST_KEYS.acme, '/stats/domains', { domain })).rows).toEqual([
          { domain: lower, count: mine, share: 1 },
        ]);
        expect(
          (await stats(TEST_KEYS.acme, '/stats/domains', { template, domain: 'control.example' })).totals.count
        ).toBe(0);
        expect((await stats(TEST_KEYS.beta, '/stats/request-date', { template })).totals.requestCount).toBe(7);
        expect((await stats(TEST_KEYS.beta, '/values/templates')).values).toEqual([template]);
      }
    ),
    { numRuns: 40 }
  );
});
