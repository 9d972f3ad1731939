/**
 * @jest-environment ./tests/integration/support/jsdomWithNodeFetch.ts
 *
 * The plugin's real DataSource against the real backend and InfluxDB: a hand-made set of events
 * is ingested over HTTP, and the frames must hold exactly the numbers domain.md defines for it.
 */
import type { DataFrame, Field } from '@grafana/data';
import { DataSource } from '../../src/datasource/DataSource';
import { instanceSettings, PROXY_URL, queryRequest } from '../../src/datasource/testing/dataSourceFixtures';
import { fakeTemplateSrv } from '../../src/datasource/testing/fakeTemplateSrv';
import type { MailQuery } from '../../src/datasource/types';
import { startTestBackend, type TestBackend } from '../support/backend';
import { call, postEvents } from '../support/http';
import { grafanaProxy } from './support/grafanaProxy';

const WELCOME = 'welcome, new users';
const sent = (requestedAt: string, sentAt: string) => ({ requestedAt, sentAt });

/**
 * acme's mails. By request date (UTC): 03-02 has 6 requested (4 welcome, 2 receipt), 5 sent
 * (4 delivered, 1 bounced), 2 opened, 1 unsubscribe, 1 canceled; 03-03 has 5 requested, none
 * sent (2 blocked). The bounce of 03-02 is sent on 03-03. Two more requests around the
 * Europe/Berlin DST night place differently in UTC and Berlin.
 */
const EVENTS = [
  {
    id: 'r1',
    type: 'requested',
    template: WELCOME,
    recipient: 'a@alpha.example',
    requestedAt: '2026-03-02T09:00:00Z',
    count: 4,
  },
  {
    id: 'r2',
    type: 'requested',
    template: 'receipt',
    domain: 'beta.example',
    requestedAt: '2026-03-02T10:00:00Z',
    count: 2,
  },
  {
    id: 's1',
    type: 'result',
    resultCode: 'MAIL_SENT',
    template: WELCOME,
    domain: 'alpha.example',
    ...sent('2026-03-02T09:00:00Z', '2026-03-02T09:05:00Z'),
    count: 3,
  },
  {
    id: 's2',
    type: 'result',
    resultCode: 'MAILBOX_ERROR',
    template: WELCOME,
    domain: 'alpha.example',
    ...sent('2026-03-02T09:00:00Z', '2026-03-03T08:00:00Z'),
  },
  {
    id: 's3',
    type: 'result',
    resultCode: 'MAIL_SENT',
    template: 'receipt',
    domain: 'beta.example',
    ...sent('2026-03-02T10:00:00Z', '2026-03-02T10:01:00Z'),
  },
  {
    id: 's4',
    type: 'result',
    resultCode: 'CONNECTION_ABNORMAL',
    template: 'receipt',
    domain: 'beta.example',
    ...sent('2026-03-02T10:00:00Z', '2026-03-02T10:02:00Z'),
  },
  {
    id: 'o1',
    type: 'opened',
    template: WELCOME,
    domain: 'alpha.example',
    ...sent('2026-03-02T09:00:00Z', '2026-03-02T09:05:00Z'),
    at: '2026-03-02T12:00:00Z',
    count: 2,
  },
  {
    id: 'u1',
    type: 'unsubscribed',
    template: WELCOME,
    domain: 'alpha.example',
    ...sent('2026-03-02T09:00:00Z', '2026-03-02T09:05:00Z'),
    at: '2026-03-02T12:30:00Z',
  },
  { id: 'c1', type: 'canceled', template: 'receipt', domain: 'beta.example', requestedAt: '2026-03-02T10:00:00Z' },
  { id: 'r3', type: 'requested', domain: 'gamma.example', requestedAt: '2026-03-03T15:00:00Z', count: 5 },
  {
    id: 'b1',
    type: 'result',
    resultCode: 'SEND_BLOCK_ADDRESS',
    domain: 'gamma.example',
    ...sent('2026-03-03T15:00:00Z', '2026-03-03T15:00:00Z'),
    count: 2,
  },
  { id: 'd1', type: 'requested', domain: 'delta.example', requestedAt: '2026-03-28T23:30:00Z' },
  { id: 'd2', type: 'requested', domain: 'delta.example', requestedAt: '2026-03-29T22:30:00Z' },
];

