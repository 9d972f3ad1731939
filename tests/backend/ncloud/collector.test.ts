/**
 * The NAVER Cloud collector end to end: a fake NAVER server of ours (fakeNaver.ts) checking
 * signatures, the real backend and a real InfluxDB; exact numbers in every view, tallied by
 * dataset.ts from the fake's data. Polls are driven with pollNow() (no timers), so nothing here
 * waits for a guessed delay.
 */
import { rmSync } from 'node:fs';
import type { BackendConfig } from '../../../backend/config';
import { LIST_OVERLAP_MS } from '../../../backend/adapters/ncloud/collector';
import { startBackend, type RunningBackend } from '../../../backend/server';
import { testConfig, TEST_KEYS } from '../../support/backend';
import { call, getStats } from '../../support/http';
import {
  DAY,
  expectedCounts,
  immediateRequests,
  JUNE_1,
  resendDelivered,
  resendRequest,
  scheduledRequest,
  scheduledSent,
  sum,
  totalCounts,
  type DayCounts,
} from './dataset';
import { FakeNaver } from './fakeNaver';
import { expectedTotals } from '../expectedTotals';

const ACCESS_KEY = 'ncpAccessKeyExample01';
const SECRET_KEY = 'ncpSecretKeyExample0123456789';
const RANGE = { from: '2026-06-01', to: '2026-06-08', tz: 'UTC' };
const DAYS = Array.from({ length: 7 }, (_unused, i) => new Date(JUNE_1 + i * DAY).toISOString().slice(0, 10));

let fake: FakeNaver;
let config: BackendConfig;
let backend: RunningBackend;

function start(): Promise<RunningBackend> {
  return startBackend(config, { log: () => undefined, pollNcloud: false });
}

beforeAll(async () => {
  fake = await new FakeNaver(ACCESS_KEY, SECRET_KEY).start();
  fake.requests.push(...immediateRequests('20260601', JUNE_1 + 5 * 60_000, 23), resendRequest(), scheduledRequest());
  config = testConfig({
    ncloud: {
      accessKey: ACCESS_KEY,
      secretKey: SECRET_KEY,
      account: 'acme',
      region: 'KR',
      apiUrl: `${fake.url}/api/v1`,
      pollIntervalMs: 3_600_000,
      startAt: JUNE_1 - DAY,
    },
  });
  backend = await start();
});

afterAll(async () => {
  await backend.stop();
  await fake.stop();
  rmSync(config.dataDir, { recursive: true, force: true });
});

const stats = async (path: string, params: Record<string, string | number> = {}) => {
  const answer = await getStats(backend.url, TEST_KEYS.acme, path, { ...RANGE, ...params });
  expect(answer.status).toBe(200);
  return answer.body;
};

const readyz = async () => (await call(`${backend.url}/readyz`, undefined)).body;

const inJune = () => fake.requests.filter((request) => request.requestedAt < Date.UTC(2026, 6, 1));

/** Every view of June shows exactly what the fake's data for June holds now (the API has no opens, unsubscribes or complaints). */
async function expectViewsToMatchFake(): Promise<void> {
  const expected = expectedCounts(inJune());
  const rows = (days: Map<string, DayCounts>, axis: 'request' | 'send') =>
    DAYS.map((date) => ({ time: `${date}T00:00:00Z`, ...expectedTotals(days.get(date) ?? {}, axis) }));
  const requestDate = await stats('/stats/request-date');
  expect(requestDate.rows).toEqual(rows(expected.requestDays, 'request'));
  expect(requestDate.totals).toEqual(expectedTotals(totalCounts(expected.requestDays), 'request'));
  const sendDate = await stats('/stats/send-date');
  expect(sendDate.rows).toEqual(rows(expected.sendDays, 'send'));
  expect(sendDate.totals).toEqual(expectedTotals(totalCounts(expected.sendDays), 'send'));

  const codes = await stats('/stats/result-codes');
  expect(
    Object.fromEntries(codes.rows.map((row: { resultCode: string; count: number }) => [row.resultCode, row.count]))
  ).toEqual(Object.fromEntries(expected.codes));
  const domains = await stats('/stats/domains');
  expect(
    Object.fromEntries(domains.rows.map((row: { domain: string; count: number }) => [row.domain, row.count]))
  ).toEqual(Object.fromEntries(expected.domains));

  const limit = await stats('/stats/sending-limit', { month: '2026-06', months: 1 });
  expect(limit.months[0].used).toBe(
    sum(expected.requestDays, 'requestCount') - sum(expected.requestDays, 'canceledCount')
  );
}

