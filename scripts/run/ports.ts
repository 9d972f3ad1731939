/** Picks the usual port when it is free, else any free one. */
import { createServer } from 'node:net';
import { freePort } from '../lib/influxd';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function preferredPort(port: number): Promise<number> {
  return (await isPortFree(port)) ? port : freePort();
}
