/**
 * The collector starts with the backend and copes with a gateway clock 20 minutes ahead of ours
 * (its first signature is refused as stale; it signs again on the gateway's clock, from the
 * answer's Date header, and lists up to the gateway's now); a wrong secret fails the poll, says so
 * in /readyz and counts nothing.
 */
import { startTestBackend, TEST_KEYS, type TestBackend } from '../../support/backend';
import { eventually } from '../../support/eventually';
import { call, getStats } from '../../support/http';
import { immediateRequests } from './dataset';
import { expectedTotals } from '../expectedTotals';
import { FakeNaver } from './fakeNaver';

const ACCESS_KEY = 'ncpAccessKeyExample02';
const SECRET_KEY = 'ncpSecretKeyExample9876543210';
const SKEW_MS = 20 * 60_000;

let fake: FakeNaver;
const backends: TestBackend[] = [];

beforeAll(async () => {
  fake = await new FakeNaver(ACCESS_KEY, SECRET_KEY).start();
  fake.skewMs = SKEW_MS;
  // Made on the gateway a minute ago: 19 minutes in our future.
  const [request] = immediateRequests('20261201', fake.now() - 60_000, 1);
  fake.requests.push(request);
});

afterAll(async () => {
  await Promise.all(backends.map((backend) => backend.stop()));
  await fake.stop();
});

async function backendWith(secretKey: string, poll: boolean): Promise<TestBackend> {
  const ncloud = {
    accessKey: ACCESS_KEY,
    secretKey,
    account: 'acme',
    region: 'KR' as const,
    apiUrl: `${fake.url}/api/v1`,
    pollIntervalMs: 60_000,
    startAt: Date.now() - 60 * 60_000,
  };
  const backend = await startTestBackend({ ncloud }, { pollNcloud: poll });
  backends.push(backend);
  return backend;
}

const readyz = async (backend: TestBackend) => (await call(`${backend.url}/readyz`, undefined)).body;

const recentTotals = async (backend: TestBackend) => {
  const answer = await getStats(backend.url, TEST_KEYS.acme, '/stats/request-date', {
    from: Date.now() - 24 * 3_600_000,
    to: Date.now() + 24 * 3_600_000,
    interval: '1M',
  });
  expect(answer.status).toBe(200);
  return answer.body.totals;
};

test('started with the backend, it signs on the gateway’s clock and counts the request made in our future', async () => {
  const backend = await backendWith(SECRET_KEY, true);
  const { ncloud } = await eventually('a successful poll', async () => {
    const body = await readyz(backend);
    return body.ncloud.lastSuccessAt !== null ? body : undefined;
  });
  // One refusal for the stale timestamp, then accepted signatures only.
  expect(fake.calls[0]).toMatchObject({ status: 401, refused: 'timestamp' });
  expect(fake.calls.slice(1).every((recorded) => recorded.status === 200)).toBe(true);
  expect(Math.abs(ncloud.clockOffsetMs - SKEW_MS)).toBeLessThanOrEqual(2000);
  // One mail to 3 recipients (To, Cc, Bcc) with outcomes MAIL_SENT, MAIL_SENT, MAILBOX_ERROR.
  expect(await recentTotals(backend)).toEqual(
    expectedTotals({ requestCount: 3, sentCount: 3, deliveredCount: 2, bouncedCount: 1 }, 'request')
  );
});

test('a wrong secret key: the poll fails with 401, /readyz says so, nothing is counted', async () => {
  const backend = await backendWith('notTheSecretKey0123456789', false);
  await expect(backend.ncloud!.pollNow()).rejects.toThrow('answered 401');
  const { ncloud } = await readyz(backend);
  expect(ncloud).toMatchObject({ consecutiveFailures: 1, listedThrough: null, eventsIngested: 0 });
  expect(ncloud.lastError).toContain('/api/v1/mails/requests answered 401');
  expect(await recentTotals(backend)).toEqual(expectedTotals({}, 'request'));
  // The API itself stays ready.
  expect((await call(`${backend.url}/readyz`, undefined)).status).toBe(200);
});
