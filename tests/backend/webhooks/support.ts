/** Shared by the webhook tests: a backend with sources, the views a test asserts, a local HTTP server. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackendConfig } from '../../../backend/config';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { call, getStats } from '../../support/http';

export async function startWebhookBackend(overrides: Partial<BackendConfig> = {}): Promise<TestBackend> {
  return startTestBackend(overrides);
}

export async function putSource(backend: TestBackend, id: string, body: Record<string, unknown>) {
  return call(`${backend.url}/api/v1/sources/${id}`, backend.keys.admin, { method: 'PUT', body });
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

/** Time-view totals with every count zero unless given; rates computed here from the given counts. */
export function expectedTotals(counts: Partial<Record<string, number>>, axis: 'request' | 'send') {
  const c = {
    requestCount: 0,
    sentCount: 0,
    deliveredCount: 0,
    bouncedCount: 0,
    openedCount: 0,
    machineOpenedCount: 0,
    unsubscribeCount: 0,
    complaintCount: 0,
    canceledCount: 0,
    ...counts,
  };
  const rate = (n: number, d: number) => (d === 0 ? null : n / d);
  const all = {
    ...c,
    deliveryRate: rate(c.sentCount, c.requestCount),
    openRate: rate(c.openedCount, c.sentCount),
    unsubscribeRate: rate(c.unsubscribeCount, c.openedCount),
    bounceRate: rate(c.bouncedCount, c.sentCount),
    complaintRate: rate(c.complaintCount, c.sentCount),
  };
  if (axis === 'send') {
    const { requestCount: _r, canceledCount: _c, deliveryRate: _d, ...send } = all;
    return send;
  }
  return all;
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
