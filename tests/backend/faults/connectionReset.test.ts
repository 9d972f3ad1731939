/**
 * The keep-alive race behind "fetch failed" / ECONNRESET under load: a client reuses an idle
 * connection just as the server closes it (its keep-alive timeout ran out while the client
 * was too busy to see the close). The resetting proxy makes the reset happen as the request
 * goes out, every time. The fix: the backend keeps idle connections longer than clients do,
 * and the test helpers re-send an events POST on a reset, which event ids make safe.
 */
import { get } from 'node:http';
import { isConnectionReset } from '../../../scripts/lib/connectionReset';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { postEvents } from '../../support/http';
import { makeBatch, requestCount } from './load';
import { startResettingProxy, type ResettingProxy } from './resettingProxy';

let backend: TestBackend;
let proxy: ResettingProxy;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(() => backend.stop());
beforeEach(async () => {
  proxy = await startResettingProxy(backend.url);
});
afterEach(() => proxy.stop());

const counted = async () => (await requestCount(backend.url, backend.keys.acme)).count ?? 0;

test('reproduced: without a re-send, the request on the closed connection fails with no answer', async () => {
  const first = makeBatch('reset-raw', 0, 3);
  const second = makeBatch('reset-raw', 1, 3);
  expect((await postEvents(proxy.url, backend.keys.acme, first.events)).status).toBe(202);
  proxy.cutNextRequest('unsent');
  const failure = await fetch(`${proxy.url}/api/v1/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.keys.acme}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(second.events),
  }).catch((error: unknown) => error);
  expect((failure as Error).message).toBe('fetch failed');
  expect(isConnectionReset(failure)).toBe(true);
  expect(proxy.cuts).toBe(1);
  expect(await counted()).toBe(first.mails);
});

test('the helpers re-send on a new connection: every event counted once', async () => {
  const before = await counted();
  const first = makeBatch('reset-unsent', 0, 3);
  const second = makeBatch('reset-unsent', 1, 3);
  expect((await postEvents(proxy.url, backend.keys.acme, first.events)).body).toEqual({ accepted: 3, duplicates: 0 });
  proxy.cutNextRequest('unsent');
  expect((await postEvents(proxy.url, backend.keys.acme, second.events)).body).toEqual({ accepted: 3, duplicates: 0 });
  expect(proxy.cuts).toBe(1);
  expect(await counted()).toBe(before + first.mails + second.mails);
});

// The re-send's answer: all 3 accepted, all 3 of them duplicates (api.md: D of the N).
test('a re-send of a batch the backend took but whose answer was lost is a duplicate, not a second count', async () => {
  const before = await counted();
  const first = makeBatch('reset-unanswered', 0, 3);
  const second = makeBatch('reset-unanswered', 1, 3);
  await postEvents(proxy.url, backend.keys.acme, first.events);
  proxy.cutNextRequest('unanswered');
  expect((await postEvents(proxy.url, backend.keys.acme, second.events)).body).toEqual({ accepted: 3, duplicates: 3 });
  expect(proxy.cuts).toBe(1);
  expect(await counted()).toBe(before + first.mails + second.mails);
});

test('answers advertise the keep-alive timeout, 65 s unless configured', async () => {
  const keepAliveHeader = (url: string) =>
    new Promise<string>((resolve, reject) => {
      get(`${url}/healthz`, { headers: { Connection: 'keep-alive' } }, (answer) => {
        answer.resume();
        resolve(String(answer.headers['keep-alive']));
      }).on('error', reject);
    });
  expect(await keepAliveHeader(backend.url)).toBe('timeout=65');
  const configured = await startTestBackend({ keepAliveTimeoutSeconds: 90 });
  try {
    expect(await keepAliveHeader(configured.url)).toBe('timeout=90');
  } finally {
    await configured.stop();
  }
});
