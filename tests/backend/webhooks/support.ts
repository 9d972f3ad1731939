/** Shared by the webhook tests: a backend with sources, the views a test asserts, a local HTTP server. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackendConfig } from '../../../backend/config';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { expectedTotals, type Counts } from '../expectedTotals';
import { call, getStats, type Answer } from '../../support/http';

export async function putSource(backend: TestBackend, id: string, body: Record<string, unknown>) {
  return call(`${backend.url}/api/v1/sources/${id}`, backend.keys.admin, { method: 'PUT', body });
}

/** A backend with these sources (id to body), each created (201) through the sources API. */
export async function startWebhookBackend(
  sources: Record<string, Record<string, unknown>>,
  overrides: Partial<BackendConfig> = {}
): Promise<TestBackend> {
  const backend = await startTestBackend(overrides);
  for (const [id, body] of Object.entries(sources)) {
    expect([id, (await putSource(backend, id, body)).status]).toEqual([id, 201]);
  }
  return backend;
}

export function postWebhook(
  backend: TestBackend,
  vendor: string,
  sourceId: string,
  body: string,
  headers: Record<string, string> = {}
) {
  return call(`${backend.url}/api/v1/webhooks/${vendor}/${sourceId}`, undefined, {
    method: 'POST',
    raw: body,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Every view's numbers for one account over a range: the time views' totals, the two distributions' rows. */
export async function allViews(backend: TestBackend, key: string, range: Record<string, string>) {
  const [request, send, domains, resultCodes] = await Promise.all(
    ['/stats/request-date', '/stats/send-date', '/stats/domains', '/stats/result-codes'].map((path) =>
      getStats(backend.url, key, path, { ...range, interval: '1M' })
    )
  );
  for (const answer of [request, send, domains, resultCodes]) {
    expect(answer.status).toBe(200);
  }
  return {
    request: request.body.totals,
    send: send.body.totals,
    domains: domains.body.rows,
    resultCodes: resultCodes.body.rows,
  };
}

/**
 * What a vendor's events must give in every view: the counts of the time views, the
 * distributions' rows, and the sending-limit usage (requested minus canceled) of one month.
 */
export interface ExpectedViews {
  counts: Counts;
  domains: Array<{ domain: string; count: number; share: number }>;
  resultCodes: Array<{ resultCode: string; class: string; count: number; share: number }>;
  limit: { month: string; used: number };
}

export async function expectViews(
  backend: TestBackend,
  key: string,
  range: Record<string, string>,
  expected: ExpectedViews
) {
  const { month } = expected.limit;
  const [views, limit] = await Promise.all([
    allViews(backend, key, range),
    getStats(backend.url, key, '/stats/sending-limit', { month, months: 1, tz: range.tz }),
  ]);
  expect(limit.status).toBe(200);
  expect({ ...views, limit: limit.body.months.map((m: { month: string; used: number }) => [m.month, m.used]) }).toEqual(
    {
      request: expectedTotals(expected.counts, 'request'),
      send: expectedTotals(expected.counts, 'send'),
      domains: expected.domains,
      resultCodes: expected.resultCodes,
      limit: [[month, expected.limit.used]],
    }
  );
}

/** Posts one call after another, as a vendor sends them; each answered 200, its body returned. */
export async function postInTurn<T>(calls: readonly T[], post: (call: T) => Promise<Answer>) {
  const bodies: unknown[] = [];
  for (const one of calls) {
    const { status, body } = await post(one);
    expect([status, body]).toEqual([200, body]);
    bodies.push(body);
  }
  return bodies;
}

/**
 * The answers to `counted` calls of one event each, then `ignored` calls of an event that counts
 * nothing; `again`: the second time, when every counted event is a duplicate.
 */
export const answersOf = (counted: number, ignored: number, again = false) => [
  ...Array.from({ length: counted }, () => ({ accepted: 1, duplicates: again ? 1 : 0, ignored: 0 })),
  ...Array.from({ length: ignored }, () => ({ accepted: 0, duplicates: 0, ignored: 1 })),
];

/**
 * Calls made at once, each with `delivered / calls` distinct deliveries for the account `beta`:
 * every one answered 200, and beta's totals count each delivery once.
 */
export async function expectBurst(
  backend: TestBackend,
  range: Record<string, string>,
  calls: ReadonlyArray<Promise<Answer>>,
  delivered: number
) {
  const answers = await Promise.all(calls);
  expect(answers.map((answer) => answer.status)).toEqual(Array(calls.length).fill(200));
  const views = await allViews(backend, backend.keys.beta, range);
  expect(views.request).toEqual(expectedTotals({ sentCount: delivered, deliveredCount: delivered }, 'request'));
  expect(views.resultCodes).toEqual([{ resultCode: 'MAIL_SENT', class: 'delivered', count: delivered, share: 1 }]);
}

/** A local HTTP server that records every request path and answers from `routes`. */
export interface LocalServer {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startLocalServer(routes: Record<string, string>): Promise<LocalServer> {
  const hits: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = req.url ?? '/';
    hits.push(path);
    const body = routes[path.split('?')[0]];
    res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'text/plain' }).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
