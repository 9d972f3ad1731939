import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { exchange } from './httpExchange';

/** A raw HTTP/1.1 server: `onRequest` gets each request's head and body and its connection's number. */
function rawServer(
  onRequest: (socket: Socket, head: string, body: string, connection: number) => void
): Promise<Server> {
  let connections = 0;
  const server = createServer((socket) => {
    const connection = ++connections;
    sockets.add(socket);
    let pending = '';
    socket.on('data', (chunk) => {
      pending += chunk.toString('utf8');
      for (;;) {
        const headEnd = pending.indexOf('\r\n\r\n');
        if (headEnd < 0) {
          return;
        }
        const head = pending.slice(0, headEnd);
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        const bodyBytes = Buffer.from(pending.slice(headEnd + 4), 'utf8');
        if (bodyBytes.length < length) {
          return;
        }
        pending = bodyBytes.subarray(length).toString('utf8');
        onRequest(socket, head, bodyBytes.subarray(0, length).toString('utf8'), connection);
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server) => new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/query`);
const answer = (socket: Socket, text: string) =>
  socket.write(
    `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: keep-alive\r\n\r\n${text}`
  );
const post = (body: string, signal = new AbortController().signal) =>
  ({ method: 'POST', headers: { 'Content-Type': 'text/plain' }, body, signal }) as const;

const servers: Server[] = [];
// The client keeps its sockets alive; the server closes only once they are gone.
const sockets = new Set<Socket>();
afterEach(async () => {
  sockets.forEach((socket) => socket.destroy());
  sockets.clear();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

it('sends the body with its length in bytes and returns the whole answer', async () => {
  const bodies: string[] = [];
  const server = await rawServer((socket, _head, body) => {
    bodies.push(body);
    answer(socket, `seen ${Buffer.byteLength(body)} bytes: ${body}`);
  });
  servers.push(server);
  const sent = 'mail_counts,domain=bücher.example n=1i\nmail_counts,domain=例え.jp n=2i';
  expect(await exchange(urlOf(server), post(sent))).toEqual({ status: 200, text: `seen 73 bytes: ${sent}` });
  expect(bodies).toEqual([sent]);
});

it('sends a request again on a new connection when the kept-alive one was closed by the server', async () => {
  const seen: string[] = [];
  const server = await rawServer((socket, _head, body, connection) => {
    seen.push(`${body} on ${connection}`);
    if (connection === 1 && body === 'second') {
      socket.resetAndDestroy();
      return;
    }
    answer(socket, `answer to ${body}`);
  });
  servers.push(server);
  expect((await exchange(urlOf(server), post('first'))).text).toBe('answer to first');
  expect((await exchange(urlOf(server), post('second'))).text).toBe('answer to second');
  expect(seen).toEqual(['first on 1', 'second on 1', 'second on 2']);
});

it('rejects an answer cut off before its end instead of returning part of it', async () => {
  const server = await rawServer((socket) => {
    socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"results":[');
    socket.destroy();
  });
  servers.push(server);
  await expect(exchange(urlOf(server), post('q'))).rejects.toThrow();
});

it('rejects with the abort when the caller gives up, and does not send it again', async () => {
  let requests = 0;
  const aborter = new AbortController();
  const server = await rawServer(() => {
    requests++;
    aborter.abort();
  });
  servers.push(server);
  await expect(exchange(urlOf(server), post('q', aborter.signal))).rejects.toMatchObject({ name: 'AbortError' });
  expect(requests).toBe(1);
});

it('rejects at once when nothing listens', async () => {
  const server = await rawServer(() => undefined);
  const url = urlOf(server);
  await new Promise((resolve) => server.close(resolve));
  await expect(exchange(url, post('q'))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
});
