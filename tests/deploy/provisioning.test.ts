/** Grafana provisioning: ids and uids agree with the plugin, the dashboards and the compose services. */
import { readdirSync } from 'node:fs';
import { RESULT_CODES, type ResultClass } from '../../contract/resultCodes';
import { APP_PLUGIN_ID, DATASOURCE_PLUGIN_ID, PROVISIONED_DATASOURCE_UID } from '../../src/datasource/types';
import { alertRules, exists, readJson, readYaml, repoPath } from './repoFiles';

interface ProvisionedDataSource {
  name: string;
  type: string;
  uid: string;
  url?: string;
  jsonData: Record<string, string>;
  secureJsonData?: Record<string, string>;
}

const dataSources = readYaml<{ apiVersion: number; datasources: ProvisionedDataSource[] }>(
  'provisioning/datasources/datasources.yaml'
);
const ours = dataSources.datasources.find((source) => source.type === DATASOURCE_PLUGIN_ID)!;
const influx = dataSources.datasources.find((source) => source.type === 'influxdb')!;
const composeServices = Object.keys(readYaml('docker-compose.yml').services);

describe('plugin provisioning', () => {
  it('enables the app whose id is in src/plugin.json', () => {
    const apps = readYaml('provisioning/plugins/app.yaml');
    expect(apps.apiVersion).toBe(1);
    expect(apps.apps).toEqual([{ type: APP_PLUGIN_ID, org_id: 1, disabled: false }]);
    expect(readJson('src/plugin.json').id).toBe(APP_PLUGIN_ID);
  });

  it('names the nested data source plugin by the id in src/datasource/plugin.json, listed in the app', () => {
    expect(readJson('src/datasource/plugin.json').id).toBe(DATASOURCE_PLUGIN_ID);
    const includes: Array<{ type: string; path: string }> = readJson('src/plugin.json').includes;
    expect(includes).toContainEqual(expect.objectContaining({ type: 'datasource', path: 'datasource/plugin.json' }));
  });
});

describe('data source provisioning', () => {
  it('provisions our data source with the uid of types.ts, the backend service URL and the key from the environment', () => {
    expect(dataSources.apiVersion).toBe(1);
    expect(ours).toMatchObject({
      uid: PROVISIONED_DATASOURCE_UID,
      jsonData: { apiUrl: 'http://backend:3001' },
      secureJsonData: { apiKey: '$MDA_API_KEY' },
    });
    expect(composeServices).toContain('backend');
  });

  it('provisions the built-in InfluxDB data source for alerting (InfluxQL, database mail_delivery)', () => {
    expect(influx).toMatchObject({
      uid: 'mail-delivery-influxdb',
      url: 'http://influxdb:8086',
      jsonData: { version: 'InfluxQL', dbName: 'mail_delivery' },
    });
    expect(composeServices).toContain('influxdb');
  });

  it('is the default of every shipped dashboard`s datasource variable', () => {
    const files = exists('src/dashboards')
      ? readdirSync(repoPath('src/dashboards')).filter((f) => f.endsWith('.json'))
      : [];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const dashboard = readJson(`src/dashboards/${file}`);
      const variable = dashboard.templating.list.find((item: { type: string }) => item.type === 'datasource');
      expect({ file, query: variable.query, current: variable.current }).toEqual({
        file,
        query: DATASOURCE_PLUGIN_ID,
        current: { text: ours.name, value: PROVISIONED_DATASOURCE_UID },
      });
    }
  });
});

describe('alert rule provisioning', () => {
  const rules = alertRules();
  const codesOf = (...classes: ResultClass[]) =>
    [...RESULT_CODES.values()].filter((code) => classes.includes(code.resultClass)).map((code) => code.code);
  const codeLists = (query: string) =>
    [...query.matchAll(/"code" =~ \/\^\(([A-Z_|]+)\)\$\//g)].map(([, list]) => list.split('|').sort());

  it('has the bounce, delivery, usage and complaint rules with their severities', () => {
    expect(rules.map((rule) => [rule.uid, rule.labels.severity])).toEqual([
      ['mda-bounce-rate-warning', 'warning'],
      ['mda-bounce-rate-critical', 'critical'],
      ['mda-delivery-rate-drop', 'critical'],
      ['mda-monthly-usage-80', 'warning'],
      ['mda-monthly-usage-100', 'critical'],
      ['mda-complaint-rate-warning', 'warning'],
      ['mda-complaint-rate-critical', 'critical'],
    ]);
  });

  it('only uses provisioned data sources and expressions, with consistent refIds', () => {
    const uids = new Set(dataSources.datasources.map((source) => source.uid));
    for (const rule of rules) {
      const refIds = rule.data.map((item) => item.refId);
      expect(new Set(refIds).size).toBe(refIds.length);
      expect(refIds).toContain(rule.condition);
      for (const item of rule.data) {
        expect(item.model.refId).toBe(item.refId);
        if (item.datasourceUid === '__expr__') {
          const inputs =
            item.model.type === 'math'
              ? [...item.model.expression!.matchAll(/\$([A-Z0-9_]+)/g)].map((m) => m[1])
              : [item.model.expression!];
          for (const input of inputs) {
            expect(refIds.slice(0, refIds.indexOf(item.refId))).toContain(input);
          }
        } else {
          expect(uids).toContain(item.datasourceUid);
          expect(item.datasourceUid).toBe(influx.uid);
          expect(item.relativeTimeRange).toBeDefined();
        }
      }
    }
  });

  it('lists result codes exactly as contract/resultCodes.ts classes them', () => {
    const [warning, , delivery] = rules;
    const queryOf = (rule: (typeof rules)[number], refId: string) =>
      rule.data.find((item) => item.refId === refId)!.model.query!;
    expect(codeLists(queryOf(warning, 'BOUNCED'))).toEqual([codesOf('bounced').sort()]);
    expect(codeLists(queryOf(warning, 'SENT'))).toEqual([codesOf('delivered', 'bounced').sort()]);
    const finalCodes = codesOf('delivered', 'bounced', 'failed', 'blocked').sort();
    expect(codeLists(queryOf(delivery, 'FINAL_24H'))).toEqual([finalCodes]);
    expect(codeLists(queryOf(delivery, 'SENT_24H'))).toEqual([codesOf('delivered', 'bounced').sort(), finalCodes]);
    expect(queryOf(delivery, 'SENT_7D')).toBe(queryOf(delivery, 'SENT_24H'));
  });

  it('fires at the documented thresholds', () => {
    const firing = rules.map((rule) => rule.data.find((item) => item.refId === rule.condition)!.model.expression);
    expect(firing).toEqual([
      '$SENT_TOTAL >= 100 && $RATE >= 0.05',
      '$SENT_TOTAL >= 100 && $RATE >= 0.10',
      '$F24 >= 100 && $RATE_24H < 0.9 * $RATE_7D',
      '$SHARE >= 0.8',
      '$SHARE >= 1',
      '$SENT_TOTAL >= 1000 && $RATE >= 0.001',
      '$SENT_TOTAL >= 1000 && $RATE >= 0.003',
    ]);
  });
});
