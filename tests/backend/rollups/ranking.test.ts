/**
 * The domain ranking (storage/ranking.ts) reads the UTC days inside a range by domain once and
 * the edges only for the domains they could lift into the top. Here the edges reorder the top
 * (a domain behind on the inner days overtakes another), make a tie at the last place shown
 * (broken by name), and hold a domain seen only there; the answers must equal the counts
 * computed from the events, on the fast path and on each way back to reading every domain.
 */
import { startTestBackend, type TestBackend } from '../../support/backend';
import { postEvents } from '../../support/http';
import { viewChecks } from './checks';
import { toApiEvent, type Range, type SentEvent } from './expected';

const HOUR = 3_600_000;
const day = (n: number, hour = 12, minute = 0) => Date.UTC(2026, 2, n, hour, minute);

function results(domain: string, at: number, count: number): SentEvent {
  return { kind: 'result', template: 'Welcome', domain, code: 'MAIL_SENT', requestedAt: at, sentAt: at, count };
}

/** Inner days are 2026-03-02 to 03-11; the range starts 03-01T10:20 and ends 03-11T13:40. */
const events: SentEvent[] = [
  ...Array.from({ length: 9 }, (_unused, i) => results('big.example', day(2 + i), 100)),
  results('mid-a.example', day(4), 40),
  results('mid-b.example', day(5), 38),
  // before the first inner day: mid-b overtakes mid-a (43 against 40)
  results('mid-b.example', day(1, 20), 5),
  results('tie-c.example', day(6), 30),
  results('tie-a.example', day(7), 28),
  // in the last quarter hour: tie-a (28 on the inner days) ties tie-c at 30, and the name puts tie-a first
  results('tie-a.example', day(11, 13, 35), 2),
  // a domain seen only at the edges
  results('edge.example', day(1, 11), 3),
  ...Array.from({ length: 20 }, (_unused, i) => results(`small-${i}.example`, day(3 + (i % 8)), 1 + (i % 2))),
  // outside the range on both sides: never counted
  results('mid-a.example', day(1, 10), 50),
  results('tie-a.example', day(11, 13, 45), 50),
];

const RANGE: Range = { tz: 'UTC', from: '2026-03-01T10:20', to: '2026-03-11T13:40', interval: '1d' };
/** Hours in Seoul over the same days: the series read hourly pieces, the ranking still UTC days. */
const SEOUL: Range = { tz: 'Asia/Seoul', from: '2026-03-01T19:20', to: '2026-03-11T22:40', interval: '1d' };
/** No whole UTC day inside. */
const SHORT: Range = { tz: 'UTC', from: '2026-03-11T01:00', to: '2026-03-11T13:40', interval: '1h' };

let backend: TestBackend;
let statements: string[] = [];
const { checkDistribution } = viewChecks(() => backend.url, events);

beforeAll(async () => {
  backend = await startTestBackend();
  const answer = await postEvents(backend.url, backend.keys.acme, events.map(toApiEvent));
  expect(answer.status).toBe(202);
  const influx = backend.services.influx;
  const query = influx.query.bind(influx);
  influx.query = (text, signal, database) => {
    statements.push(text);
    return query(text, signal, database);
  };
});

afterAll(() => backend.stop());

beforeEach(() => {
  statements = [];
});

/** Measurements read by domain for every domain (no domain filter). */
const readForEveryDomain = () =>
  statements
    .filter((statement) => statement.includes('GROUP BY "domain"') && !statement.includes('"domain" ='))
    .map((statement) => /FROM (?:"[^"]+"\.)?"([^"]+)"/.exec(statement)![1])
    .sort();

test('the edges reorder the top and tie its last place: exact, reading the inner days by domain once', async () => {
  await checkDistribution(RANGE, 'domain', 4);
  expect(readForEveryDomain()).toEqual(['mail_results_by_domain_1d']);
  statements = [];
  await checkDistribution(SEOUL, 'domain', 4);
  // the same UTC days: their sums are kept (sumsCache.ts), unchanged since
  expect(readForEveryDomain()).toEqual([]);
});

/** The statements that name `tag` values in their filter, and whether each groups by local days and `tag`. */
const filteredBy = (tag: 'domain' | 'code') =>
  statements
    .filter((statement) => statement.includes(`"${tag}" =`))
    .map((statement) => statement.includes(`GROUP BY time(1d), "${tag}"`));

test("the top candidates are read once, by day: their sums are their series' sums", async () => {
  await checkDistribution(RANGE, 'domain', 4);
  // one statement per piece: 15 minutes, hours, UTC days, hours, 15 minutes
  expect(filteredBy('domain')).toEqual([true, true, true, true, true]);
});

test('result codes are read once, by day and code, with no code filter', async () => {
  await checkDistribution(RANGE, 'code', Infinity);
  expect(statements.map((statement) => statement.includes('GROUP BY time(1d), "code"'))).toEqual([
    true,
    true,
    true,
    true,
    true,
  ]);
  expect(filteredBy('code')).toEqual([]);
});

test('when the edges could lift any domain into the top, every domain is read over the range', async () => {
  // the 20th domain on the inner days has 1: the edges (10) could lift a domain seen only there
  await checkDistribution(RANGE, 'domain', 20);
  // the inner days' sums are kept from the first test; the whole range is read by domain
  expect(readForEveryDomain()).toEqual([
    'mail_results_by_domain',
    'mail_results_by_domain',
    'mail_results_by_domain_1d',
    'mail_results_by_domain_1h',
    'mail_results_by_domain_1h',
  ]);
});

test('a range without a whole UTC day, and top=all, read every domain once', async () => {
  await checkDistribution(SHORT, 'domain', 3);
  expect(readForEveryDomain()).toEqual(['mail_results_by_domain', 'mail_results_by_domain_1h']);
  await checkDistribution(RANGE, 'domain', Infinity);
});

test('ranges of whole hours around the edges stay exact', async () => {
  for (const hours of [0, 1, 9, 14]) {
    const to = new Date(day(11, 0) + hours * HOUR).toISOString().slice(0, 16);
    await checkDistribution({ ...RANGE, to }, 'domain', 4);
  }
});
