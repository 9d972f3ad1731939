/** Small helpers for driving the backend's HTTP API in tests. */
import { gzipSync } from 'node:zlib';
import { retryOnConnectionReset } from '../../scripts/lib/connectionReset';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Safe to send again after a connection reset: reads, PUT/DELETE, and events (their ids dedupe them). */
function isIdempotent(method: string, url: string): boolean {
  return method !== 'POST' || new URL(url).pathname === '/api/v1/events';
}

export async function call<T = any>(
  url: string,
  key: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {}
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (key !== undefined) {
    headers.Authorization = `Bearer ${key}`;
  }
  let body: BodyInit | undefined = init.raw;
  if (init.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(init.body);
  }
  const method = init.method ?? (body ? 'POST' : 'GET');
  const send = () => fetch(url, { method, headers, body });
  const answer = isIdempotent(method, url) ? await retryOnConnectionReset(send) : await send();
  const text = await answer.text();
  let parsed: unknown = text;
  if ((answer.headers.get('content-type') ?? '').includes('json')) {
    parsed = JSON.parse(text);
  }
  return { status: answer.status, headers: answer.headers, body: parsed as T };
}

export function postEvents(baseUrl: string, key: string, events: unknown[], query = ''): Promise<Answer> {
  return call(`${baseUrl}/api/v1/events${query}`, key, { body: events });
}

export function postNdjsonGzip(baseUrl: string, key: string, events: unknown[]): Promise<Answer> {
  const ndjson = events.map((event) => JSON.stringify(event)).join('\n');
  return call(`${baseUrl}/api/v1/events`, key, {
    method: 'POST',
    raw: gzipSync(ndjson),
    headers: { 'Content-Type': 'application/x-ndjson', 'Content-Encoding': 'gzip' },
  });
}

/** GET with repeated parameters given as arrays. */
export function getStats(
  baseUrl: string,
  key: string,
  path: string,
  params: Record<string, string | number | string[]> = {}
): Promise<Answer> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      search.append(name, String(item));
    }
  }
  return call(`${baseUrl}/api/v1${path}?${search}`, key);
}
