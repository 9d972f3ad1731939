import './testing/jsdomPolyfills';
import { FieldType, type DataFrame, type Field } from '@grafana/data';
import type { DomainsResponse, SendingLimitResponse, TimeViewResponse } from '../../backend/domain/apiTypes';
import { DataSource } from './DataSource';
import { instanceSettings, PROXY_URL, queryRequest } from './testing/dataSourceFixtures';
import { fakeBackendSrv, requestedParams, type FakeAnswer } from './testing/fakeBackendSrv';
import { fakeTemplateSrv } from './testing/fakeTemplateSrv';
import type { MailDataSourceOptions } from './types';

const templateSrv = fakeTemplateSrv({ template: ['welcome', 'receipt'], domain: '$__all' });

const requestDate: TimeViewResponse = {
  view: 'request-date',
  from: '2026-03-01T00:00:00+09:00',
  to: '2026-03-03T00:00:00+09:00',
  tz: 'Asia/Tokyo',
  interval: '1d',
  rows: [
    {
      time: '2026-03-01T00:00:00+09:00',
      requestCount: 10,
      sentCount: 8,
      openedCount: 2,
      deliveryRate: 0.8,
      openRate: 0.25,
    },
    {
      time: '2026-03-02T00:00:00+09:00',
      requestCount: 0,
      sentCount: 0,
      openedCount: 0,
      deliveryRate: null,
      openRate: null,
    },
  ],
  totals: {},
};

const domains: DomainsResponse = {
  view: 'domains',
  from: '2026-03-01T00:00:00Z',
  to: '2026-03-02T00:00:00Z',
  tz: 'UTC',
  interval: '1d',
  rows: [
    { domain: 'a.example', count: 3, share: 0.75 },
    { domain: '(other)', count: 1, share: 0.25 },
  ],
  totals: { count: 4 },
  series: [
    { time: '2026-03-01T00:00:00Z', domain: 'a.example', count: 3 },
    { time: '2026-03-01T00:00:00Z', domain: '(other)', count: 1 },
  ],
};

const sendingLimit: SendingLimitResponse = {
  view: 'sending-limit',
  tz: 'Europe/Berlin',
  limit: { monthly: 500, daily: null, changeRequestUrl: 'https://support.example/limit' },
  months: [{ month: '2026-03', used: 120, remaining: 380, share: 0.24, projected: 310, days: [] }],
};

const ok = (data: unknown): FakeAnswer => ({ status: 200, data });

function dataSource(
  answers: Record<string, FakeAnswer>,
  jsonData: MailDataSourceOptions = { apiUrl: 'http://backend:3001' }
) {
  const backendSrv = fakeBackendSrv(answers);
  return { ds: new DataSource(instanceSettings(jsonData), templateSrv, backendSrv), fetch: backendSrv.fetch };
}

describe('DataSource.query', () => {
  it('asks the view endpoint through the proxy route with range, zone, interval and filters', async () => {
    const { ds, fetch } = dataSource({ [`${PROXY_URL}/api/api/v1/stats/request-date`]: ok(requestDate) });
    const request = queryRequest(
      [
        {
          refId: 'A',
          view: 'request-date',
          metrics: ['requestCount', 'deliveryRate'],
          templates: ['$template'],
          domains: ['$domain'],
        },
      ],
      '2026-02-28T15:00:00Z',
      '2026-03-02T15:00:00Z',
      'Asia/Tokyo'
    );
    const response = await ds.query(request);

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][0].url.split('?')[0]).toBe(`${PROXY_URL}/api/api/v1/stats/request-date`);
    expect(requestedParams(fetch)).toEqual([
      ['tz', 'Asia/Tokyo'],
      ['from', String(Date.parse('2026-02-28T15:00:00Z'))],
      ['to', String(Date.parse('2026-03-02T15:00:00Z'))],
      ['interval', '1h'],
      ['template', 'welcome'],
      ['template', 'receipt'],
    ]);
    expect(response.errors).toBeUndefined();
    expect(response.data).toHaveLength(1);
    expect(response.data[0].fields).toEqual([
      {
        name: 'time',
        type: FieldType.time,
        values: [Date.parse('2026-02-28T15:00:00Z'), Date.parse('2026-03-01T15:00:00Z')],
        config: {},
      },
      {
        name: 'requestCount',
        type: FieldType.number,
        values: [10, 0],
        config: { displayName: 'Request count', unit: 'short' },
      },
      {
        name: 'deliveryRate',
        type: FieldType.number,
        values: [0.8, null],
        config: { displayName: 'Delivery rate', unit: 'percentunit' },
      },
    ]);
  });

  it('answers each query of a panel, skips hidden ones, and names a failing view', async () => {
    const { ds, fetch } = dataSource({
      [`${PROXY_URL}/api/api/v1/stats/domains`]: ok(domains),
      [`${PROXY_URL}/api/api/v1/stats/result-codes`]: {
        status: 400,
        data: { error: { code: 'invalid_parameter', message: 'resultCode: unknown code "NOPE"' } },
      },
    });
    const response = await ds.query(
      queryRequest(
        [
          { refId: 'A', view: 'domains', output: 'series', top: 1 },
          { refId: 'B', view: 'result-codes', resultCodes: ['NOPE'] },
          { refId: 'C', view: 'send-date', hide: true },
        ],
        '2026-03-01T00:00:00Z',
        '2026-03-02T00:00:00Z'
      )
    );
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(response.data.map((frame: DataFrame) => frame.fields.map((field) => [field.name, field.values]))).toEqual([
      [
        ['time', [Date.parse('2026-03-01T00:00:00Z')]],
        ['a.example', [3]],
        ['(other)', [1]],
      ],
    ]);
    expect(response.errors).toEqual([
      {
        refId: 'B',
        message: 'By result code: Backend answered HTTP 400 (invalid_parameter): resultCode: unknown code "NOPE"',
      },
    ]);
  });

  it('uses the data source default zone when the dashboard names none, and the browser zone for browser', async () => {
    const { ds, fetch } = dataSource(
      { [`${PROXY_URL}/api/api/v1/stats/sending-limit`]: ok(sendingLimit) },
      { apiUrl: 'http://backend:3001', defaultTimeZone: 'Europe/Berlin' }
    );
    const limitQuery = { refId: 'A', view: 'sending-limit' as const, limitOutput: 'months' as const, months: 1 };
    const response = await ds.query(queryRequest([limitQuery], '2026-03-01T00:00:00Z', '2026-03-31T22:30:00Z', ''));
    expect(requestedParams(fetch)).toEqual([
      ['tz', 'Europe/Berlin'],
      ['month', '2026-04'],
      ['months', '1'],
    ]);
    expect(response.data[0].meta.custom).toEqual({ changeRequestUrl: 'https://support.example/limit' });
    expect(response.data[0].fields.map((field: Field) => field.values)).toEqual([
      ['2026-03'],
      [120],
      [380],
      [0.24],
      [310],
      [500],
    ]);

    await ds.query(queryRequest([limitQuery], '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', 'browser'));
    expect(requestedParams(fetch, 1)[0]).toEqual(['tz', Intl.DateTimeFormat().resolvedOptions().timeZone]);
  });

  it('says the backend is unreachable when the proxy answers 502', async () => {
    const { ds } = dataSource({
      [`${PROXY_URL}/api/api/v1/stats/request-date`]: { status: 502, data: { message: 'Bad Gateway' } },
    });
    const response = await ds.query(
      queryRequest([{ refId: 'A', view: 'request-date' }], '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z')
    );
    expect(response.errors?.[0].message).toBe(
      'By request date: Cannot reach the backend through the data source proxy (HTTP 502): check the backend URL in the data source settings and that the backend is running'
    );
  });
});

