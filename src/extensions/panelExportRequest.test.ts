import { dateTime, type PluginExtensionPanelContext } from '@grafana/data';
import type { DataSourceRef } from '@grafana/schema';
import { fakeTemplateSrv } from '../datasource/testing/fakeTemplateSrv';
import { DATASOURCE_PLUGIN_ID } from '../datasource/types';
import { ourQueries, panelExport, type PanelExportDeps } from './panelExportRequest';

const OURS: DataSourceRef = { type: DATASOURCE_PLUGIN_ID, uid: 'mail-delivery-analytics' };
const PROMETHEUS: DataSourceRef = { type: 'prometheus', uid: 'prom' };
const BASE = '/api/datasources/proxy/uid/mail-delivery-analytics/api/api/v1';
const MARCH = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

const deps: PanelExportDeps = {
  templateSrv: fakeTemplateSrv({ template: ['환영 메일, "VIP"', 'welcome'], domain: '$__all', month: '2026-02' }),
  dataSource: (ref) => {
    const uid = typeof ref === 'string' ? ref : ref.uid;
    if (uid === OURS.uid || uid === '${datasource}') {
      return { uid: 'mail-delivery-analytics', type: DATASOURCE_PLUGIN_ID, jsonData: {} };
    }
    return uid === PROMETHEUS.uid ? { uid: 'prom', type: 'prometheus', jsonData: {} } : undefined;
  },
};

function panel(overrides: Partial<PluginExtensionPanelContext>): PluginExtensionPanelContext {
  return {
    pluginId: 'timeseries',
    id: 2,
    title: 'Delivery by day',
    timeRange: { from: dateTime(MARCH.from), to: dateTime(MARCH.to) },
    timeZone: 'utc',
    dashboard: { uid: 'mda-request-date', title: 'By request date', tags: [] },
    targets: [],
    scopedVars: {},
    ...overrides,
  };
}

const params = (url: string) => Array.from(new URL(url, 'http://grafana').searchParams.entries());

describe('panelExport', () => {
  it('asks the view endpoint for xlsx with the panel range, zone, interval and variables', () => {
    const request = panelExport(
      panel({
        targets: [
          {
            refId: 'A',
            datasource: OURS,
            view: 'request-date',
            templates: ['$template'],
            domains: ['$domain'],
          } as never,
        ],
      }),
      deps
    );
    expect(request).toEqual({
      url:
        `${BASE}/stats/request-date?tz=UTC&from=1772323200000&to=1775001600000&interval=1d` +
        '&template=%ED%99%98%EC%98%81+%EB%A9%94%EC%9D%BC%2C+%22VIP%22&template=welcome&format=xlsx',
      fileName: 'Delivery by day 2026-03-01–2026-03-31.xlsx',
    });
  });

  it('names the file by the days in the dashboard zone', () => {
    const request = panelExport(
      panel({ timeZone: 'Asia/Seoul', targets: [{ refId: 'A', datasource: OURS, view: 'domains', top: 5 } as never] }),
      deps
    );
    expect(params(request!.url)).toEqual([
      ['tz', 'Asia/Seoul'],
      ['from', '1772323200000'],
      ['to', '1775001600000'],
      ['interval', '1d'],
      ['top', '5'],
      ['format', 'xlsx'],
    ]);
    // 2026-03-01T00:00Z is 09:00 in Seoul; the range ends 2026-04-01 08:59:59 there.
    expect(request!.fileName).toBe('Delivery by day 2026-03-01–2026-04-01.xlsx');
  });

  it('exports several views as one workbook, the first query setting each parameter', () => {
    const request = panelExport(
      panel({
        title: 'Overview: a/b',
        targets: [
          { refId: 'A', datasource: OURS, view: 'request-date', interval: '1w', templates: ['welcome'] },
          { refId: 'B', datasource: OURS, view: 'sending-limit', month: '$month', months: 2 },
          { refId: 'C', datasource: OURS, view: 'domains', templates: ['other'], interval: '1h' },
        ] as never,
      }),
      deps
    );
    expect(request!.url.startsWith(`${BASE}/export?`)).toBe(true);
    expect(params(request!.url)).toEqual([
      ['tz', 'UTC'],
      ['from', '1772323200000'],
      ['to', '1775001600000'],
      ['interval', '1w'],
      ['template', 'welcome'],
      ['month', '2026-02'],
      ['months', '2'],
      ['views', 'request-date,sending-limit,domains'],
    ]);
    expect(request!.fileName).toBe('Overview a b 2026-03-01–2026-03-31.xlsx');
  });

  it('takes the queries of a mixed panel that use our data source, also through a variable', () => {
    const request = panelExport(
      panel({
        targets: [
          { refId: 'A', datasource: PROMETHEUS, expr: 'up' },
          { refId: 'B', datasource: { uid: '${datasource}' }, view: 'send-date', interval: '1d' },
        ] as never,
      }),
      deps
    );
    expect(request!.url).toBe(
      `${BASE}/stats/send-date?tz=UTC&from=1772323200000&to=1775001600000&interval=1d&format=xlsx`
    );
  });

  it('finds the panel data source of queries without their own in the panel request', () => {
    const context = panel({ targets: [{ refId: 'A', view: 'result-codes' } as never] });
    const data = { request: { targets: [{ refId: 'A', datasource: OURS }], intervalMs: 60_000 } };
    expect(panelExport({ ...context, data: data as never }, deps)?.url).toBe(
      `${BASE}/stats/result-codes?tz=UTC&from=1772323200000&to=1775001600000&interval=1d&format=xlsx`
    );
  });
});

describe('ourQueries', () => {
  it('finds none in a panel of other data sources, or when our queries are hidden', () => {
    expect(ourQueries(panel({ targets: [{ refId: 'A', datasource: PROMETHEUS }] }), deps)).toBeUndefined();
    expect(ourQueries(panel({ targets: [{ refId: 'A', datasource: OURS, hide: true }] }), deps)).toBeUndefined();
    expect(ourQueries(panel({ targets: [{ refId: 'A' }] }), deps)).toBeUndefined();
    expect(panelExport(panel({ targets: [] }), deps)).toBeUndefined();
  });
});