const DAY_2 = Date.parse('2026-03-02T00:00:00Z');
const DAY_3 = Date.parse('2026-03-03T00:00:00Z');

let backend: TestBackend;
let dataSource: DataSource;
const templateSrv = fakeTemplateSrv({ template: [WELCOME], domain: '$__all' });

/** Field values by display name (the console label), or by name where a field has none. */
const columns = (frame: DataFrame) =>
  Object.fromEntries(frame.fields.map((field: Field) => [field.config.displayName ?? field.name, field.values]));

async function queryOne(target: Omit<MailQuery, 'refId'>, from: string, to: string, timezone = 'utc') {
  const response = await dataSource.query(queryRequest([{ refId: 'A', ...target } as MailQuery], from, to, timezone));
  expect(response.errors).toBeUndefined();
  expect(response.data).toHaveLength(1);
  return response.data[0] as DataFrame;
}

function dataSourceWithKey(apiKey: string | undefined, backendUrl = backend.url) {
  return new DataSource(
    instanceSettings({ apiUrl: backendUrl }),
    templateSrv,
    grafanaProxy(PROXY_URL, backendUrl, apiKey)
  );
}

beforeAll(async () => {
  backend = await startTestBackend();
  const ingested = await postEvents(backend.url, backend.keys.acme, EVENTS);
  expect(ingested.status).toBe(202);
  const limits = await call(`${backend.url}/api/v1/limits?account=acme`, backend.keys.admin, {
    method: 'PUT',
    body: { monthly: 1000, daily: 100, changeRequestUrl: 'https://support.example.com/limits' },
  });
  expect(limits.status).toBe(200);
  dataSource = dataSourceWithKey(backend.keys.acme);
});

afterAll(async () => {
  await backend?.stop();
});

