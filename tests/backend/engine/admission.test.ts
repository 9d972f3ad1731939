/**
 * Admission (outboxFlusher.ts): while the outbox holds more changed counters than InfluxDB
 * takes in a moment, a new batch waits before it is taken, so it is neither logged nor
 * answered; it is taken once the flusher's writes made room, or at once when the writes fail
 * (then MAX_OUTBOX decides). InfluxDB is a stub whose writes the test lets through.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { counterKeysOf } from '../../../backend/domain/counting';
import type { DeliveryEvent } from '../../../backend/domain/events';
import { CounterStore, type AcceptedEvent } from '../../../backend/storage/counterStore';
import { InfluxUnavailableError, type InfluxClient } from '../../../backend/storage/influxClient';
import { OutboxFlusher } from '../../../backend/storage/outboxFlusher';

/** More changed counters than the outbox's least room (MIN_ROOM, 20,000). */
const CROWDING_EVENTS = 25_000;

const acceptedOf = (event: DeliveryEvent): AcceptedEvent => ({
  account: event.account,
  id: event.id,
  count: event.count,
  keys: counterKeysOf(event),
});

/** Events on different domains: each changes counters of its own. */
const crowd = (prefix: string) =>
  Array.from({ length: CROWDING_EVENTS }, (_unused, i) =>
    acceptedOf({
      id: `${prefix}-${i}`,
      type: 'requested',
      account: 'acme',
      template: 'welcome',
      domain: `d${i}.example`,
      requestedAt: Date.UTC(2026, 4, 4, 9, 30),
      count: 1,
    })
  );

/** A stub InfluxDB whose writes wait until the test opens the gate (or fail, if told to). */
function gatedInflux() {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  let failure: Error | undefined;
  const writes: number[] = [];
  const influx = {
    longShards: { status: 'default', reason: 'test' },
    write: async (lines: readonly string[]) => {
      writes.push(lines.length);
      await gate;
      if (failure) {
        throw failure;
      }
    },
  } as unknown as InfluxClient;
  return {
    influx,
    writes,
    pass: () => open(),
    fail: (error: Error) => {
      failure = error;
      open();
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'mda-admission-'));
  dirs.push(dir);
  const store = new CounterStore(dir, { dedupeWindowDays: 35 });
  const influx = gatedInflux();
  const flusher = new OutboxFlusher(store, influx.influx);
  return { store, influx, flusher };
}

const lateEvent = acceptedOf({
  id: 'late',
  type: 'requested',
  account: 'acme',
  template: 'welcome',
  domain: 'example.com',
  requestedAt: Date.UTC(2026, 4, 4, 9, 30),
  count: 1,
});

test('a batch waits while the outbox is crowded and is taken once writes made room', async () => {
  const { store, influx, flusher } = setUp();
  await store.accept(crowd('a'));
  expect(store.lastSeq()).toBe(1);
  let taken = false;
  const late = store.accept([lateEvent]).then((result) => {
    taken = true;
    return result;
  });
  // The waiting batch started the flusher: its first writes are held at InfluxDB.
  await until(() => influx.writes.length > 0);
  expect(taken).toBe(false);
  expect(store.lastSeq()).toBe(1);
  influx.pass();
  expect(await late).toEqual({ duplicates: 0 });
  expect(store.lastSeq()).toBe(2);
  await flusher.flushed();
  await flusher.stop();
  await store.close();
});

test('a batch is taken at once when the writes fail', async () => {
  const { store, influx, flusher } = setUp();
  await store.accept(crowd('b'));
  const late = store.accept([lateEvent]);
  await until(() => influx.writes.length > 0);
  expect(store.lastSeq()).toBe(1);
  influx.fail(new InfluxUnavailableError('InfluxDB is down'));
  expect(await late).toEqual({ duplicates: 0 });
  expect(store.lastSeq()).toBe(2);
  expect(flusher.state.failing).toBe(true);
  // The outbox is as crowded as before: every counter still waits for InfluxDB.
  expect(store.outboxSize()).toBeGreaterThan(CROWDING_EVENTS);
  await flusher.stop();
  await store.close();
});
