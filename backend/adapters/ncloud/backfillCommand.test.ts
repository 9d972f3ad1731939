import { ConfigError } from '../../config';
import { parseBackfillArgs } from './backfillCommand';

test('--from and --to are ISO times with an offset, from before to', () => {
  expect(parseBackfillArgs(['--from', '2026-01-01T00:00:00+09:00', '--to', '2026-02-01T00:00:00Z'])).toEqual({
    from: Date.UTC(2025, 11, 31, 15),
    to: Date.UTC(2026, 1, 1),
  });
  expect(() => parseBackfillArgs(['--to', '2026-02-01T00:00:00Z'])).toThrow(
    new ConfigError('--from must be an ISO 8601 time with an offset, e.g. --from 2026-01-01T00:00:00+09:00')
  );
  expect(() => parseBackfillArgs(['--from', '2026-01-01', '--to', '2026-02-01T00:00:00Z'])).toThrow('--from must be');
  expect(() => parseBackfillArgs(['--from', '2026-02-01T00:00:00Z', '--to', '2026-01-01T00:00:00Z'])).toThrow(
    '--from must be before --to'
  );
});