test('first poll: every page of requests, their mails and recipients, counted exactly', async () => {
  await backend.ncloud!.pollNow();
  // 23 + 2 requests on June 1 and 2, served 10 to a page: pages 0, 1, 2 of the window holding them.
  const pages = fake
    .callsTo(/\/mails\/requests$/)
    .filter(
      (listCall) => Number(listCall.query.get('startUtc')) <= JUNE_1 && Number(listCall.query.get('endUtc')) > JUNE_1
    )
    .map((listCall) => listCall.query.get('page'));
  expect(pages).toEqual(['0', '1', '2']);
  expect(fake.calls.every((recorded) => recorded.status === 200)).toBe(true);

  const expected = expectedCounts(fake.requests);
  // Independently of the tally: 47 recipients in 23 requests, 1 retried, 2 scheduled.
  expect(sum(expected.requestDays, 'requestCount')).toBe(50);
  expect(expected.codes.get('RESENDING_MAIL')).toBe(1);
  await expectViewsToMatchFake();
  const { ncloud } = await readyz();
  expect(ncloud).toMatchObject({
    account: 'acme',
    openRequests: 2,
    erroredRequests: 0,
    consecutiveFailures: 0,
    lastError: null,
  });
});

test('a poll with nothing new counts nothing again and reads only the open requests’ status', async () => {
  const before = fake.calls.length;
  const ingested = (await readyz()).ncloud.eventsIngested;
  await backend.ncloud!.pollNow();
  const paths = fake.calls.slice(before).map((recorded) => recorded.path.replace(/\d{20}/g, 'ID'));
  expect(paths.filter((path) => !path.endsWith('/mails/requests'))).toEqual([
    '/api/v1/mails/requests/ID/status',
    '/api/v1/mails/requests/ID/status',
  ]);
  expect((await readyz()).ncloud.eventsIngested).toBe(ingested);
  await expectViewsToMatchFake();
});

test('a retried recipient’s final result and a scheduled mail sent days later or canceled, through a 500 and 429s', async () => {
  resendDelivered(fake.requests[23]);
  scheduledSent(fake.requests[24]);
  // The second scheduled mail fails once, after the first was taken: that poll fails ...
  fake.failNext(/\/mails\/20260602999999999992$/);
  await expect(backend.ncloud!.pollNow()).rejects.toThrow('answered 500');
  expect((await readyz()).ncloud).toMatchObject({ consecutiveFailures: 1, openRequests: 1 });
  // ... and the next, rate limited twice on its first call, takes the rest.
  fake.rateLimitNext(2, '1');
  const before = fake.calls.length;
  await backend.ncloud!.pollNow();
  const calls = fake.calls.slice(before);
  expect(calls.slice(0, 3).map((recorded) => [recorded.path, recorded.status])).toEqual([
    ['/api/v1/mails/requests', 429],
    ['/api/v1/mails/requests', 429],
    ['/api/v1/mails/requests', 200],
  ]);
  // The first scheduled mail was final before the failure: it is not read again.
  expect(calls.filter((recorded) => recorded.path.endsWith('/mails/20260602999999999991'))).toEqual([]);

  await expectViewsToMatchFake();
  const expected = expectedCounts(fake.requests);
  expect(expected.sendDays.get('2026-06-05')).toMatchObject({ sentCount: 1, deliveredCount: 1 });
  expect(expected.requestDays.get('2026-06-02')).toMatchObject({ requestCount: 2, canceledCount: 1 });
  expect(expected.codes.get('RESENDING_MAIL')).toBe(1);
  const { ncloud } = await readyz();
  expect(ncloud).toMatchObject({ openRequests: 0, consecutiveFailures: 0, lastError: null });

  const metrics = (await call(`${backend.url}/metrics`, TEST_KEYS.admin)).body as string;
  expect(metrics).toMatch(/^mda_ncloud_api_requests_total\{status="429"\} 2$/m);
  expect(metrics).toMatch(/^mda_ncloud_api_requests_total\{status="500"\} 1$/m);
  expect(metrics).toMatch(/^mda_ncloud_open_requests 0$/m);
  expect(metrics).toMatch(/^mda_ncloud_consecutive_failures 0$/m);
});

test('after a restart the collector goes on from its checkpoint', async () => {
  const listedThrough = Date.parse((await readyz()).ncloud.listedThrough);
  await backend.stop();
  // Made while the backend was down (the fake's clock is ours here).
  const newRequests = immediateRequests('20261130', Date.now() - 3 * 60_000, 3).map((request) => ({
    ...request,
    requestedAt: Math.min(request.requestedAt, Date.now() - 60_000),
  }));
  fake.requests.push(...newRequests);
  backend = await start();
  const before = fake.calls.length;
  await backend.ncloud!.pollNow();
  const calls = fake.calls.slice(before);
  expect(Number(calls[0].query.get('startUtc'))).toBe(listedThrough - LIST_OVERLAP_MS);
  // Only the new requests' mails are read: the old ones are closed in the checkpoint.
  const newMailIds = newRequests.flatMap((request) => request.mails.map((mail) => mail.mailId));
  expect(
    calls.filter((recorded) => /\/mails\/\d+$/.test(recorded.path)).map((recorded) => recorded.path.split('/').pop())
  ).toEqual(newMailIds);
  const expected = expectedCounts(newRequests);
  const recent = await stats('/stats/request-date', { from: Date.now() - DAY, to: Date.now() + DAY, interval: '1M' });
  expect(recent.totals).toEqual(expectedTotals(totalCounts(expected.requestDays), 'request'));
  expect(sum(expected.requestDays, 'requestCount')).toBe(8);
  await expectViewsToMatchFake();
});
