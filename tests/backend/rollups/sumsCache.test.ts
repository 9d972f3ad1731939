/**
 * The domain ranking keeps its by-domain sums over whole UTC days (storage/sumsCache.ts) and
 * checks them against InfluxDB on every use. Two instances share one InfluxDB: counts that the
 * other instance writes onto those days (one reorders the top, one is a new domain) must show
 * in the next answer, exactly as computed from the events, and an unchanged range must not read
 * every domain again.
 */
import { startTestBackend, type TestBackend } from '../../support/backend';
import { postEvents } from '../../support/http';
import { viewChecks } from './checks';
import { toApiEvent, type Range, type SentEvent } from './expected';

const day = (n: number, hour = 12) => Date.UTC(2026, 2, n, hour);

function results(domain: string, at: number, count: number): SentEvent {
  return { kind: 'result', template: 'Welcome', domain, code: 'MAIL_SENT', requestedAt: at, sentAt: at, count };
}

const RANGE: Range = { tz: 'UTC', from: '2026-03-01T10:20', to: '2026-03-11T13:40', interval: '1d' };

const first: SentEvent[] = [
  ...Array.from({ length: 9 }, (_unused, i) => results('big.example', day(2 + i), 100)),
  results('mid-a.example', day(4), 40),
  results('mid-b.example', day(5), 38),
  ...Array.from({ length: 10 }, (_unused, i) => results(`small-${i}.example`, day(3 + (i % 7)), 1 + (i % 2))),
];
/** Through the other instance, onto inner days: mid-b overtakes mid-a, and a new domain leads. */
const second: SentEvent[] = [results('mid-b.example', day(6), 5), results('new.example', day(7), 950)];

const sent: SentEvent[] = [];
let reader: TestBackend;
let writer: TestBackend;
let statements: string[] = [];
const { checkDistribution } = viewChecks(() => reader.url, sent);

async function post(backend: TestBackend, events: SentEvent[]) {
  const answer = await postEvents(
    backend.url,
    backend.keys.acme,
    events.map((event, index) => toApiEvent(event, sent.length + index))
  );
  expect(answer.status).toBe(202);
  sent.push(...events);
}

/** Measurements read by domain for every domain (no domain filter). */
const readForEveryDomain = () =>
  statements
    .filter((statement) => statement.includes('GROUP BY "domain"') && !statement.includes('"domain" ='))
    .map((statement) => /FROM (?:"[^"]+"\.)?"([^"]+)"/.exec(statement)![1]);

/** Measurements summed without any grouping: the check of the kept sums must read their very points. */
const readUngrouped = () =>
  statements
    .filter((statement) => !statement.includes('GROUP BY'))
    .map((statement) => /FROM (?:"[^"]+"\.)?"([^"]+)"/.exec(statement)![1]);

beforeAll(async () => {
  reader = await startTestBackend();
  writer = await startTestBackend({ influxDatabase: reader.config.influxDatabase });
  const influx = reader.services.influx;
  const query = influx.query.bind(influx);
  influx.query = (text, signal, database) => {
    statements.push(text);
    return query(text, signal, database);
  };
});

afterAll(async () => {
  await writer.stop();
  await reader.stop();
});

test('an unchanged range answers from the kept sums; counts another instance adds show at once', async () => {
  await post(reader, first);
  await checkDistribution(RANGE, 'domain', 3);
  expect(readForEveryDomain()).toEqual(['mail_results_by_domain_1d']);

  statements = [];
  await checkDistribution(RANGE, 'domain', 3);
  expect(readForEveryDomain()).toEqual([]);
  expect(readUngrouped()).toEqual(['mail_results_by_domain_1d']);

  await post(writer, second);
  // A read through the writer waits until its outbox is in InfluxDB.
  await viewChecks(() => writer.url, sent).checkDistribution(RANGE, 'domain', 3);
  statements = [];
  await checkDistribution(RANGE, 'domain', 3);
  expect(readForEveryDomain()).toEqual(['mail_results_by_domain_1d']);
});
