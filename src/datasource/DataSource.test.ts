import { FieldType, type DataFrame, type Field } from '@grafana/data';
import type { DomainsResponse, SendingLimitResponse, TimeViewResponse } from '../../contract/apiTypes';
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
    expect(response.data[0].meta).toEqual({ preferredVisualisationType: 'table' });
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
  it('checks the readiness and the key through the proxy route', async () => {
    const { ds, fetch } = dataSource({
      [`${PROXY_URL}/api/readyz`]: ok({ status: 'ready' }),
      [`${PROXY_URL}/api/api/v1/limits`]: ok({ monthly: null, daily: null, changeRequestUrl: null }),
    });
    await expect(ds.testDatasource()).resolves.toEqual({
      status: 'success',
      message:
        'Connected to the backend at http://backend:3001: InfluxDB is up and the API key reads statistics (monthly limit not set, daily limit not set)',
    });
    expect(fetch.mock.calls.map((call) => call[0].url)).toEqual([
      `${PROXY_URL}/api/readyz`,
      `${PROXY_URL}/api/api/v1/limits`,
    ]);
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
