/**
 * The dashboards shipped in src/dashboards: valid for the current Grafana schema, every
 * target a MailQuery of views.ts, every link inside the shipped set, every view covered.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FieldType, toDataFrame, getFieldDisplayName, type DataTransformerConfig } from '@grafana/data';
import {
  METRIC_DEFINITIONS,
  VIEWS,
  VIEW_IDS,
  computeRates,
  zeroCounts,
  type TimeViewDefinition,
  type ViewId,
} from '../../backend/domain/views';
import { applyTransformations } from './applyTransformations';
import {
  DASHBOARD_TAG,
  allPanels,
  dashboardProblems,
  isRecord,
  panelUrls,
  variableNames,
  type Json,
} from './dashboardRules';

const DASHBOARDS_DIR = path.join(__dirname, '..', '..', 'src', 'dashboards');
const PLUGIN_JSON = path.join(__dirname, '..', '..', 'src', 'plugin.json');
const OVERVIEW_UID = 'mda-overview';
const uidOfView = (view: ViewId) => `mda-${view}`;

const files = fs.readdirSync(DASHBOARDS_DIR).filter((name) => name.endsWith('.json'));
const dashboards = new Map<string, Json>(
  files.map((name) => [name, JSON.parse(fs.readFileSync(path.join(DASHBOARDS_DIR, name), 'utf8')) as Json])
);
const byUid = new Map([...dashboards.values()].map((dashboard) => [String(dashboard.uid), dashboard]));
const shipped = new Map([...byUid].map(([uid, dashboard]) => [uid, variableNames(dashboard)]));
const targetsOf = (dashboard: Json) => allPanels(dashboard).flatMap((panel) => (panel.targets ?? []) as Json[]);

describe('shipped dashboards', () => {
  it('are the overview and one dashboard per view, with unique uids', () => {
    expect([...byUid.keys()].sort()).toEqual([OVERVIEW_UID, ...VIEW_IDS.map(uidOfView)].sort());
    expect(byUid.size).toBe(files.length);
  });

  it.each(files)('%s follows every dashboard rule', (name) => {
    expect(dashboardProblems(dashboards.get(name)!, shipped)).toEqual([]);
  });

  it.each(VIEW_IDS)('the %s dashboard queries its view', (view) => {
    expect(targetsOf(byUid.get(uidOfView(view))!).map((target) => target.view)).toContain(view);
  });

  it.each(files)('%s links to the other dashboards and to the Excel export of every view', (name) => {
    const links = dashboards.get(name)!.links as Json[];
    expect(links).toContainEqual(expect.objectContaining({ type: 'dashboards', tags: [DASHBOARD_TAG] }));
    const exportLink = links.find((link) => link.title === 'Download all views (Excel)');
    const exportUrl = new URL(String(exportLink?.url), 'http://grafana');
    expect(exportUrl.pathname).toBe('/a/maildelivery-maildeliveryanalytics-app/export');
    expect(exportUrl.searchParams.get('datasource')).toBe('${datasource}');
    expect(exportUrl.searchParams.get('views')?.split(',')).toEqual(VIEW_IDS);
    expect(exportLink).toMatchObject({ includeVars: true, keepTime: true, targetBlank: true });
  });

  it.each(VIEW_IDS)('the overview has a panel linking to the %s dashboard', (view) => {
    const urls = allPanels(byUid.get(OVERVIEW_UID)!).flatMap((panel) =>
      ((panel.links ?? []) as Json[]).map((l) => l.url)
    );
    expect(urls).toContainEqual(expect.stringMatching(new RegExp(`^/d/${uidOfView(view)}\\?`)));
  });

  it('every plugin.json dashboard include is a shipped file', () => {
    const plugin = JSON.parse(fs.readFileSync(PLUGIN_JSON, 'utf8')) as { includes?: Json[] };
    const included = (plugin.includes ?? []).filter((include) => include.type === 'dashboard').map((i) => i.path);
    expect(files.map((name) => `dashboards/${name}`)).toEqual(expect.arrayContaining(included));
  });
});

describe('drill-down between the distribution views (views.ts drillDown)', () => {
  it.each(['domains', 'result-codes'] as const)(
    'clicking a row of the %s table opens the other view filtered to that row',
    (view) => {
      const { drillDown, columns } = VIEWS[view] as Extract<(typeof VIEWS)[ViewId], { shape: 'distribution' }>;
      const dimensionLabel = columns[0].label;
      const tablePanel = allPanels(byUid.get(uidOfView(view))!).find((panel) => panel.type === 'table')!;
      const dimensionLinks = (tablePanel.fieldConfig as { overrides: Json[] }).overrides
        .filter((override) => isRecord(override.matcher) && override.matcher.options === dimensionLabel)
        .flatMap((override) => panelUrls({ fieldConfig: { overrides: [override] } }));
      expect(dimensionLinks).toEqual([expect.stringMatching(new RegExp(`^/d/${uidOfView(drillDown.view)}\\?`))]);
      expect(dimensionLinks[0]).toContain(`&var-${drillDown.filter}=\${__value.raw}`);
    }
  );
});

describe('rates over the whole range', () => {
  // Two days of counts the data source would return, each field named by its metric and
  // displayed with its views.ts label.
  const dayCounts = [
    {
      requestCount: 120,
      sentCount: 100,
      deliveredCount: 90,
      bouncedCount: 10,
      openedCount: 40,
      unsubscribeCount: 2,
      canceledCount: 5,
    },
    {
      requestCount: 80,
      sentCount: 60,
      deliveredCount: 57,
      bouncedCount: 3,
      openedCount: 35,
      unsubscribeCount: 1,
      canceledCount: 0,
    },
  ];

  type CountMetric = keyof (typeof dayCounts)[0];
  const targetOf = (panel: Json) => (panel.targets as Array<{ view: ViewId; metrics: CountMetric[] }>)[0];

  /** The panel's transformations applied to the two days of its target's metrics. */
  async function transformedDays(panel: Json) {
    const frame = toDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 2)] },
        ...targetOf(panel).metrics.map((metric) => ({
          name: metric,
          type: FieldType.number,
          values: dayCounts.map((day) => day[metric]),
          config: { displayName: METRIC_DEFINITIONS[metric].label },
        })),
      ],
    });
    const [result] = await applyTransformations(panel.transformations as DataTransformerConfig[], [frame]);
    return result;
  }

  const ratePanels = [...byUid.values()].flatMap((dashboard) =>
    allPanels(dashboard)
      .filter((panel) => panel.title === 'Rates over the range')
      .map((panel) => [`${String(dashboard.uid)}`, panel] as const)
  );

  it('exist on the overview and both time views', () => {
    expect(ratePanels.map(([uid]) => uid).sort()).toEqual([OVERVIEW_UID, 'mda-request-date', 'mda-send-date']);
  });

  it.each(ratePanels)('%s divides the summed counts exactly as the backend does', async (_uid, panel) => {
    const target = targetOf(panel);
    const view = VIEWS[target.view] as TimeViewDefinition;
    const result = await transformedDays(panel);

    const totals = zeroCounts();
    for (const metric of target.metrics) {
      totals[metric] = dayCounts[0][metric] + dayCounts[1][metric];
    }
    const expectedRates = computeRates(totals);
    const viewRates = view.metrics.filter((metric) => metric in expectedRates) as Array<keyof typeof expectedRates>;
    expect(result.fields.map((field) => [getFieldDisplayName(field, result), field.values[0]])).toEqual(
      viewRates.map((rate) => [METRIC_DEFINITIONS[rate].label, expectedRates[rate]])
    );
  });

  it('gives the hand-computed request-date rates', async () => {
    const panel = ratePanels.find(([uid]) => uid === 'mda-request-date')![1];
    const result = await transformedDays(panel);
    // sent 160 / requested 200, opened 75 / sent 160, unsubscribed 3 / opened 75, bounced 13 / sent 160
    expect(result.fields.map((field) => field.values[0])).toEqual([0.8, 0.46875, 0.04, 0.08125]);
  });
});

describe('sending-limit charts', () => {
  // One day row as the data source returns it: the view's day columns plus the monthly limit.
  const dayFrame = toDataFrame({
    fields: [
      ...VIEWS['sending-limit'].columns.map((column) => ({
        name: column.key,
        type: column.unit === 'date' ? FieldType.time : FieldType.number,
        values: [column.unit === 'date' ? Date.UTC(2026, 2, 1) : 1],
        config: { displayName: column.label },
      })),
      { name: 'monthlyLimit', type: FieldType.number, values: [1000], config: { displayName: 'Monthly limit' } },
    ],
  });

  it.each([
    ['Daily volume', ['Date', 'Daily volume']],
    ['Cumulative volume and monthly limit', ['Date', 'Cumulative volume', 'Monthly limit']],
  ])('%s shows %j', async (title, expectedFields) => {
    const panel = allPanels(byUid.get(uidOfView('sending-limit'))!).find((p) => p.title === title)!;
    const [result] = await applyTransformations(panel.transformations as DataTransformerConfig[], [dayFrame]);
    expect(result.fields.map((field) => getFieldDisplayName(field, result))).toEqual(expectedFields);
  });
});
