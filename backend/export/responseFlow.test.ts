import { EventEmitter } from 'node:events';
import { createServer, get, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { VIEWS } from '../contract/views';
import { BACKLOG_LIMIT, ResponseFlow, worksheetBacklog } from './responseFlow';
import { streamWorkbook } from './streamWorkbook';
import type { SheetRow } from './types';
import { eventually } from '../../tests/support/eventually';

/** How often a waiting ResponseFlow must have looked at a full buffer before a test calls it parked. */
const PARKED_CHECKS = 3;

/** A response stand-in whose buffer state the test sets; counts how often the flow looked at it. */
class FakeResponse extends EventEmitter {
  needDrain = false;
  writableFinished = false;
  checks = 0;
  get writableNeedDrain(): boolean {
    this.checks++;
    return this.needDrain;
  }
}

/** Tells, when called, whether `promise` has settled yet. */
function settledFlag(promise: Promise<unknown>): () => boolean {
  let settled = false;
  void promise.finally(() => (settled = true));
  return () => settled;
}

describe('ResponseFlow.room', () => {
  const asResponse = (fake: FakeResponse) => fake as unknown as ServerResponse;

  it('gives room at once while nothing is buffered', async () => {
    const flow = new ResponseFlow(asResponse(new FakeResponse()));
    await expect(flow.room(() => 0)).resolves.toBe(true);
  });

  it('waits for the response to drain', async () => {
    const res = new FakeResponse();
    res.needDrain = true;
    const flow = new ResponseFlow(asResponse(res));
    const room = flow.room(() => 0);
    const settled = settledFlag(room);
    // Observed: the flow has looked at the full buffer several times and is still waiting.
    await eventually('the flow to re-check the full buffer', () => (res.checks >= PARKED_CHECKS ? true : undefined));
    expect(settled()).toBe(false);
    res.needDrain = false;
    res.emit('drain');
    await expect(room).resolves.toBe(true);
  });

  it('waits while exceljs holds more than the backlog limit', async () => {
    let backlog = BACKLOG_LIMIT + 1;
    let backlogChecks = 0;
    const flow = new ResponseFlow(asResponse(new FakeResponse()));
    const room = flow.room(() => (backlogChecks++, backlog));
    const settled = settledFlag(room);
    await eventually('the flow to re-check the backlog', () => (backlogChecks >= PARKED_CHECKS ? true : undefined));
    expect(settled()).toBe(false);
    backlog = BACKLOG_LIMIT;
    await expect(room).resolves.toBe(true);
  });

  it('gives no room once the client has gone, even while waiting', async () => {
    const res = new FakeResponse();
    res.needDrain = true;
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
    // The rows pass into archiver's entry stream on the stream's own callbacks: wait for them.
    await eventually('the backlog to pass the limit', () => (backlog() > BACKLOG_LIMIT ? true : undefined));
    expect(backlog()).toBeGreaterThan(BACKLOG_LIMIT);
  }, 60_000);
});

/** A server streaming a request-date sheet of generated rows; counts rows taken from the source. */
async function rowServer(rowCount: number, options: { failAt?: number; signal?: AbortSignal } = {}) {
  const state = {
    pulled: 0,
    /** Times the flow found the response full since a row was last pulled or the response drained. */
    fullChecks: 0,
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
        state.fullChecks = 0;
        // Random counts compress like real data, not like a repeated row.
        yield { time: new Date(Date.UTC(2020, 0, 1, n)).toISOString(), requestCount: Math.floor(Math.random() * 1e6) };
      }
    } finally {
      state.closed = true;
    }
  }
  const server = createServer((_req, res) => {
    state.res = res;
    countFullChecks(res, () => state.fullChecks++);
    res.on('drain', () => (state.fullChecks = 0));
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

/** Calls `onFull` each time somebody reads `res.writableNeedDrain` and finds the response full. */
function countFullChecks(res: ServerResponse, onFull: () => void): void {
  let proto: object | null = Object.getPrototypeOf(res);
  let getter: PropertyDescriptor['get'];
  while (proto && !(getter = Object.getOwnPropertyDescriptor(proto, 'writableNeedDrain')?.get)) {
    proto = Object.getPrototypeOf(proto);
  }
  Object.defineProperty(res, 'writableNeedDrain', {
    get() {
      const full = Boolean(getter!.call(this));
      if (full) {
        onFull();
      }
      return full;
    },
  });
}

describe('streamWorkbook flow control', () => {
  it('stops taking rows while the client does not read, and goes on once it does', async () => {
    const server = await rowServer(1_000_000);
    try {
      const { request, response } = await server.request();
      response.pause();
      // Parked: the flow looked at a full response several times with no row pulled and no
      // drain in between; only the client reading can free room now.
      await eventually('the export to park on a full response', () =>
        server.state.fullChecks >= PARKED_CHECKS ? true : undefined
      );
      const stalledAt = server.state.pulled;
      // What the socket buffers hold (about 90,000 rows on loopback here) plus at most
      // the 1 MiB backlog: far below the million rows the source would give.
      expect(stalledAt).toBeLessThan(150_000);
      expect(server.state.res!.writableLength).toBeLessThan(BACKLOG_LIMIT);

      response.resume();
      await eventually('rows pulled again', () => (server.state.pulled > stalledAt ? true : undefined));
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
      // Abort once the download is under way.
      await new Promise((resolve) => response.once('data', resolve));
      response.resume();
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
