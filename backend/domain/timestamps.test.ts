import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  bucketCeil,
  bucketStart,
  canonicalZone,
  ISO_WITH_OFFSET,
  NOT_ISO,
  parseEventTime,
  parseQueryTime,
  scanIsoWithOffset,
} from './timestamps';

/** The regular-expression parser the hand scanner replaced: what it must answer for every string. */
function byRegExp(text: string): number | undefined | null {
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) {
    return null;
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '', zulu, sign, offsetHours, offsetMinutes] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  if (!zulu && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) {
    return undefined;
  }
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  return Date.UTC(y, mo - 1, d, h, mi, s, Math.floor(Number(`0.${fraction || '0'}`) * 1000)) - offset * 60_000;
}

/** Strings of ISO's shape, then some of them broken: a character changed, dropped or added. */
const isoLike = fc
  .tuple(
    fc.stringMatching(ISO_WITH_OFFSET),
    fc.nat(40),
    fc.constantFrom('', '0', '9', ':', '.', '-', '+', 'Z', 'z', 'T', ' ', '\n', '٣'),
    fc.constantFrom('keep', 'replace', 'drop', 'insert')
  )
  .map(([text, at, char, edit]) => {
    const i = at % (text.length + 1);
    if (edit === 'replace') {
      return text.slice(0, i) + char + text.slice(i + 1);
    }
    if (edit === 'drop') {
      return text.slice(0, i) + text.slice(i + 1);
    }
    return edit === 'insert' ? text.slice(0, i) + char + text.slice(i) : text;
  });

test('the hand scanner answers as the regular expression for ISO-like strings, broken ones included', () => {
  fc.assert(
    fc.property(isoLike, (text) => {
      expect([text, scanIsoWithOffset(text)]).toEqual([text, byRegExp(text)]);
    }),
    { numRuns: 20_000 }
  );
});

test('every fraction of a second keeps its milliseconds, truncated', () => {
  for (let digits = 1; digits <= 6; digits++) {
    for (let value = 0; value < 10 ** digits; value += digits > 4 ? 7 : 1) {
      const text = `2026-03-29T09:30:00.${String(value).padStart(digits, '0')}Z`;
      expect([text, scanIsoWithOffset(text)]).toEqual([text, byRegExp(text)]);
    }
  }
  expect(scanIsoWithOffset('0000-02-29T00:00:00Z')).toBe(byRegExp('0000-02-29T00:00:00Z'));
  expect(scanIsoWithOffset('2026-03-29T09:30:00.1234567890Z')).toBe(NOT_ISO);
  expect(scanIsoWithOffset('2026-03-29T09:30:0Z')).toBe(NOT_ISO);
});

test('ISO 8601 with an offset parses exactly as a full date library does', () => {
  const samples = [
    '2026-03-29T09:30:00+09:00',
    '2026-03-29T09:30+0545',
    '2026-03-29T00:00:00Z',
    '2026-02-28T23:59:59.999-05:00',
    '2024-02-29T12:00:00.5+01:00',
    '2026-12-31T23:59:59.123456789-10:30',
  ];
  for (const text of samples) {
    expect([text, scanIsoWithOffset(text)]).toEqual([text, DateTime.fromISO(text, { setZone: true }).toMillis()]);
  }
});

test('impossible dates and times are refused', () => {
  for (const text of [
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T10:60:00Z',
    '2026-01-01T10:00:00+25:00',
  ]) {
    expect([text, scanIsoWithOffset(text)]).toEqual([text, undefined]);
  }
  expect(parseEventTime('2026-02-29T00:00:00Z')).toBe('is not a valid date and time');
  expect(parseEventTime('2026-02-28T00:00:00')).toBe(
    'must be ISO 8601 with an offset (e.g. 2026-03-29T09:30:00+09:00) or epoch milliseconds'
  );
  expect(parseEventTime(1.5)).toBe('must be whole epoch milliseconds');
  expect(parseEventTime('1999-12-31T23:59:59Z')).toBe('must lie between the years 2000 and 2099');
  expect(parseEventTime('1774742400000')).toBe(1774742400000);
});

test('15-minute buckets', () => {
  const ms = Date.parse('2026-03-29T09:44:59.999Z');
  expect(new Date(bucketStart(ms)).toISOString()).toBe('2026-03-29T09:30:00.000Z');
  expect(new Date(bucketCeil(ms)).toISOString()).toBe('2026-03-29T09:45:00.000Z');
  expect(bucketCeil(Date.parse('2026-03-29T09:45:00Z'))).toBe(Date.parse('2026-03-29T09:45:00Z'));
});

test('query bounds without an offset are wall-clock time in the zone', () => {
  expect(parseQueryTime('2026-03-29', 'Europe/Berlin')).toBe(Date.parse('2026-03-28T23:00:00Z'));
  expect(parseQueryTime('2026-03-29T12:00', 'Asia/Kathmandu')).toBe(Date.parse('2026-03-29T06:15:00Z'));
  expect(parseQueryTime('2026-03-29T12:00:00+02:00', 'Asia/Seoul')).toBe(Date.parse('2026-03-29T10:00:00Z'));
  expect(parseQueryTime('next week', 'UTC')).toBe(
    'must be ISO 8601 (e.g. 2026-03-01 or 2026-03-01T00:00:00+09:00) or epoch milliseconds'
  );
});

test('query bounds outside what InfluxDB can group are refused, naming the range', () => {
  const range = 'must lie between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z';
  expect(parseQueryTime('1900-01-01T00:00:00Z', 'UTC')).toBe(Date.UTC(1900, 0, 1));
  expect(parseQueryTime('2200-01-01T00:00:00Z', 'UTC')).toBe(Date.UTC(2200, 0, 1));
  expect(parseQueryTime('1899-12-31T23:59:59.999Z', 'UTC')).toBe(range);
  expect(parseQueryTime('2200-01-01T00:00:00.001Z', 'UTC')).toBe(range);
  expect(parseQueryTime('1677-09-20', 'UTC')).toBe(range);
  // local midnight in Seoul is 15:00 the day before in UTC
  expect(parseQueryTime('1900-01-01', 'Asia/Seoul')).toBe(range);
  expect(parseQueryTime('999999999999999', 'UTC')).toBe(range);
  expect(parseQueryTime('0', 'UTC')).toBe(0);
});

test.each([
  ['utc', 'UTC'],
  ['UTC', 'UTC'],
  ['asia/seoul', 'Asia/Seoul'],
  ['ASIA/SEOUL', 'Asia/Seoul'],
  ['Asia/Kathmandu', 'Asia/Kathmandu'],
  ['asia/kathmandu', 'Asia/Kathmandu'],
  ['Asia/Katmandu', 'Asia/Katmandu'],
  ['america/argentina/buenos_aires', 'America/Argentina/Buenos_Aires'],
  ['etc/gmt+5', 'Etc/GMT+5'],
  ['us/eastern', 'US/Eastern'],
  ['europe/kyiv', 'Europe/Kyiv'],
])('zone %j is spelled %j', (name, spelled) => {
  expect(canonicalZone(name)).toBe(spelled);
});

test.each(['Mars/Olympus', '+09:00', 'Z', '', 'Asia/Seoul ', '../etc/passwd', 'Asia/Seoul\n'])(
  'zone %j is refused',
  (name) => {
    expect(canonicalZone(name)).toBeUndefined();
  }
);
