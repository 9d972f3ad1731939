/**
 * Issue 12, defect 6: a malformed path was blamed on the body, requests Node's HTTP parser
 * refuses had empty bodies, other charsets and invalid UTF-8 were read as (replaced) UTF-8,
 * and a malformed Authorization header was called a missing key.
 */
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { call, getStats } from '../../support/http';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});

afterAll(() => backend.stop());

/** Sends `request` as raw bytes; the status and JSON body of the answer, read until the server closes. */
function rawHttp(request: string): Promise<{ status: number; contentType: string; body: unknown }> {
  const { hostname, port } = new URL(backend.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
        contentType: /content-type: ([^\r]*)/i.exec(head)?.[1] ?? '',
        body: JSON.parse(rest.join('\r\n\r\n')),
      });
    });
  });
}

test('a path with malformed percent-encoding is a 400 about the path', async () => {
  const answer = await call(`${backend.url}/api/v1/stats/%E0%A4%A`, backend.keys.acme);
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    error: { code: 'invalid_path', message: 'the path "/api/v1/stats/%E0%A4%A" is not valid percent-encoded UTF-8' },
  });
});

test.each([
  ['a malformed escape', 'tz=%E0%A4%A'],
  ['bytes that are not UTF-8', 'template=%C3%28'],
])('a query parameter with %s is a 400 naming it, never replaced by U+FFFD', async (_what, pair) => {
  const answer = await call(`${backend.url}/api/v1/stats/request-date?from=2026-07-01&${pair}`, backend.keys.acme);
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    error: {
      code: 'invalid_query',
      message: `the query parameter ${JSON.stringify(pair)} is not valid percent-encoded UTF-8`,
    },
  });
});

test("a URL over Node's 16 KiB header limit: 431 with the JSON error shape", async () => {
  const answer = await call(
    `${backend.url}/api/v1/stats/request-date?template=${'x'.repeat(17 * 1024)}`,
    backend.keys.acme
  );
  expect(answer.status).toBe(431);
  expect(answer.body).toEqual({
    error: {
      code: 'headers_too_large',
      message: 'the request line and headers are larger than 16 KiB; send fewer or shorter parameters or headers',
    },
  });
});

test('a request the HTTP parser refuses gets the JSON error shape', async () => {
  const badMethod = await rawHttp('G@T /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  expect(badMethod).toEqual({
    status: 400,
    contentType: 'application/json; charset=utf-8',
    body: { error: { code: 'invalid_request', message: 'the request method is not valid HTTP' } },
  });
  const both = await rawHttp(
    'POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'
  );
  expect(both).toEqual({
    status: 400,
    contentType: 'application/json; charset=utf-8',
    body: {
      error: {
        code: 'invalid_request',
        message:
          'the request has both Content-Length and Transfer-Encoding, or a Transfer-Encoding that is not chunked; send one of them',
      },
    },
  });
});

const EVENT = { id: 'c1', type: 'requested', domain: 'example.com', requestedAt: '2026-07-01T10:00:00Z' };
const postRaw = (raw: Buffer, contentType: string, extra: Record<string, string> = {}) =>
  call(`${backend.url}/api/v1/events`, backend.keys.acme, {
    method: 'POST',
    raw: new Uint8Array(raw),
    headers: { 'Content-Type': contentType, ...extra },
  });

test('a charset other than UTF-8 is refused, on events and on limits', async () => {
  const latin1 = Buffer.from(JSON.stringify([{ ...EVENT, template: 'café' }]), 'latin1');
  const answer = await postRaw(latin1, 'application/json; charset=iso-8859-1');
  expect(answer.status).toBe(415);
  expect(answer.body).toEqual({
    error: {
      code: 'unsupported_charset',
      message: 'charset "iso-8859-1" is not supported: send UTF-8 (charset=utf-8 or no charset)',
    },
  });
  const limits = await call(`${backend.url}/api/v1/limits?account=acme`, backend.keys.admin, {
    method: 'PUT',
    raw: '{"monthly":1000,"daily":100}',
    headers: { 'Content-Type': 'application/json; charset=iso-8859-1' },
  });
  expect(limits.status).toBe(415);
  expect(limits.body.error.code).toBe('unsupported_charset');
});

test('bytes that are not UTF-8 are refused, plain or gzip, and nothing is counted', async () => {
  const json = Buffer.from(JSON.stringify([{ ...EVENT, template: 'caf__' }]));
  const bad = Buffer.from(json.toString().replace('__', '\u0000\u0000'), 'utf8');
  bad[bad.indexOf(0)] = 0xc3;
  bad[bad.indexOf(0)] = 0x28; // 0xC3 0x28: a lead byte without its continuation
  const expected = { error: { code: 'invalid_utf8', message: 'the request body is not valid UTF-8' } };
  const plain = await postRaw(bad, 'application/json; charset=utf-8');
  expect(plain.status).toBe(400);
  expect(plain.body).toEqual(expected);
  const zipped = await postRaw(gzipSync(bad), 'application/x-ndjson', { 'Content-Encoding': 'gzip' });
  expect(zipped.status).toBe(400);
  expect(zipped.body).toEqual(expected);
  const limits = await call(`${backend.url}/api/v1/limits?account=acme`, backend.keys.admin, {
    method: 'PUT',
    raw: Buffer.from([...Buffer.from('{"changeRequestUrl":"https://x.example/'), 0xff, ...Buffer.from('"}')]),
    headers: { 'Content-Type': 'application/json' },
  });
  expect(limits.status).toBe(400);
  expect(limits.body).toEqual(expected);
  const values = await getStats(backend.url, backend.keys.acme, '/values/templates', {
    from: '2026-07-01',
    to: '2026-07-02',
  });
  expect(values.body).toEqual({ values: [] });
});

test.each([[`Bearer ${'k'.repeat(20)} extra`], ['Basic YWNtZTpzZWNyZXQ='], ['Bearer']])(
  'Authorization %j is called malformed, not missing',
  async (header) => {
    const answer = await call(`${backend.url}/api/v1/limits`, undefined, { headers: { Authorization: header } });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      error: {
        code: 'unauthorized',
        message: 'the Authorization header is malformed: send exactly "Bearer <key>" (one key, no other words)',
      },
    });
  }
);

test('a key followed by another word is refused even when the key is valid', async () => {
  const answer = await call(`${backend.url}/api/v1/limits`, undefined, {
    headers: { Authorization: `Bearer ${backend.keys.acme} extra` },
  });
  expect(answer.status).toBe(401);
  expect(answer.body.error.message).toBe(
    'the Authorization header is malformed: send exactly "Bearer <key>" (one key, no other words)'
  );
});
