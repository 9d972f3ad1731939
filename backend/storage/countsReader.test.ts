import { levelOf, offsetsOver, piecesOf, sumStatement, type SumQuery } from './countsReader';

const base: SumQuery = { account: 'acme', axis: 'request', from: 0, to: 900_000, groupBy: [] };

test('each query reads the least detailed level that has what it filters or groups by', () => {
  expect(levelOf({ ...base, groupBy: ['kind', 'code'] })).toBe('mail_totals');
  expect(levelOf({ ...base, templates: ['T'], groupBy: ['kind', 'code'] })).toBe('mail_by_template');
  expect(levelOf({ ...base, domains: ['a.com'], groupBy: ['kind', 'code'] })).toBe('mail_by_domain');
  expect(levelOf({ ...base, templates: ['T'], groupBy: ['domain'] })).toBe('mail_counts');
  // the domain view: results on the request date by domain, without and with a result-code filter
  expect(levelOf({ ...base, kinds: ['result'], groupBy: ['domain'] })).toBe('mail_results_by_domain');
  expect(levelOf({ ...base, kinds: ['result'], codes: ['MAIL_SENT'], groupBy: ['domain'] })).toBe('mail_by_domain');
  expect(levelOf({ ...base, axis: 'send', kinds: ['result'], groupBy: ['domain'] })).toBe('mail_by_domain');
});

const at = (day: number, hour = 0, minute = 0) => Date.UTC(2026, 2, day, hour, minute);
/** 2026-03-01T10:15Z to 2026-03-05T13:30Z: partial hours and days at both ends. */
const range = { ...base, from: at(1, 10, 15), to: at(5, 13, 30) };

test('a sum over a range reads UTC days inside, hours next to them and 15 minutes at the edges', () => {
  expect(piecesOf({ ...range, groupBy: ['code'] })).toEqual([
    { measurement: 'mail_totals', from: at(1, 10, 15), to: at(1, 11) },
    { measurement: 'mail_totals_1h', from: at(1, 11), to: at(2) },
    { measurement: 'mail_totals_1d', from: at(2), to: at(5) },
    { measurement: 'mail_totals_1h', from: at(5), to: at(5, 13) },
    { measurement: 'mail_totals', from: at(5, 13), to: at(5, 13, 30) },
  ]);
  // a range inside one hour, and one of whole days
  expect(piecesOf({ ...base, from: at(1, 10, 15), to: at(1, 10, 45) })).toEqual([
    { measurement: 'mail_totals', from: at(1, 10, 15), to: at(1, 10, 45) },
  ]);
  expect(piecesOf({ ...base, from: at(1), to: at(3) })).toEqual([
    { measurement: 'mail_totals_1d', from: at(1), to: at(3) },
  ]);
  // levels without coarse pieces read 15 minutes throughout
  expect(piecesOf({ ...range, templates: ['T'], groupBy: [] })).toEqual([
    { measurement: 'mail_by_template', from: range.from, to: range.to },
  ]);
});

test("pieces grouped by the zone's days or hours never straddle one of its day or hour starts", () => {
  const byDay = (tz: string) => piecesOf({ ...range, time: { interval: '1d', tz }, groupBy: ['kind'] });
  const byHour = (tz: string) => piecesOf({ ...range, time: { interval: '1h', tz }, groupBy: ['kind'] });
  const hoursInside = [
    { measurement: 'mail_totals', from: at(1, 10, 15), to: at(1, 11) },
    { measurement: 'mail_totals_1h', from: at(1, 11), to: at(5, 13) },
    { measurement: 'mail_totals', from: at(5, 13), to: at(5, 13, 30) },
  ];
  expect(byDay('UTC')).toEqual(piecesOf({ ...range, groupBy: [] }));
  expect(byHour('UTC')).toEqual(hoursInside);
  expect(byDay('Asia/Seoul')).toEqual(hoursInside);
  expect(byDay('America/New_York')).toEqual(hoursInside);
  expect(byHour('Asia/Kathmandu')).toEqual([{ measurement: 'mail_totals', from: range.from, to: range.to }]);
  expect(byDay('Asia/Kathmandu')).toEqual([{ measurement: 'mail_totals', from: range.from, to: range.to }]);
  // Berlin across its spring DST change (+01:00 to +02:00 on 2026-03-29): still whole hours
  const dst = { ...base, from: at(28, 23), to: at(30, 22), time: { interval: '1d' as const, tz: 'Europe/Berlin' } };
  expect(piecesOf({ ...dst, groupBy: [] })).toEqual([
    { measurement: 'mail_totals_1h', from: at(28, 23), to: at(30, 22) },
  ]);
  // Lord Howe changes between +10:30 and +11:00: half hours are no whole hours
  const lordHowe = {
    ...base,
    from: Date.UTC(2026, 3, 3),
    to: Date.UTC(2026, 3, 7),
    time: { interval: '1d' as const, tz: 'Australia/Lord_Howe' },
  };
  expect(piecesOf({ ...lordHowe, groupBy: [] }).map((piece) => piece.measurement)).toEqual(['mail_totals']);
});

test("a zone's offsets over a range include its DST changes", () => {
  expect(offsetsOver('Europe/Berlin', at(1), at(31))).toEqual(new Set([60, 120]));
  expect(offsetsOver('Europe/Berlin', at(1), at(28))).toEqual(new Set([60]));
  expect(offsetsOver('Asia/Kathmandu', at(1), at(31))).toEqual(new Set([345]));
  expect(offsetsOver('America/New_York', at(1), at(31))).toEqual(new Set([-300, -240]));
});

test("statements quote every filter value and group by the zone's days", () => {
  const query: SumQuery = {
    ...base,
    templates: ["it's"],
    time: { interval: '1d', tz: 'Asia/Kathmandu' },
    groupBy: ['kind', 'code'],
  };
  expect(sumStatement(query, { measurement: 'mail_by_template', from: 0, to: 900_000 }, '"mail_by_template"')).toBe(
    `SELECT sum("n") AS "n" FROM "mail_by_template" WHERE "account" = 'acme' AND "axis" = 'request' AND "template" = 'it\\'s' ` +
      `AND time >= 0ms AND time < 900000ms GROUP BY time(1d), "kind", "code" fill(none) tz('Asia/Kathmandu')`
  );
});
