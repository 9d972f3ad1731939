import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { MAX_REMEMBERED, zoneOf } from './zones';

const HOUR_MS = 3_600_000;

afterEach(() => jest.restoreAllMocks());

test('offsets are those of the tz database, across DST changes and at quarter-hour zones', () => {
  // Europe/Berlin: +01:00 until 2026-03-29 01:00 UTC, +02:00 until 2026-10-25 01:00 UTC.
  const berlin = zoneOf('Europe/Berlin');
  expect(berlin.offset(Date.parse('2026-03-29T00:59:59Z'))).toBe(60);
  expect(berlin.offset(Date.parse('2026-03-29T01:00:00Z'))).toBe(120);
  expect(berlin.offset(Date.parse('2026-10-25T00:59:59Z'))).toBe(120);
  expect(berlin.offset(Date.parse('2026-10-25T01:00:00Z'))).toBe(60);
  expect(zoneOf('Asia/Kathmandu').offset(Date.parse('2026-06-01T00:00:00Z'))).toBe(345);
  // Asked again, from memory: the same answers.
  expect(berlin.offset(Date.parse('2026-03-29T01:00:00Z'))).toBe(120);
  expect(berlin.offset(Date.parse('2026-10-25T00:59:59Z'))).toBe(120);
});

test("local days made with it are the same as with luxon's own zone", () => {
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (const name of ['Europe/Berlin', 'America/Santiago', 'Asia/Kathmandu', 'Australia/Lord_Howe']) {
    for (let ms = start; ms < start + 366 * 24 * HOUR_MS; ms += 7 * HOUR_MS) {
      const ours = DateTime.fromMillis(ms, { zone: zoneOf(name) })
        .startOf('day')
        .plus({ days: 1 })
        .toISO();
      const luxons = DateTime.fromMillis(ms, { zone: name }).startOf('day').plus({ days: 1 }).toISO();
      expect(ours).toBe(luxons);
    }
  }
});

test('an instant asked twice asks Intl once', () => {
  const asked = jest.spyOn(IANAZone.prototype, 'offset');
  const seoul = zoneOf('Asia/Seoul');
  const instant = Date.parse('2026-05-05T05:05:05Z');
  expect(seoul.offset(instant)).toBe(540);
  expect(seoul.offset(instant)).toBe(540);
  expect(asked).toHaveBeenCalledTimes(1);
});

test(`past ${MAX_REMEMBERED} remembered offsets all are forgotten`, () => {
  // A fresh module (and luxon), holding nothing the tests above remembered.
  let fresh!: { zones: typeof import('./zones'); luxon: typeof import('luxon') };
  jest.isolateModules(() => {
    fresh = { zones: require('./zones'), luxon: require('luxon') };
  });
  const { zoneOf } = fresh.zones;
  const tokyo = zoneOf('Asia/Tokyo');
  const first = Date.parse('2020-01-01T00:00:00Z');
  for (let i = 0; i < MAX_REMEMBERED; i++) {
    tokyo.offset(first + i * 1000);
  }
  const asked = jest.spyOn(fresh.luxon.IANAZone.prototype, 'offset');
  expect(tokyo.offset(first)).toBe(540);
  expect(asked).toHaveBeenCalledTimes(0);
  zoneOf('Asia/Tokyo').offset(first - 1000);
  expect(asked).toHaveBeenCalledTimes(1);
  // The store was full at that new instant: everything went, so the first is asked again.
  expect(zoneOf('Asia/Tokyo').offset(first)).toBe(540);
  expect(asked).toHaveBeenCalledTimes(2);
});

test("UTC, fixed offsets and unknown names stay luxon's own zones", () => {
  expect(zoneOf('UTC')).toBe(FixedOffsetZone.utcInstance);
  expect(DateTime.fromMillis(0, { zone: zoneOf('UTC') }).toISO()).toBe('1970-01-01T00:00:00.000Z');
  expect(zoneOf('UTC+3').offset(0)).toBe(180);
  expect(zoneOf('Mars/Olympus').isValid).toBe(false);
});
