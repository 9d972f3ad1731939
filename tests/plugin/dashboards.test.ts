/**
 * The dashboards shipped in src/dashboards: valid for the current Grafana schema, every
 * target a MailQuery of views.ts, every link inside the shipped set, every view covered.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  applyFieldOverrides,
  createTheme,
  getFieldDisplayName,
  type DataFrame,
  type Field,
  type FieldConfigSource,
  type InterpolateFunction,
} from '@grafana/data';
import {
  COUNT_METRICS,
  METRIC_DEFINITIONS,
  OTHER_DOMAINS,
  RATE_METRICS,
  VIEWS,
  VIEW_IDS,
  computeRates,
  type TimeViewDefinition,
  type ViewId,
} from '../../contract/views';
import type { TimeViewResponse } from '../../contract/apiTypes';
import { APP_PLUGIN_ID, type MailQuery } from '../../src/datasource/types';
import {
  DASHBOARD_TAG,
  allPanels,
  dashboardProblems,
  fieldNameProblems,
  isRecord,
  panelName,
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
  // Grafana's template service resolves ${__value.raw} from the link's data context; the rest stays as written.
  const replaceVariables: InterpolateFunction = (text, scopedVars) => {
    const context = scopedVars?.__dataContext?.value as { field: Field; rowIndex: number } | undefined;
    return text.replace(/\$\{__value\.raw\}/g, () => String(context?.field.values[context.rowIndex]));
  };
  /** The links a table cell of each row offers: Grafana's getCellLinks keeps those with an href. */
  async function rowLinks(id: ViewId) {
    const tablePanel = allPanels(byUid.get(uidOfView(id))!).find((panel) => panel.type === 'table')!;
    const { shown } = await panelData(tablePanel, SAMPLE_RESPONSES);
    const [frame] = applyFieldOverrides({
      data: shown,
      fieldConfig: tablePanel.fieldConfig as FieldConfigSource,
      replaceVariables,
      theme: createTheme(),
    });
    const dimension = frame.fields.find((field) => field.name === VIEWS[id].columns[0].key)!;
    return dimension.values.map((value, row) => [
      value,
      dimension.getLinks!({ valueRowIndex: row })
        .filter((link) => link.href)
        .map((link) => link.href),
    ]);
  }
  const rangeVariables = '${__url_time_range}&${datasource:queryparam}&${template:queryparam}';

  it('a domain opens the result codes filtered to it; (other), which no filter selects, has no link', async () => {
    expect(await rowLinks('domains')).toEqual([
      ['a.example', [`/d/mda-result-codes?${rangeVariables}&var-domain=a.example`]],
      [OTHER_DOMAINS, []],
    ]);
  });

  it('a result code opens the domains filtered to it', async () => {
    expect(await rowLinks('result-codes')).toEqual([
      ['MAIL_SENT', [`/d/mda-domains?${rangeVariables}&var-resultCode=MAIL_SENT`]],
      ['MAILBOX_ERROR', [`/d/mda-domains?${rangeVariables}&var-resultCode=MAILBOX_ERROR`]],
    ]);
  });

  it.each(files)('%s sets no drill-down link of its own (the frames carry them)', (name) => {
    expect(JSON.stringify(dashboards.get(name)).includes('${__value.raw}')).toBe(false);
  });
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

  it.each(ratePanels)('%s shows every rate of its view as the backend computed it', async (_name, panel) => {
    const view = VIEWS[(panel.targets as MailQuery[])[0].view] as TimeViewDefinition;
    const rates = computeRates(summedCounts(DAY_COUNTS));
    const viewRates = RATE_METRICS.filter((rate) => view.metrics.includes(rate));
    expect(await shownFields(panel)).toEqual(viewRates.map((rate) => [METRIC_DEFINITIONS[rate].label, [rates[rate]]]));
  });

  const totalsPanels = panels.filter(([, panel]) => ['Totals', 'Rates over the range'].includes(String(panel.title)));

  it.each(totalsPanels)('%s shows the totals field of the answer, not a figure of its own', async (_name, panel) => {
    const [target] = panel.targets as MailQuery[];
    const view = VIEWS[target.view] as TimeViewDefinition;
    const sample = SAMPLE_RESPONSES[target.view] as TimeViewResponse;
    // Totals no row sum or division gives: a panel computing anything itself cannot show them.
    const marked = Object.fromEntries(view.metrics.map((metric, index) => [metric, 1000 + index]));
    const { shown } = await panelData(panel, { ...SAMPLE_RESPONSES, [target.view]: { ...sample, totals: marked } });
    const values = shown.flatMap((frame) => frame.fields.map((field) => [field.name, field.values]));
    expect(values).toEqual((target.metrics ?? []).map((metric) => [metric, [marked[metric]]]));
  });

  it.each(panels.filter(([, panel]) => panel.title === 'Totals'))(
    "%s shows every count of its view, in the view's order",
    (_name, panel) => {
      const [target] = panel.targets as MailQuery[];
      const view = VIEWS[target.view] as TimeViewDefinition;
      expect(target.metrics).toEqual(COUNT_METRICS.filter((metric) => view.metrics.includes(metric)));
    }
  );

  const metricsOf = (panel: Json) => (panel.targets as MailQuery[]).flatMap((target) => target.metrics ?? []);
  const complaintPanels = panels.filter(([, panel]) => metricsOf(panel).includes('complaintRate'));
  /** Where mailbox providers start to act on spam complaints (warning) and block (critical), as fractions of sent mail. */
  const COMPLAINT_RATE = METRIC_DEFINITIONS.complaintRate.label;
  const COMPLAINT_LEVELS = [
    { color: 'green', value: null },
    { color: 'orange', value: 0.001 },
    { color: 'red', value: 0.003 },
  ];

  it('show the complaint rate on the overview and both time views, over the range and over time', () => {
    expect(complaintPanels.map(([name]) => name).sort()).toEqual(
      [
        'mda-overview panel 2 "Rates over the range"',
        'mda-request-date panel 2 "Rates over the range"',
        'mda-request-date panel 6 "Complaint rate"',
        'mda-request-date panel 5 "Counts and rates"',
        'mda-send-date panel 2 "Rates over the range"',
        'mda-send-date panel 5 "Counts and rates"',
        'mda-send-date panel 6 "Complaint rate"',
      ].sort()
    );
  });

  /** A field setting as a panel sets it: its last by-name override for the field, else its default. */
  function fieldSetting(panel: Json, displayName: string, path: string): unknown {
    const { defaults, overrides } = panel.fieldConfig as FieldConfigSource;
    const set = overrides
      .filter((override) => override.matcher.id === 'byName' && override.matcher.options === displayName)
      .flatMap((override) => override.properties)
      .filter((property) => property.id === path);
    return set.length > 0
      ? set[set.length - 1].value
      : path.split('.').reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), defaults);
  }

  it.each(complaintPanels)('%s colours the complaint rate at 0.1 % and 0.3 %', async (_name, panel) => {
    const { shown } = await panelData(panel, SAMPLE_RESPONSES);
    expect(displayNames(shown)).toContain(COMPLAINT_RATE);
    const setting = (path: string) => fieldSetting(panel, COMPLAINT_RATE, path);
    expect(setting('thresholds')).toEqual({ mode: 'absolute', steps: COMPLAINT_LEVELS });
    const colouring = {
      stat: ['color', { mode: 'thresholds' }],
      table: ['custom.cellOptions', { type: 'color-text' }],
      timeseries: ['custom.thresholdsStyle', { mode: 'dashed+area' }],
    }[String(panel.type)]!;
    expect([colouring[0], setting(String(colouring[0]))]).toEqual(colouring);
  });

  it.each(panels.filter(([, panel]) => metricsOf(panel).includes('openedCount')))(
    '%s shows machine opens next to opens and says they are not in opens',
    (_name, panel) => {
      const metrics = metricsOf(panel);
      expect(metrics[metrics.indexOf('openedCount') + 1]).toBe('machineOpenedCount');
      expect(String(panel.description)).toContain(
        'Apple Mail Privacy Protection), not by a person; they are not in Opened count or the open rate.'
      );
    }
  );

  it('give the hand-computed request-date rates', async () => {
    const [, panel] = ratePanels.find(([name]) => name.startsWith('mda-request-date'))!;
    // sent 160 / requested 200, opened 75 / sent 160, unsubscribed 3 / opened 75, bounced 13 / sent 160,
    // complained 1 / sent 160
    expect((await shownFields(panel)).map(([, values]) => values)).toEqual([
      [0.8],
      [0.46875],
      [0.04],
      [0.08125],
      [0.00625],
    ]);
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
