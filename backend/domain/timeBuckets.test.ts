import { formatBucket, planBuckets } from './timeBuckets';

const labels = (from: string, to: string, interval: '1h' | '1d' | '1w' | '1M', zone: string) =>
  planBuckets(Date.parse(from), Date.parse(to), interval, zone).starts.map((start) => formatBucket(start, zone));

test('days keep local midnights across DST (23-hour and 25-hour days)', () => {
  expect(labels('2026-03-28T00:00:00+01:00', '2026-03-31T00:00:00+02:00', '1d', 'Europe/Berlin')).toEqual([
    '2026-03-28T00:00:00+01:00',
    '2026-03-29T00:00:00+01:00',
    '2026-03-30T00:00:00+02:00',
  ]);
  expect(labels('2026-10-24T00:00:00+02:00', '2026-10-27T00:00:00+01:00', '1d', 'Europe/Berlin')).toEqual([
    '2026-10-24T00:00:00+02:00',
    '2026-10-25T00:00:00+02:00',
    '2026-10-26T00:00:00+01:00',
  ]);
});

test('a range starting mid-bucket starts with the bucket that holds it', () => {
  expect(labels('2026-03-02T18:00:00Z', '2026-03-03T18:00:00Z', '1d', 'Asia/Seoul')).toEqual([
    '2026-03-03T00:00:00+09:00',
    '2026-03-04T00:00:00+09:00',
  ]);
});

test('hours in Asia/Kathmandu start at :15 UTC; weeks on Monday; months on the 1st', () => {
  const plan = planBuckets(
    Date.parse('2026-04-01T18:00:00Z'),
    Date.parse('2026-04-01T20:00:00Z'),
    '1h',
    'Asia/Kathmandu'
  );
  expect(plan.starts.map((start) => new Date(start).toISOString())).toEqual([
    '2026-04-01T17:15:00.000Z',
    '2026-04-01T18:15:00.000Z',
    '2026-04-01T19:15:00.000Z',
  ]);
  expect(labels('2026-03-01T00:00:00+09:00', '2026-03-10T00:00:00+09:00', '1w', 'Asia/Seoul')).toEqual([
    '2026-02-23T00:00:00+09:00',
    '2026-03-02T00:00:00+09:00',
    '2026-03-09T00:00:00+09:00',
  ]);
  expect(labels('2026-01-15T00:00:00-05:00', '2026-03-02T00:00:00-05:00', '1M', 'America/New_York')).toEqual([
    '2026-01-01T00:00:00-05:00',
    '2026-02-01T00:00:00-05:00',
    '2026-03-01T00:00:00-05:00',
  ]);
});

test('storage days map to their week and month buckets', () => {
  const plan = planBuckets(
    Date.parse('2026-03-01T00:00:00+09:00'),
    Date.parse('2026-04-01T00:00:00+09:00'),
    '1w',
    'Asia/Seoul'
  );
  expect(plan.storageInterval).toBe('1d');
  expect(plan.indexOf(Date.parse('2026-03-04T00:00:00+09:00'))).toBe(1);
  expect(plan.indexOf(Date.parse('2026-01-04T00:00:00+09:00'))).toBe(-1);
});
