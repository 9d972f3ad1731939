/**
 * The hourly and daily pieces go to the long-shard retention policy where InfluxDB lets the
 * backend make one, else to the default policy (InfluxDB 2.x/3.x refuse CREATE RETENTION
 * POLICY, imitated by a proxy here), and the views give the same numbers either way.
 * Pieces written before the policy existed are re-sent into it, and two instances on one
 * database still sum exactly.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../../../backend/observability/logger';
import { startBackend, type RunningBackend } from '../../../backend/server';
import { InfluxClient } from '../../../backend/storage/influxClient';
import { prepareLongShards } from '../../../backend/storage/retention';
import { TEST_KEYS, testConfig } from '../../support/backend';
import { call, getStats, postEvents } from '../../support/http';
import { viewChecks } from './checks';
import { makeEvents, toApiEvent, type Range, type SentEvent } from './expected';

const POLICY = 'mda_long_shards';
const REFUSAL = 'not implemented: CREATE RETENTION POLICY';
const COARSE = ['mail_totals_1h', 'mail_totals_1d', 'mail_results_by_domain_1h', 'mail_results_by_domain_1d'];
const DETAILED = ['mail_totals', 'mail_results_by_domain', 'mail_counts'];
const RANGES: Range[] = [
  // UTC: days inside, hours and quarter hours at the edges; Berlin: hours across DST
  { tz: 'UTC', from: '2026-03-05T09:20', to: '2026-04-04T14:40', interval: '1d' },
  { tz: 'Europe/Berlin', from: '2026-10-20T13:05', to: '2026-10-29T02:40', interval: '1d' },
];

const influxUrl = () => process.env.INFLUX_URL!;
const events = makeEvents();
/** Each event keeps its index as its id, so the halves sent to two instances never share one. */
const apiEvents = events.map(toApiEvent);
const half = Math.floor(events.length / 2);

/** Forwards everything to the real InfluxDB but refuses to list or make retention policies, as InfluxDB 2.x may. */
async function refusingProxy(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks);
      if (
        request.url?.startsWith('/query') &&
        /RETENTION\+POLIC|RETENTION POLIC/i.test(decodeURIComponent(body.toString()))
      ) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ results: [{ statement_id: 0, error: REFUSAL }] }));
        return;
      }
      const answer = await fetch(`${influxUrl()}${request.url}`, {
        method: request.method,
        headers: { 'Content-Type': request.headers['content-type'] ?? 'text/plain' },
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
      });
      response.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'text/plain' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Points of each measurement in the default policy and in the long-shard one. */
async function pointsByPolicy(database: string, measurements: readonly string[]) {
  const influx = new InfluxClient({ url: influxUrl(), database });
  const count = async (from: string) => {
    const [result] = await influx.query(`SELECT count("n") FROM ${from}`).catch((error: Error) => {
      // A policy never made holds nothing.
      expect(error.message).toContain(`retention policy not found: ${POLICY}`);
      return [{ series: [] }];
    });
    return Number(result.series[0]?.values[0]?.[1] ?? 0);
  };
  const points: Record<string, { default: number; longShards: number }> = {};
  for (const measurement of measurements) {
    points[measurement] = {
      default: await count(`"${measurement}"`),
      longShards: await count(`"${POLICY}"."${measurement}"`),
    };
  }
  return points;
}

/** A backend on `database` and `dataDir` (kept across restarts), its warnings collected. */
async function start(database: string, dataDir: string, url = influxUrl()) {
  const warnings: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      warnings.push(String(chunk));
      done();
    },
  });
  const backend = await startBackend(testConfig({ influxUrl: url, influxDatabase: database, dataDir }), {
    log: () => undefined,
    logger: createLogger('warn', destination),
  });
  return { backend, warnings };
}

async function send(backend: RunningBackend, sent: unknown[]) {
  const answer = await postEvents(backend.url, TEST_KEYS.acme, sent);
  expect(answer.status).toBe(202);
  expect(answer.body.accepted).toBe(sent.length);
}

const readiness = async (backend: RunningBackend) => (await call(`${backend.url}/readyz`, undefined)).body;

async function checkViews(backend: RunningBackend, sent: readonly SentEvent[]) {
  const { checkAll } = viewChecks(() => backend.url, sent);
  for (const range of RANGES) {
    await checkAll(range);
  }
}

const fresh = () => testConfig();

test('made at start with one shard per ten years; hourly and daily pieces live there', async () => {
  const { influxDatabase, dataDir } = fresh();
  const { backend, warnings } = await start(influxDatabase, dataDir);
  try {
    const [policies] = await new InfluxClient({ url: influxUrl(), database: influxDatabase }).query(
      `SHOW RETENTION POLICIES ON "${influxDatabase}"`
    );
    const columns = policies.series[0].columns;
    const row = policies.series[0].values.find((values) => values[0] === POLICY)!;
    expect(Object.fromEntries(columns.map((column, index) => [column, row[index]]))).toMatchObject({
      duration: '0s',
      shardGroupDuration: `${520 * 7 * 24}h0m0s`,
      default: false,
    });
    expect((await readiness(backend)).influxdb.longShards).toEqual({ status: 'ready', retentionPolicy: POLICY });
    await send(backend, apiEvents);
    await checkViews(backend, events);
    const points = await pointsByPolicy(influxDatabase, [...COARSE, ...DETAILED]);
    for (const measurement of COARSE) {
      expect(points[measurement].default).toBe(0);
      expect(points[measurement].longShards).toBeGreaterThan(0);
    }
    for (const measurement of DETAILED) {
      expect(points[measurement].longShards).toBe(0);
      expect(points[measurement].default).toBeGreaterThan(0);
    }
    expect(warnings).toEqual([]);
  } finally {
    await backend.stop();
  }
});

