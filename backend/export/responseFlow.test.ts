import { EventEmitter } from 'node:events';
import { createServer, get, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { VIEWS } from '../contract/views';
import { BACKLOG_LIMIT, ResponseFlow, worksheetBacklog } from './responseFlow';
import { streamWorkbook } from './streamWorkbook';
import type { SheetRow } from './types';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A response stand-in whose buffer state the test sets. */
class FakeResponse extends EventEmitter {
  writableNeedDrain = false;
  writableFinished = false;
}

describe('ResponseFlow.room', () => {
  const asResponse = (fake: FakeResponse) => fake as unknown as ServerResponse;

  it('gives room at once while nothing is buffered', async () => {
    const flow = new ResponseFlow(asResponse(new FakeResponse()));
    await expect(flow.room(() => 0)).resolves.toBe(true);
  });

  it('waits for the response to drain', async () => {
    const res = new FakeResponse();
    res.writableNeedDrain = true;
    const flow = new ResponseFlow(asResponse(res));
    let given: boolean | undefined;
    void flow.room(() => 0).then((room) => (given = room));
    await tick(30);
    expect(given).toBeUndefined();
    res.writableNeedDrain = false;
    res.emit('drain');
    await tick(10);
    expect(given).toBe(true);
  });

  it('waits while exceljs holds more than the backlog limit', async () => {
    let backlog = BACKLOG_LIMIT + 1;
    const flow = new ResponseFlow(asResponse(new FakeResponse()));
    let given: boolean | undefined;
    void flow.room(() => backlog).then((room) => (given = room));
    await tick(30);
    expect(given).toBeUndefined();
    backlog = BACKLOG_LIMIT;
    await tick(30);
    expect(given).toBe(true);
  });

  it('gives no room once the client has gone, even while waiting', async () => {
    const res = new FakeResponse();
    res.writableNeedDrain = true;
    const flow = new ResponseFlow(asResponse(res));
    const room = flow.room(() => 0);
    res.emit('close');
    await expect(room).resolves.toBe(false);
    expect(flow.isStopped).toBe(true);
  });

  it('gives no room once the signal aborts', async () => {
    const controller = new AbortController();
    const flow = new ResponseFlow(asResponse(new FakeResponse()), controller.signal);
    controller.abort();
    await expect(flow.room(() => 0)).resolves.toBe(false);
    await expect(flow.whenStopped()).resolves.toBeUndefined();
  });

  it('keeps going when the response closes after finishing', async () => {
    const res = new FakeResponse();
    const flow = new ResponseFlow(asResponse(res));
    res.writableFinished = true;
    res.emit('close');
    expect(flow.isStopped).toBe(false);
  });
});

describe('worksheetBacklog', () => {
  it('sees the sheet XML that exceljs buffers when nobody reads its output', async () => {
    const output = new PassThrough({ highWaterMark: 1024 });
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
    const ws = writer.addWorksheet('rows');
    const backlog = worksheetBacklog(ws);
    expect(backlog()).toBeLessThan(1000); // the sheet's opening XML
    // The zip's own buffers take the first 2 MiB; beyond them the backlog grows.
    for (let n = 0; n < 100_000; n++) {
      ws.addRow([n, `row ${n} ${Math.random()}`, Math.random()]).commit();
    }
    await tick(50);
    expect(backlog()).toBeGreaterThan(BACKLOG_LIMIT);
  }, 60_000);
});

/** A server streaming a request-date sheet of generated rows; counts rows taken from the source. */
async function rowServer(rowCount: number, options: { failAt?: number; signal?: AbortSignal } = {}) {
  const state = {
    pulled: 0,
    closed: false,
    finished: undefined as Promise<void> | undefined,
    res: undefined as ServerResponse | undefined,
  };
  function* rows(): Generator<SheetRow> {
    try {
      for (let n = 0; n < rowCount; n++) {
        if (n === options.failAt) {
          throw new Error('storage failed');
        }
        state.pulled++;
        // Random counts compress like real data, not like a repeated row.
        yield { time: new Date(Date.UTC(2020, 0, 1, n)).toISOString(), requestCount: Math.floor(Math.random() * 1e6) };
      }
    } finally {
      state.closed = true;
    }
  }
  const server = createServer((_req, res) => {
    state.res = res;
    state.finished = streamWorkbook(
      res,
      {
        fileName: 'rows',
        generatedAt: new Date(),
        sheets: [
          {
            view: VIEWS['request-date'],
            context: { account: 'acme', tz: 'UTC', filters: {}, interval: '1h' },
            rows: rows(),
          },
        ],
      },
      options.signal
    );
    state.finished.catch(() => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const request = () =>
    new Promise<{ request: ClientRequest; response: IncomingMessage }>((resolve, reject) => {
      const req = get(`http://127.0.0.1:${port}/`, (response) => resolve({ request: req, response }));
      req.on('error', reject);
    });
  return { state, request, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function stableCount(read: () => number): Promise<number> {
  let last = -1;
  while (read() !== last) {
    last = read();
    await tick(300);
  }
  return last;
}

describe('streamWorkbook flow control', () => {
  it('stops taking rows while the client does not read, and goes on once it does', async () => {
    const server = await rowServer(1_000_000);
    try {
      const { request, response } = await server.request();
      response.pause();
      const stalledAt = await stableCount(() => server.state.pulled);
      // What the socket buffers hold (about 90,000 rows on loopback here) plus at most
      // the 1 MiB backlog: far below the million rows the source would give.
      expect(stalledAt).toBeLessThan(150_000);
      expect(server.state.res!.writableLength).toBeLessThan(BACKLOG_LIMIT);

      response.resume();
      await tick(500);
      expect(server.state.pulled).toBeGreaterThan(stalledAt);
      request.destroy();
      await server.state.finished;
      expect(server.state.closed).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('stops, closes the row source and resolves when the client goes away', async () => {
    const server = await rowServer(1_000_000);
    try {
      const { request, response } = await server.request();
      await new Promise((resolve) => response.once('data', resolve));
      request.destroy();
      await server.state.finished;
      expect(server.state.closed).toBe(true);
      expect(server.state.pulled).toBeLessThan(1_000_000);
      expect(server.state.res?.destroyed).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('stops and destroys the response when the signal aborts', async () => {
    const controller = new AbortController();
    const server = await rowServer(1_000_000, { signal: controller.signal });
    try {
      const { response } = await server.request();
      const aborted = new Promise((resolve) => response.on('aborted', resolve).on('error', resolve));
      response.resume();
      await tick(100);
      controller.abort();
      await server.state.finished;
      await aborted;
      expect(server.state.closed).toBe(true);
      expect(response.complete).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('rejects and cuts the download short when the row source fails', async () => {
    const server = await rowServer(10_000, { failAt: 5_000 });
    try {
      const { response } = await server.request();
      const aborted = new Promise((resolve) => response.on('aborted', resolve).on('error', resolve));
      response.resume();
      await expect(server.state.finished).rejects.toThrow('storage failed');
      await aborted;
      expect(response.complete).toBe(false);
    } finally {
      await server.close();
    }
  });
});
