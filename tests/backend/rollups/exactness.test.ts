/**
 * Every view stays exact on the hourly and UTC-day pieces: ranges with partial days (and
 * partial quarter hours) at both ends, in a quarter-hour zone, across DST in Berlin and New
 * York, by hour, day, week and month, with and without filters. The expected numbers are
 * computed in expected.ts from the events this test sends; the statements the backend sends
 * show which pieces each answer was read from.
 */
import { startTestBackend, type TestBackend } from '../../support/backend';
import { postEvents } from '../../support/http';
import { viewChecks } from './checks';
import { expectedLimitDays, makeEvents, TEMPLATES, toApiEvent, type Range } from './expected';

let backend: TestBackend;
const events = makeEvents();
let statements: string[] = [];
const { view, checkTimeView, checkDistribution } = viewChecks(() => backend.url, events);

beforeAll(async () => {
  backend = await startTestBackend();
  const answer = await postEvents(backend.url, backend.keys.acme, events.map(toApiEvent));
  expect(answer.status).toBe(202);
  expect(answer.body.accepted).toBe(events.length);
  const influx = backend.services.influx;
  const query = influx.query.bind(influx);
  influx.query = (text, signal, database) => {
    statements.push(...text.split('; '));
    return query(text, signal, database);
  };
});

afterAll(() => backend.stop());

beforeEach(() => {
  statements = [];
});

/** Measurements the statements of the last requests read from. */
const measurementsRead = () =>
  [...new Set(statements.map((statement) => /FROM (?:"[^"]+"\.)?"([^"]+)"/.exec(statement)![1]))].sort();

const RANGES: Array<Range & { pieces: string[] }> = [
  // +05:45: local days and hours start at :15 UTC, so only 15-minute pieces fit
  { tz: 'Asia/Kathmandu', from: '2026-03-10T10:20', to: '2026-03-24T17:40', interval: '1d', pieces: [''] },
  { tz: 'Asia/Kathmandu', from: '2026-03-19T22:10', to: '2026-03-21T03:50', interval: '1h', pieces: [''] },
  // Berlin: a 23-hour day (2026-03-29) and a 25-hour day (2026-10-25), whole hours throughout
  { tz: 'Europe/Berlin', from: '2026-03-25T05:20', to: '2026-04-02T19:50', interval: '1d', pieces: ['', '_1h'] },
  { tz: 'Europe/Berlin', from: '2026-03-28T20:35', to: '2026-03-30T03:05', interval: '1h', pieces: ['', '_1h'] },
  { tz: 'Europe/Berlin', from: '2026-10-20T13:05', to: '2026-10-29T02:40', interval: '1d', pieces: ['', '_1h'] },
  { tz: 'Europe/Berlin', from: '2026-10-24T21:00', to: '2026-10-26T04:30', interval: '1h', pieces: ['', '_1h'] },
  // New York: 2026-03-08 has 23 hours, 2026-11-01 has 25
  { tz: 'America/New_York', from: '2026-03-05T07:45', to: '2026-03-12T12:15', interval: '1d', pieces: ['', '_1h'] },
  { tz: 'America/New_York', from: '2026-10-30T18:20', to: '2026-11-03T06:00', interval: '1d', pieces: ['', '_1h'] },
  { tz: 'America/New_York', from: '2026-03-07T22:00', to: '2026-03-09T02:00', interval: '1h', pieces: ['_1h'] },
  // UTC: UTC days inside the range, hours and quarter hours at its edges (names sort '', _1d, _1h)
  { tz: 'UTC', from: '2026-03-05T09:20', to: '2026-04-04T14:40', interval: '1d', pieces: ['', '_1d', '_1h'] },
  { tz: 'UTC', from: '2026-03-01', to: '2026-05-01', interval: '1M', pieces: ['_1d'] },
  { tz: 'Asia/Seoul', from: '2026-03-06T03:30', to: '2026-04-03T23:10', interval: '1w', pieces: ['', '_1h'] },
];

describe.each(RANGES)('$tz $from to $to by $interval', (range) => {
  test('by request date and by send date', async () => {
    await checkTimeView(range, 'request');
    await checkTimeView(range, 'send');
    expect(measurementsRead()).toEqual(range.pieces.map((piece) => `mail_totals${piece}`));
  });

  test('by domain, the top three and (other)', async () => {
    await checkDistribution(range, 'domain', 3);
    // the sum over the range may use UTC days in any zone; the series per bucket only what the zone allows
    expect(measurementsRead().some((measurement) => measurement.startsWith('mail_results_by_domain'))).toBe(true);
  });

  test('by result code', async () => {
    await checkDistribution(range, 'code', 10);
  });
});

test('filtered views read the detailed levels and stay exact', async () => {
  const range = RANGES[2];
  await checkTimeView(range, 'request', { template: TEMPLATES[2] });
  await checkTimeView(range, 'send', { domain: 'naver.com' });
  await checkDistribution(range, 'domain', 2, { template: TEMPLATES[0] });
  await checkDistribution(RANGES[0], 'code', 10, { domain: 'gmail.com' });
  expect(measurementsRead()).toEqual(['mail_by_domain', 'mail_by_template', 'mail_counts']);
});

describe.each([
  ['Europe/Berlin', '2026-03'],
  ['Europe/Berlin', '2026-10'],
  ['America/New_York', '2026-11'],
  ['Asia/Kathmandu', '2026-03'],
  ['UTC', '2026-03'],
])('sending limit in %s, %s', (tz, month) => {
  test('usage per local day', async () => {
    const body = await view('/stats/sending-limit', { tz, month, months: 1 });
    const [answer] = body.months;
    const expected = expectedLimitDays(events, tz, month);
    expect(answer.days.map((day: { date: string; volume: number }) => [day.date, day.volume])).toEqual(expected);
    expect(answer.used).toBe(expected.reduce((sum, [, volume]) => sum + volume, 0));
  });
});
