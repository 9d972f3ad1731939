/**
 * The dashboards shipped in src/dashboards: valid for the current Grafana schema, every
 * target a MailQuery of views.ts, every link inside the shipped set, every view covered.
 */
import * as fs from 'fs';
import * as path from 'path';
import { getFieldDisplayName, type DataFrame } from '@grafana/data';
import {
  DOMAINS_VIEW,
  METRIC_DEFINITIONS,
  RESULT_CODES_VIEW,
  RATE_METRICS,
  VIEWS,
  VIEW_IDS,
  computeRates,
  type TimeViewDefinition,
  type ViewId,
} from '../../backend/domain/views';
import { APP_PLUGIN_ID, type MailQuery } from '../../src/datasource/types';
import {
  DASHBOARD_TAG,
  allPanels,
  dashboardProblems,
  fieldNameProblems,
  isRecord,
  panelName,
  panelUrls,
  variableNames,
  type Json,
} from './dashboardRules';
import { panelData } from './panelData';
import { DAY_COUNTS, SAMPLE_RESPONSES, summedCounts } from './sampleResponses';

const DASHBOARDS_DIR = path.join(__dirname, '..', '..', 'src', 'dashboards');
const PLUGIN_JSON = path.join(__dirname, '..', '..', 'src', 'plugin.json');
const OVERVIEW_UID = 'mda-overview';
const uidOfView = (view: ViewId) => `mda-${view}`;

const files = fs.readdirSync(DASHBOARDS_DIR).filter((name) => name.endsWith('.json'));
function readDashboard(name: string): Json {
  try {
    return JSON.parse(fs.readFileSync(path.join(DASHBOARDS_DIR, name), 'utf8'));
  } catch (error) {
    throw new Error(`${name} is not valid JSON: ${String(error)}`);
  }
}
const dashboards = new Map(files.map((name) => [name, readDashboard(name)]));
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
    expect(exportUrl.pathname).toBe(`/a/${APP_PLUGIN_ID}/export`);
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

  describe('plugin.json', () => {
    const { includes } = JSON.parse(fs.readFileSync(PLUGIN_JSON, 'utf8')) as { includes: Json[] };

    it('includes every shipped dashboard, named by its title', () => {
      const dashboardIncludes = includes.filter((include) => include.type === 'dashboard');
      expect(dashboardIncludes.map((include) => [include.path, include.name]).sort()).toEqual(
        [...dashboards].map(([name, dashboard]) => [`dashboards/${name}`, dashboard.title]).sort()
      );
    });

    it('has navigation pages only to shipped dashboards', () => {
      const pageUids = includes.flatMap((include) => /^\/d\/([^/?]+)/.exec(String(include.path))?.[1] ?? []);
      expect(pageUids.filter((uid) => !byUid.has(uid))).toEqual([]);
    });
  });
});

describe('drill-down between the distribution views (views.ts drillDown)', () => {
  it.each([DOMAINS_VIEW, RESULT_CODES_VIEW].map((view) => [view.id, view] as const))(
    'clicking a row of the %s table opens the other view filtered to that row',
    (id, { drillDown, columns }) => {
      const dimensionLabel = columns[0].label;
      const tablePanel = allPanels(byUid.get(uidOfView(id))!).find((panel) => panel.type === 'table')!;
      const dimensionLinks = (tablePanel.fieldConfig as { overrides: Json[] }).overrides
        .filter((override) => isRecord(override.matcher) && override.matcher.options === dimensionLabel)
        .flatMap((override) => panelUrls({ fieldConfig: { overrides: [override] } }));
      expect(dimensionLinks).toEqual([expect.stringMatching(new RegExp(`^/d/${uidOfView(drillDown.view)}\\?`))]);
      expect(dimensionLinks[0]).toContain(`&var-${drillDown.filter}=\${__value.raw}`);
    }
  );
});

describe('panels and the data source frames', () => {
  const panels = [...byUid.values()].flatMap((dashboard) =>
    allPanels(dashboard)
      .filter((panel) => Array.isArray(panel.targets))
      .map((panel) => [`${String(dashboard.uid)} ${panelName(panel)}`, panel] as const)
  );
  const displayNames = (frames: DataFrame[]) =>
    frames.flatMap((frame) => frame.fields.map((field) => getFieldDisplayName(field, frame, frames)));
  const shownFields = async (panel: Json) => {
    const { shown } = await panelData(panel, SAMPLE_RESPONSES);
    return shown.flatMap((frame) =>
      frame.fields.map((field) => [getFieldDisplayName(field, frame, shown), field.values])
    );
  };

  it.each(panels)('%s names only fields it gets', async (_name, panel) => {
    const { queried, shown } = await panelData(panel, SAMPLE_RESPONSES);
    expect(fieldNameProblems(panel, displayNames(queried), displayNames(shown))).toEqual([]);
  });

  const ratePanels = panels.filter(([, panel]) => panel.title === 'Rates over the range');

  it('show rates over the range on the overview and both time views', () => {
    expect(ratePanels.map(([name]) => name.split(' ')[0]).sort()).toEqual([
      OVERVIEW_UID,
      'mda-request-date',
      'mda-send-date',
    ]);
  });

  // Issue 16 added complaintRate to the views; the dashboards (rewritten in another branch) do not show it yet.
  const RATES_NOT_YET_ON_DASHBOARDS: readonly string[] = ['complaintRate'];

  it.each(ratePanels)('%s divides the summed counts exactly as the backend does', async (_name, panel) => {
    const view = VIEWS[(panel.targets as MailQuery[])[0].view] as TimeViewDefinition;
    const rates = computeRates(summedCounts(DAY_COUNTS));
    const viewRates = RATE_METRICS.filter(
      (rate) => view.metrics.includes(rate) && !RATES_NOT_YET_ON_DASHBOARDS.includes(rate)
    );
    expect(await shownFields(panel)).toEqual(viewRates.map((rate) => [METRIC_DEFINITIONS[rate].label, [rates[rate]]]));
  });

  it('give the hand-computed request-date rates', async () => {
    const [, panel] = ratePanels.find(([name]) => name.startsWith('mda-request-date'))!;
    // sent 160 / requested 200, opened 75 / sent 160, unsubscribed 3 / opened 75, bounced 13 / sent 160
    expect((await shownFields(panel)).map(([, values]) => values)).toEqual([[0.8], [0.46875], [0.04], [0.08125]]);
  });

  it.each([
    [
      'Daily volume',
      [
        ['Daily volume', [115, 35]],
        ['Daily limit', [100, 100]],
      ],
    ],
    [
      'Cumulative volume and monthly limit',
      [
        ['Cumulative volume', [115, 150]],
        ['Monthly limit', [1000, 1000]],
      ],
    ],
  ])('the sending-limit chart "%s" draws the usage against its limit', async (title, expected) => {
    const panel = allPanels(byUid.get(uidOfView('sending-limit'))!).find((p) => p.title === title)!;
    const [time, ...fields] = await shownFields(panel);
    expect(time[0]).toBe('Date');
    expect(fields).toEqual(expected);
  });
});