describe('DataSource.testDatasource', () => {
  const readyz = `${PROXY_URL}/api/readyz`;
  const limits = `${PROXY_URL}/api/api/v1/limits`;
  const test = (answers: Record<string, FakeAnswer>, jsonData?: MailDataSourceOptions) =>
    dataSource(answers, jsonData).ds.testDatasource();

  it('succeeds when the backend is ready and the key reads', async () => {
    await expect(
      test({
        [readyz]: ok({ status: 'ready' }),
        [limits]: ok({ monthly: 100000, daily: null, changeRequestUrl: null }),
      })
    ).resolves.toEqual({
      status: 'success',
      message:
        'Connected to the backend at http://backend:3001: InfluxDB is up and the API key reads statistics (monthly limit 100,000, daily limit not set)',
    });
  });

  it('asks for the backend URL when none is set', async () => {
    await expect(test({}, {})).resolves.toEqual({
      status: 'error',
      message: 'Set the backend URL, e.g. http://mail-analytics-backend:3001',
    });
  });

  it('says the backend is unreachable', async () => {
    const result = await test({ [readyz]: { status: 502, data: '' } });
    expect(result).toEqual({
      status: 'error',
      message:
        'Cannot reach the backend through the data source proxy (HTTP 502): check the backend URL in the data source settings and that the backend is running',
    });
  });

  it('names what is down when the backend is not ready', async () => {
    const result = await test({
      [readyz]: {
        status: 503,
        data: { error: { code: 'not_ready', message: 'InfluxDB at http://influxdb:8086 does not answer' } },
      },
    });
    expect(result).toEqual({
      status: 'error',
      message:
        'The backend runs but is not ready: Backend answered HTTP 503 (not_ready): InfluxDB at http://influxdb:8086 does not answer',
    });
  });

  it('asks for an API key on 401 and a read scope on 403', async () => {
    const unauthorized = { status: 401, data: { error: { code: 'unauthorized', message: 'missing API key' } } };
    const forbidden = { status: 403, data: { error: { code: 'forbidden', message: 'needs scope read' } } };
    await expect(test({ [readyz]: ok({}), [limits]: unauthorized })).resolves.toEqual({
      status: 'error',
      message:
        'The backend does not know the API key (HTTP 401: missing or unknown): set the API key of your account in this data source',
    });
    await expect(test({ [readyz]: ok({}), [limits]: forbidden })).resolves.toEqual({
      status: 'error',
      message: 'The API key lacks the read scope (HTTP 403): use a key with the read scope for this account',
    });
  });
});

describe('DataSource values', () => {
  it('fetches filter values with search and range', async () => {
    const { ds, fetch } = dataSource({
      [`${PROXY_URL}/api/api/v1/values/domains`]: ok({ values: ['a.example', 'b.example'] }),
    });
    const { range } = queryRequest([], '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z');
    await expect(ds.fetchValues('domains', 'exam', range)).resolves.toEqual(['a.example', 'b.example']);
    expect(requestedParams(fetch)).toEqual([
      ['q', 'exam'],
      ['from', String(Date.parse('2026-03-01T00:00:00Z'))],
      ['to', String(Date.parse('2026-03-02T00:00:00Z'))],
    ]);
  });

  it('offers dashboard variables as $name', () => {
    expect(dataSource({}).ds.variableReferences()).toEqual(['$template', '$domain']);
  });
});
