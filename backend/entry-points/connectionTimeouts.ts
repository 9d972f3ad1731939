/**
 * Idle keep-alive connections. A client reusing a socket the server closes at that moment
 * gets ECONNRESET or "other side closed" with no answer, so the server keeps idle sockets
 * longer than its clients and proxies do: Node's fetch closes one a second before the
 * advertised `Keep-Alive: timeout=`, most proxies after 60 s.
 */
import type { Server } from 'node:http';
import { DEFAULT_KEEP_ALIVE_TIMEOUT_SECONDS } from '../config';

export function setConnectionTimeouts(
  server: Server,
  keepAliveTimeoutSeconds = DEFAULT_KEEP_ALIVE_TIMEOUT_SECONDS
): void {
  server.keepAliveTimeout = keepAliveTimeoutSeconds * 1000;
  // Never below the keep-alive timeout: a request starting at the end of an idle period
  // still gets its whole time for the headers.
  server.headersTimeout = server.keepAliveTimeout + 1000;
}
