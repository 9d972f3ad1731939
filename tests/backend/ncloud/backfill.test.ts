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
import { DAY, expectedCounts, immediateRequests, sum, totalCounts } from './dataset';
import { expectedTotals } from '../expectedTotals';
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
    expect(body.totals).toEqual(expectedTotals(totalCounts(expected.requestDays), 'request'));
  } finally {
    await backend.stop();
  }
});

test('a result code outside the 28 keeps its request open with the reason and counts none of its mail', async () => {
  const june20 = Date.UTC(2026, 5, 20, 9);
  const [request] = immediateRequests('20260620', june20, 1);
  request.mails[0].recipients[1] = { address: 'odd@example.com', status: 'F', code: 'MAILBOX_FULL' };
  fake.requests.push(request);
  const range = { from: june20 - DAY, to: june20 + DAY };
  const day = { from: '2026-06-20', to: '2026-06-21', tz: 'UTC' };
  const totals = async () => {
    const backend = await startBackend(config, { log: () => undefined, pollNcloud: false });
    try {
      return (await getStats(backend.url, TEST_KEYS.acme, '/stats/request-date', day)).body.totals;
    } finally {
      await backend.stop();
    }
  };

  const refused = await runBackfill(config, range);
  expect(refused).toMatchObject({ openRequests: 1, erroredRequests: 1, eventsIngested: 0 });
  expect(refused.lastRequestError).toBe(
    'request 20260620000000000000: mail 20260620000000000001 has the result code "MAILBOX_FULL", which is not one of the 28 known codes'
  );
  expect(await totals()).toEqual(expectedTotals({}, 'request'));

  // Once the mailer answers a known code, the open request is taken whole.
  request.mails[0].recipients[1] = { address: 'odd@example.com', status: 'F', code: 'MAILBOX_ERROR' };
  const taken = await runBackfill(config, range);
  expect(taken).toMatchObject({ openRequests: 0, erroredRequests: 0, lastRequestError: null });
  const expected = expectedCounts([request]);
  expect(sum(expected.requestDays, 'requestCount')).toBe(3);
  expect(await totals()).toEqual(expectedTotals(totalCounts(expected.requestDays), 'request'));
  expect(expected.codes.get('MAILBOX_ERROR')).toBeGreaterThanOrEqual(1);
});
