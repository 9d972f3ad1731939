import { measurementOf, sumStatement, type SumQuery } from './countsReader';

const base: SumQuery = { account: 'acme', axis: 'request', from: 0, to: 900_000, groupBy: [] };

test('each query reads the least detailed measurement that has what it filters or groups by', () => {
  expect(measurementOf({ ...base, groupBy: ['kind', 'code'] })).toBe('mail_totals');
  expect(measurementOf({ ...base, templates: ['T'], groupBy: ['kind', 'code'] })).toBe('mail_by_template');
  expect(measurementOf({ ...base, domains: ['a.com'], groupBy: ['kind', 'code'] })).toBe('mail_by_domain');
  expect(measurementOf({ ...base, templates: ['T'], groupBy: ['domain'] })).toBe('mail_counts');
  // the domain view: results on the request date by domain, without and with a result-code filter
  expect(measurementOf({ ...base, kinds: ['result'], groupBy: ['domain'] })).toBe('mail_results_by_domain');
  expect(measurementOf({ ...base, kinds: ['result'], codes: ['MAIL_SENT'], groupBy: ['domain'] })).toBe(
    'mail_by_domain'
  );
  expect(measurementOf({ ...base, axis: 'send', kinds: ['result'], groupBy: ['domain'] })).toBe('mail_by_domain');
});

test("statements quote every filter value and group by the zone's days", () => {
  expect(
    sumStatement({
      ...base,
      templates: ["it's"],
      time: { interval: '1d', tz: 'Asia/Kathmandu' },
      groupBy: ['kind', 'code'],
    })
  ).toBe(
    `SELECT sum("n") AS "n" FROM "mail_by_template" WHERE "account" = 'acme' AND "axis" = 'request' AND "template" = 'it\\'s' ` +
      `AND time >= 0ms AND time < 900000ms GROUP BY time(1d), "kind", "code" fill(none) tz('Asia/Kathmandu')`
  );
});