describe('DataSource.query against the backend', () => {
  it('gives the request-date counts and rates per day, null where a rate is undefined', async () => {
    const frame = await queryOne(
      { view: 'request-date', interval: '1d' },
      '2026-03-02T00:00:00Z',
      '2026-03-04T00:00:00Z'
    );
    expect(columns(frame)).toEqual({
      time: [DAY_2, DAY_3],
      'Request count': [6, 5],
      'Sent count': [5, 0],
      'Delivered count': [4, 0],
      'Bounced count': [1, 0],
      'Opened count': [2, 0],
      'Machine opened count': [0, 0],
      'Unsubscribe count': [1, 0],
      'Complaint count': [0, 0],
      'Canceled count': [1, 0],
      'Delivery rate': [5 / 6, 0],
      'Open rate': [0.4, null],
      'Unsubscribe rate': [0.5, null],
      'Bounce rate': [0.2, null],
      'Complaint rate': [0, null],
    });
    const unitOf = (name: string) => frame.fields.find((field) => field.name === name)?.config.unit;
    expect(unitOf('bounceRate')).toBe('percentunit');
    expect(unitOf('requestCount')).toBe('short');
  });

  it("gives the backend's totals over the range, rates of the summed counts", async () => {
    const frame = await queryOne(
      { view: 'request-date', interval: '1d', timeOutput: 'totals' },
      '2026-03-02T00:00:00Z',
      '2026-03-04T00:00:00Z'
    );
    // The two days above summed: requested 6 + 5, sent 5 + 0, opened 2 + 0, unsubscribed 1, bounced 1.
    expect(columns(frame)).toEqual({
      'Request count': [11],
      'Sent count': [5],
      'Delivered count': [4],
      'Bounced count': [1],
      'Opened count': [2],
      'Machine opened count': [0],
      'Unsubscribe count': [1],
      'Complaint count': [0],
      'Canceled count': [1],
      'Delivery rate': [5 / 11],
      'Open rate': [0.4],
      'Unsubscribe rate': [0.5],
      'Bounce rate': [0.2],
      'Complaint rate': [0],
    });
  });

  it('places mails on their send date', async () => {
    const frame = await queryOne(
      { view: 'send-date', interval: '1d', metrics: ['sentCount', 'bouncedCount', 'openRate', 'bounceRate'] },
      '2026-03-02T00:00:00Z',
      '2026-03-04T00:00:00Z'
    );
    expect(columns(frame)).toEqual({
      time: [DAY_2, DAY_3],
      'Sent count': [4, 1],
      'Bounced count': [0, 1],
      'Open rate': [0.5, 0],
      'Bounce rate': [0, 1],
    });
  });

  it('filters by a template variable whose value holds a comma', async () => {
    const frame = await queryOne(
      {
        view: 'request-date',
        interval: '1d',
        templates: ['$template'],
        metrics: ['requestCount', 'sentCount', 'canceledCount', 'deliveryRate'],
      },
      '2026-03-02T00:00:00Z',
      '2026-03-04T00:00:00Z'
    );
    expect(columns(frame)).toEqual({
      time: [DAY_2, DAY_3],
      'Request count': [4, 0],
      'Sent count': [4, 0],
      'Canceled count': [0, 0],
      'Delivery rate': [1, null],
    });
  });

  it('counts days in the dashboard zone, DST day included', async () => {
    const frame = await queryOne(
      { view: 'request-date', interval: '1d', metrics: ['requestCount'] },
      '2026-03-29T00:00:00+01:00',
      '2026-03-31T00:00:00+02:00',
      'Europe/Berlin'
    );
    expect(columns(frame)).toEqual({
      time: [Date.parse('2026-03-28T23:00:00Z'), Date.parse('2026-03-29T22:00:00Z')],
      'Request count': [1, 1],
    });
  });

  it('lists the top domains with (other), as a table and as series', async () => {
    const range = ['2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z'] as const;
    const table = await queryOne({ view: 'domains', top: 2 }, ...range);
    expect(columns(table)).toEqual({
      Domain: ['alpha.example', 'beta.example', '(other)'],
      Count: [4, 2, 2],
      Share: [0.5, 0.25, 0.25],
    });
    const series = await queryOne({ view: 'domains', top: 2, output: 'series', interval: '1d' }, ...range);
    expect(columns(series)).toEqual({
      time: [DAY_2, DAY_3],
      'alpha.example': [4, 0],
      'beta.example': [2, 0],
      '(other)': [0, 2],
    });
  });

  it('lists result codes with their class, a domain variable set to All filtering nothing', async () => {
    const frame = await queryOne(
      { view: 'result-codes', domains: ['$domain'] },
      '2026-03-02T00:00:00Z',
      '2026-03-04T00:00:00Z'
    );
    expect(columns(frame)).toEqual({
      'Result code': ['MAIL_SENT', 'SEND_BLOCK_ADDRESS', 'CONNECTION_ABNORMAL', 'MAILBOX_ERROR'],
      Class: ['delivered', 'blocked', 'deferred', 'bounced'],
      Count: [4, 2, 1, 1],
      Share: [0.5, 0.25, 0.125, 0.125],
    });
  });

  it('gives the sending-limit days of a month with the limits', async () => {
    const frame = await queryOne(
      { view: 'sending-limit', month: '2026-03', months: 1 },
      '2026-03-01T00:00:00Z',
      '2026-04-01T00:00:00Z'
    );
    expect(frame.meta?.custom).toBeUndefined();
    const days = columns(frame);
    expect(days.Date).toHaveLength(31);
    const at = (day: number) => ({
      date: days.Date[day - 1],
      volume: days['Daily volume'][day - 1],
      cumulative: days['Cumulative volume'][day - 1],
      monthly: days['Monthly limit'][day - 1],
      daily: days['Daily limit'][day - 1],
      share: days['Share of daily limit'][day - 1],
    });
    expect(at(2)).toEqual({ date: DAY_2, volume: 5, cumulative: 5, monthly: 1000, daily: 100, share: 0.05 });
    expect(at(3)).toEqual({ date: DAY_3, volume: 5, cumulative: 10, monthly: 1000, daily: 100, share: 0.05 });
    expect(at(28)).toEqual({
      date: Date.parse('2026-03-28T00:00:00Z'),
      volume: 1,
      cumulative: 11,
      monthly: 1000,
      daily: 100,
      share: 0.01,
    });
    expect(at(31)).toEqual({
      date: Date.parse('2026-03-31T00:00:00Z'),
      volume: 0,
      cumulative: 12,
      monthly: 1000,
      daily: 100,
      share: 0,
    });
  });

  it('gives the sending-limit month summary', async () => {
    const frame = await queryOne(
      { view: 'sending-limit', month: '2026-03', months: 1, limitOutput: 'months' },
      '2026-03-01T00:00:00Z',
      '2026-04-01T00:00:00Z'
    );
    expect(columns(frame)).toEqual({
      Month: ['2026-03'],
      Used: [12],
      Remaining: [988],
      'Share of monthly limit': [0.012],
      'Projected month-end total': [12],
      'Monthly limit': [1000],
    });
  });

  it('names the problem when the backend refuses a query', async () => {
    const response = await dataSource.query(
      queryRequest(
        [{ refId: 'A', view: 'result-codes', resultCodes: ['NOT_A_CODE'] }],
        '2026-03-02T00:00:00Z',
        '2026-03-04T00:00:00Z'
      )
    );
    expect(response.data).toEqual([]);
    expect(response.errors).toEqual([
      {
        refId: 'A',
        message: 'By result code: Backend answered HTTP 400 (invalid_filter): unknown result code "NOT_A_CODE"',
      },
    ]);
  });
});

