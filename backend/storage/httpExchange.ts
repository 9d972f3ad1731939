/**
 * One HTTP request and its whole answer as text, over node:http(s) with kept-alive sockets.
 * InfluxClient uses it instead of fetch: against a local InfluxDB, fetch (undici) cost about
 * 3 ms more CPU and 4 ms more wall time per request (docs/architecture.md, "Where a view's
 * time goes"), and a view sends up to five statements at once.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpAnswer {
  status: number;
  text: string;
}

export interface HttpExchangeInit {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

// LIFO hands out the socket used last, so a burst of statements reuses warm connections.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, scheduling: 'lifo' }),
  'https:': new HttpsAgent({ keepAlive: true, scheduling: 'lifo' }),
};

/**
 * Rejects with the socket's error when the server cannot be reached or the connection breaks,
 * and with the signal's reason when it aborts. A request on a kept-alive socket that the
 * server closed meanwhile is sent once more on a new one (Node's documented remedy): every
 * caller sends reads or idempotent writes (absolute totals).
 */
export async function exchange(url: URL, init: HttpExchangeInit): Promise<HttpAnswer> {
  try {
    return await exchangeOnce(url, init);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && !init.signal.aborted) {
      return exchangeOnce(url, init);
    }
    throw error;
  }
}

function exchangeOnce(url: URL, init: HttpExchangeInit): Promise<HttpAnswer> {
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  const body = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
  const headers = body === undefined ? init.headers : { ...init.headers, 'Content-Length': String(body.length) };
  return new Promise((resolve, reject) => {
    const outgoing = send(url, { method: init.method, headers, agent: agents[protocol], signal: init.signal });
    const fail = (error: Error) => {
      const staleSocket = outgoing.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET';
      reject(Object.assign(error, { reusedSocket: staleSocket }));
    };
    outgoing.on('error', fail);
    outgoing.on('response', (answer: IncomingMessage) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      // An answer cut off before its end emits 'error' (ECONNRESET, 'aborted'), never 'end'.
      answer.on('error', fail);
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.end(body);
  });
}
