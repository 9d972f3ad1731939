import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { DemoEvent } from './events';
import { retryAfterMs, sendEvents, type SenderOptions } from './sender';
import { freePort } from '../lib/influxd';

interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

interface Received {
  lines: string[];
  headers: IncomingMessage['headers'];
}

async function fakeBackend(answers: Answer[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = gunzipSync(Buffer.concat(chunks)).toString('utf8');
      received.push({ lines: text.trim().split('\n'), headers: request.headers });
      const answer = answers.shift() ?? { status: 202, body: '{"accepted":0}' };
      response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

const events: DemoEvent[] = Array.from({ length: 5 }, (_, i) => ({
  id: `e${i}`,
  type: 'requested',
  template: '주간 뉴스레터',
  domain: 'naver.com',
  requestedAt: '2026-03-02T01:00:00.000Z',
  count: 1,
}));

function options(url: string, sleeps: number[], overrides: Partial<SenderOptions> = {}): SenderOptions {
  return {
    url,
    key: 'demoKey0123456789abc',
    batchSize: 2,
    concurrency: 1,
    maxAttempts: 5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  };
}

describe('sendEvents', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('sends gzip NDJSON batches with the key and retries 503 and 429 as told by Retry-After', async () => {
    const backend = await fakeBackend([
      { status: 503, body: '{"error":{"code":"unavailable"}}', headers: { 'Retry-After': '3' } },
      { status: 202, body: '{"accepted":2}' },
      { status: 429, body: '{"error":{"code":"too_many"}}' },
      { status: 202, body: '{"accepted":2}' },
      { status: 202, body: '{"accepted":1}' },
    ]);
    server = backend.server;
    const sleeps: number[] = [];
    const accepted = await sendEvents(events, options(backend.url, sleeps));
    expect(accepted).toBe(5);
    expect(sleeps).toEqual([3000, 500]);
    expect(backend.received.map((request) => request.lines.length)).toEqual([2, 2, 2, 2, 1]);
    expect(JSON.parse(backend.received[4].lines[0])).toEqual(events[4]);
    expect(backend.received[0].headers).toMatchObject({
      authorization: 'Bearer demoKey0123456789abc',
      'content-type': 'application/x-ndjson',
      'content-encoding': 'gzip',
    });
  });

  it('stops at once with the backend message when a batch is refused', async () => {
    const backend = await fakeBackend([{ status: 400, body: '{"error":{"code":"invalid_events"}}' }]);
    server = backend.server;
    await expect(sendEvents(events, options(backend.url, []))).rejects.toThrow(
      'the backend refused a batch of 2 events: 400 {"error":{"code":"invalid_events"}}'
    );
    expect(backend.received).toHaveLength(1);
  });

  it('retries an unreachable backend with growing pauses, then gives up', async () => {
    const sleeps: number[] = [];
    const url = `http://127.0.0.1:${await freePort()}`;
    await expect(sendEvents(events, options(url, sleeps, { maxAttempts: 4 }))).rejects.toThrow(
      /gave up sending a batch after 4 attempts/
    );
    expect(sleeps).toEqual([500, 1000, 2000]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Fri, 27 Nov 2026 20:00:10 GMT', Date.parse('2026-11-27T20:00:00Z'))).toBe(10000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