describe('DataSource values against the backend', () => {
  it('lists the templates seen in the range', async () => {
    const { range } = queryRequest([], '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    const templates = await dataSource.fetchValues('templates', '', range);
    expect([...templates].sort()).toEqual(['(none)', 'receipt', WELCOME]);
    await expect(dataSource.fetchValues('domains', 'ta.ex', range)).resolves.toEqual(['beta.example', 'delta.example']);
  });
});

describe('DataSource.testDatasource against the backend', () => {
  it('succeeds with a read key', async () => {
    await expect(dataSource.testDatasource()).resolves.toEqual({
      status: 'success',
      message: `Connected to the backend at ${backend.url}: InfluxDB is up and the API key reads statistics (monthly limit 1,000, daily limit 100)`,
    });
  });

  it('asks for a known API key, then for the read scope', async () => {
    const keyUnknown = {
      status: 'error',
      message:
        'The backend does not know the API key (HTTP 401: missing or unknown): set the API key of your account in this data source',
    };
    await expect(dataSourceWithKey(undefined).testDatasource()).resolves.toEqual(keyUnknown);
    await expect(dataSourceWithKey('unknownKey0123456789').testDatasource()).resolves.toEqual(keyUnknown);
    await expect(dataSourceWithKey(backend.keys.ingestOnly).testDatasource()).resolves.toEqual({
      status: 'error',
      message: 'The API key lacks the read scope (HTTP 403): use a key with the read scope for this account',
    });
  });

  it('says the backend is unreachable', async () => {
    await expect(dataSourceWithKey(backend.keys.acme, 'http://127.0.0.1:9').testDatasource()).resolves.toEqual({
      status: 'error',
      message:
        'Cannot reach the backend through the data source proxy (HTTP 502): check the backend URL in the data source settings and that the backend is running',
    });
  });

  it('says InfluxDB is down when the backend is not ready', async () => {
    const orphan = await startTestBackend({ influxUrl: 'http://127.0.0.1:9' });
    try {
      const result = await dataSourceWithKey(orphan.keys.acme, orphan.url).testDatasource();
      expect(result.status).toBe('error');
      expect(result.message).toMatch(
        /^The backend runs but is not ready: Backend answered HTTP 503 \(not_ready\): InfluxDB is down: /
      );
    } finally {
      await orphan.stop();
    }
  });
});
