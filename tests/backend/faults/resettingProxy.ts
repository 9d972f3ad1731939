/**
 * A TCP pass-through in front of the backend that can cut the next request: the client sees
 * what it sees when the server closes a kept-alive socket at the very moment the client reuses
 * it (the request goes out, the connection resets, no answer). The cut is made on the
 * request's first bytes, not after a guessed time, so it is the same on any machine. (It does
 * not care which connection the request takes: undici may open a new one while it still
 * counts the idle one as busy.)
 *   - 'unsent': the connection is reset before the request reaches the backend;
 *   - 'unanswered': the request reaches the backend, and the connection is reset when
 *     the backend's answer arrives, so the client never sees it (a re-send is a repeat).
 */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export type Cut = 'unsent' | 'unanswered';

export interface ResettingProxy {
  url: string;
  /** Connections cut so far. */
  readonly cuts: number;
  /** The next request to arrive (call it between requests) is cut this way. */
  cutNextRequest(cut: Cut): void;
  stop(): Promise<void>;
}

export async function startResettingProxy(backendUrl: string): Promise<ResettingProxy> {
  const target = new URL(backendUrl);
  let armed: Cut | undefined;
  let cuts = 0;
  const sockets = new Set<Socket>();
  const cut = (client: Socket, upstream: Socket) => {
    cuts++;
    client.resetAndDestroy();
    upstream.destroy();
  };
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let cutOnAnswer = false;
    client.on('data', (chunk) => {
      if (armed) {
        const how = armed;
        armed = undefined;
        if (how === 'unsent') {
          cut(client, upstream);
          return;
        }
        cutOnAnswer = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (cutOnAnswer) {
        cut(client, upstream);
        return;
      }
      client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get cuts() {
      return cuts;
    },
    cutNextRequest(how) {
      armed = how;
    },
    stop() {
      sockets.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
