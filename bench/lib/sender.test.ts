import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { BatchStream, gzipLines, sendAll, type BatchTarget } from './sender';

describe('batch sending', () => {
  let server: Server;
  let target: BatchTarget;
  const received: string[][] = [];
  let active = 0;
  let mostActive = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      active++;
      mostActive = Math.max(mostActive, active);
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = gunzipSync(Buffer.concat(chunks)).toString('utf8');
        setTimeout(() => {
          active--;
          if (text.includes('bad')) {
            res.writeHead(400).end('bad line');
            return;
          }
          received.push(text.split('\n'));
          res.writeHead(204).end();
        }, 20);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    target = { name: 'test sink', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, headers: {}, accepted: [204] };
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => {
    received.length = 0;
    mostActive = 0;
  });

  it('streams lines in batches with at most two in flight', async () => {
    const stream = new BatchStream(target, 3, 2);
    for (let i = 0; i < 10; i++) {
      await stream.add(`line ${i}`);
    }
    await stream.close();
    expect(stream.sentLines).toBe(10);
    expect(received.map((batch) => batch.length).sort()).toEqual([1, 3, 3, 3]);
    expect(received.flat().sort()).toEqual(Array.from({ length: 10 }, (_unused, i) => `line ${i}`).sort());
    expect(mostActive).toBe(2);
  });

  it('sends prepared bodies with a number of clients and reports a refused batch', async () => {
    await sendAll(target, [gzipLines(['a']), gzipLines(['b']), gzipLines(['c'])], 2);
    expect(received.flat().sort()).toEqual(['a', 'b', 'c']);
    await expect(sendAll(target, [gzipLines(['bad'])], 2)).rejects.toThrow('test sink answered 400: bad line');
  });
});
