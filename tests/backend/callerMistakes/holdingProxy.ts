/**
 * A pass-through proxy in front of the run's InfluxDB that can hold a SELECT query: while
 * it holds one, the request that sent it is certainly in progress, whatever the machine's speed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  url: string;
  /** The next SELECT query waits until release(); resolves when it arrives. Later ones pass. */
  hold(): Promise<void>;
  release(): void;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  let holding = false;
  let arrived: (() => void) | undefined;
  let parked: Array<() => void> = [];
  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    if (holding && req.url?.startsWith('/query') && /SELECT/i.test(decodeURIComponent(body.toString()))) {
      holding = false;
      await new Promise<void>((resume) => {
        parked.push(resume);
        arrived?.();
      });
    }
    const headers = { ...req.headers } as Record<string, string>;
    delete headers.host;
    delete headers['content-length'];
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body),
    });
    res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'text/plain' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  };
  const server: Server = createServer((req, res) => {
    forward(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const release = () => {
    const waiting = parked;
    parked = [];
    waiting.forEach((resume) => resume());
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold() {
      holding = true;
      return new Promise((resolve) => {
        arrived = resolve;
      });
    },
    release,
    stop() {
      release();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
