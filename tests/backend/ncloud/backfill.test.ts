/**
 * The backfill command's runBackfill: mail made before the live collector's start, taken once
 * (a second run counts nothing), with exact numbers in the views of a backend on the same DATA_DIR.
 */
import { rmSync } from 'node:fs';
import { runBackfill } from '../../../backend/adapters/ncloud/backfillCommand';
import type { BackendConfig } from '../../../backend/config';
import { startBackend } from '../../../backend/server';
import { testConfig, TEST_KEYS } from '../../support/backend';
import { getStats } from '../../support/http';
import { DAY, expectedCounts, immediateRequests, sum } from './dataset';
import { FakeNaver } from './fakeNaver';

const ACCESS_KEY = 'ncpAccessKeyExample03';
const SECRET_KEY = 'ncpSecretKeyExample5555555555';
const JUNE_10 = Date.UTC(2026, 5, 10);

let fake: FakeNaver;
let config: BackendConfig;

beforeAll(async () => {
  fake = await new FakeNaver(ACCESS_KEY, SECRET_KEY).start();
  fake.requests.push(...immediateRequests('20260610', JUNE_10 + 3_600_000, 12));
  config = testConfig({
    ncloud: {
      accessKey: ACCESS_KEY,
      secretKey: SECRET_KEY,
      account: 'acme',
      region: 'KR',
      apiUrl: `${fake.url}/api/v1`,
      pollIntervalMs: 3_600_000,
    },
  });
});

afterAll(async () => {
  await fake.stop();
  rmSync(config.dataDir, { recursive: true, force: true });
});

test('a backfill takes every request of its range once; a second run counts nothing', async () => {
  const range = { from: JUNE_10 - 2 * DAY, to: JUNE_10 + DAY };
  const first = await runBackfill(config, range);
  const expected = expectedCounts(fake.requests);
  const requested = sum(expected.requestDays, 'requestCount');
  // 12 requests of 1, 2, 3, ... mails, the first mail to 3 recipients: 24 mails, 26 recipients.
  expect(requested).toBe(26);
  expect(first).toMatchObject({ openRequests: 0, consecutiveFailures: 0, listedThrough: null });
  expect(first.eventsIngested).toBe(requested + [...expected.codes.values()].reduce((a, b) => a + b, 0));

  const again = await runBackfill(config, range);
  expect(again).toMatchObject({ eventsIngested: 0, duplicates: 0 });

  const backend = await startBackend(config, { log: () => undefined, pollNcloud: false });
  try {
    const { body } = await getStats(backend.url, TEST_KEYS.acme, '/stats/request-date', {
      from: '2026-06-10',
      to: '2026-06-11',
      tz: 'UTC',
    });
    expect(body.totals).toMatchObject({
      requestCount: requested,
      sentCount: sum(expected.requestDays, 'sentCount'),
      deliveredCount: sum(expected.requestDays, 'deliveredCount'),
      bouncedCount: sum(expected.requestDays, 'bouncedCount'),
    });
  } finally {
    await backend.stop();
  }
});