test('refused (InfluxDB 2.x/3.x): the default policy, said in the log and /readyz, the same numbers', async () => {
  const proxy = await refusingProxy();
  const { influxDatabase, dataDir } = fresh();
  const { backend, warnings } = await start(influxDatabase, dataDir, proxy.url);
  try {
    const { status, influxdb } = await readiness(backend);
    expect(status).toBe('ready');
    expect(influxdb.longShards.status).toBe('default');
    expect(influxdb.longShards.reason).toContain(REFUSAL);
    expect(influxdb.longShards.reason).toContain('DBRP');
    expect(warnings.map((line) => JSON.parse(line).msg)).toEqual([influxdb.longShards.reason]);
    await send(backend, apiEvents);
    await checkViews(backend, events);
    const points = await pointsByPolicy(influxDatabase, COARSE);
    for (const measurement of COARSE) {
      expect(points[measurement].default).toBeGreaterThan(0);
      expect(points[measurement].longShards).toBe(0);
    }
  } finally {
    await backend.stop();
    await proxy.close();
  }
});

test('refused but mapped by the operator (a DBRP mapping on 2.x): the pieces go there', async () => {
  const proxy = await refusingProxy();
  const { influxDatabase, dataDir } = fresh();
  const direct = new InfluxClient({ url: influxUrl(), database: influxDatabase });
  await direct.ensureDatabase();
  await direct.query(`CREATE RETENTION POLICY "${POLICY}" ON "${influxDatabase}" DURATION INF REPLICATION 1`);
  const { backend, warnings } = await start(influxDatabase, dataDir, proxy.url);
  try {
    expect((await readiness(backend)).influxdb.longShards).toEqual({ status: 'ready', retentionPolicy: POLICY });
    await send(backend, apiEvents);
    await checkViews(backend, events);
    const points = await pointsByPolicy(influxDatabase, COARSE);
    for (const measurement of COARSE) {
      expect(points[measurement].default).toBe(0);
      expect(points[measurement].longShards).toBeGreaterThan(0);
    }
    expect(warnings).toEqual([]);
  } finally {
    await backend.stop();
    await proxy.close();
  }
});

test('a writer whose pieces are in the default policy only is told to re-send', async () => {
  const { influxDatabase } = fresh();
  const influx = new InfluxClient({ url: influxUrl(), database: influxDatabase, longShardRetentionPolicy: POLICY });
  await influx.ensureDatabase();
  const line = (writer: string) =>
    `mail_totals_1d,account=acme,axis=request,code=-,kind=requested,writer=${writer} n=3i 1772323200`;
  // 'old' wrote before the policy existed; 'new' has nothing anywhere yet
  await influx.write([line('old')]);
  expect(await prepareLongShards(influx, 'old')).toBe(true);
  expect(influx.longShards).toEqual({ status: 'ready', retentionPolicy: POLICY });
  expect(await prepareLongShards(influx, 'new')).toBe(false);
  // once re-sent, the policy has them: nothing more to re-send
  await influx.write([line('old')], POLICY);
  expect(await prepareLongShards(influx, 'old')).toBe(false);
});

test('an instance that wrote before the policy existed, restarted, and a second instance sum exactly', async () => {
  const proxy = await refusingProxy();
  const { influxDatabase, dataDir: firstDir } = fresh();
  const { dataDir: secondDir } = fresh();
  // The first instance writes its half while InfluxDB refuses the policy: its pieces land in the default one.
  let first = (await start(influxDatabase, firstDir, proxy.url)).backend;
  await send(first, apiEvents.slice(0, half));
  await checkViews(first, events.slice(0, half));
  await first.stop();
  await proxy.close();
  // The second makes the policy and writes the other half; then the first comes back.
  const second = (await start(influxDatabase, secondDir)).backend;
  try {
    await send(second, apiEvents.slice(half));
    // A read answers once the instance's own changes are in InfluxDB.
    expect(
      (await getStats(second.url, TEST_KEYS.acme, '/stats/request-date', { tz: 'UTC', from: 0, to: 1 })).status
    ).toBe(200);
    first = (await start(influxDatabase, firstDir)).backend;
    expect((await readiness(first)).influxdb.longShards).toEqual({ status: 'ready', retentionPolicy: POLICY });
    await checkViews(first, events);
    await checkViews(second, events);
  } finally {
    await first.stop();
    await second.stop();
  }
});
