/**
 * Rules every shipped dashboard must follow. Each rule returns the problems it finds as
 * readable sentences (empty when the dashboard is fine), so a failing test names the panel,
 * target or link at fault. Query rules come from views.ts and types.ts, never from copies.
 */
import { standardTransformers } from '@grafana/data';
import { defaultDashboard } from '@grafana/schema';
import { FILTER_LABELS, INTERVALS, VIEWS, isViewId, type FilterKey, type ViewDefinition } from '../../contract/views';
import {
  APP_PLUGIN_ID,
  DATASOURCE_PLUGIN_ID,
  PROVISIONED_DATASOURCE_UID,
  type DistributionOutput,
  type LimitOutput,
  type MailQuery,
  type TimeOutput,
} from '../../src/datasource/types';
import { ALL_MARKER } from '../../contract/params';
import { FILTER_QUERY_KEYS, FILTER_VALUES_KINDS } from '../../src/datasource/filters';

export type Json = Record<string, unknown>;

/** Tag every shipped dashboard carries; the "dashboards" links list the dashboards with it. */
export const DASHBOARD_TAG = 'mail-delivery';
/** How a panel or target must name the data source: the dashboard's `datasource` variable. */
export const DATASOURCE_REF = { type: DATASOURCE_PLUGIN_ID, uid: '${datasource}' };
/** api.md: the sending-limit view counts back 1 to 3 months. */
const MAX_MONTHS = 3;
const GRID_COLUMNS = 24;

const DISTRIBUTION_OUTPUTS = { table: true, series: true } satisfies Record<DistributionOutput, true>;
const LIMIT_OUTPUTS = { days: true, months: true } satisfies Record<LimitOutput, true>;
const TIME_OUTPUTS = { series: true, totals: true } satisfies Record<TimeOutput, true>;

const QUERY_KEYS_OF_EVERY_VIEW = ['refId', 'datasource', 'hide', 'key', 'queryType', 'view', 'interval'];
const QUERY_KEYS_OF_SHAPE: Record<ViewDefinition['shape'], Array<keyof MailQuery>> = {
  time: ['metrics', 'timeOutput'],
  distribution: ['output'],
  limit: ['limitOutput', 'month', 'months'],
};

const TRANSFORMER_IDS = new Set(Object.values(standardTransformers).map((transformer) => transformer.id));
const PANEL_TYPES = new Set(['timeseries', 'stat', 'table', 'bargauge', 'piechart', 'gauge', 'text', 'row']);

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const isFilterKey = (name: string): name is FilterKey => Object.prototype.hasOwnProperty.call(FILTER_LABELS, name);
const show = (value: unknown) => JSON.stringify(value);

/** Top-level panels and the panels inside rows. */
export function allPanels(dashboard: Json): Json[] {
  return records(dashboard.panels).flatMap((panel) => [panel, ...records(panel.panels)]);
}

export const panelName = (panel: Json) => `panel ${show(panel.id)} "${String(panel.title)}"`;

export function variableNames(dashboard: Json): string[] {
  const templating = isRecord(dashboard.templating) ? dashboard.templating : {};
  return records(templating.list).map((variable) => String(variable.name));
}

/** Problems of one panel target as a MailQuery of the view it names. */
export function mailQueryProblems(query: Json): string[] {
  const { view } = query;
  if (typeof view !== 'string' || !isViewId(view)) {
    return [`view ${show(view)} is not one of ${Object.keys(VIEWS).join(', ')}`];
  }
  const definition = VIEWS[view];
  const problems: string[] = [];
  const allowedKeys = new Set<string>([
    ...QUERY_KEYS_OF_EVERY_VIEW,
    ...QUERY_KEYS_OF_SHAPE[definition.shape],
    ...(definition.shape === 'distribution' && definition.dimension === 'domain' ? ['top'] : []),
    ...definition.filters.map((filter) => FILTER_QUERY_KEYS[filter]),
  ]);
  for (const key of Object.keys(query).filter((name) => !allowedKeys.has(name))) {
    problems.push(`${key} is not a setting of the ${view} view`);
  }
  if (typeof query.refId !== 'string' || query.refId === '') {
    problems.push('refId is missing');
  }
  if (query.interval !== undefined && query.interval !== 'auto' && !INTERVALS.some((i) => i === query.interval)) {
    problems.push(`interval ${show(query.interval)} is not auto or one of ${INTERVALS.join(', ')}`);
  }
  for (const filter of definition.filters) {
    const values = query[FILTER_QUERY_KEYS[filter]];
    if (values !== undefined && !(Array.isArray(values) && values.every((v) => typeof v === 'string' && v !== ''))) {
      problems.push(`${FILTER_QUERY_KEYS[filter]} must be a list of non-empty strings, not ${show(values)}`);
    }
  }
  if (definition.shape === 'time' && query.metrics !== undefined) {
    const metrics = Array.isArray(query.metrics) ? query.metrics : [query.metrics];
    for (const metric of metrics.filter((m) => !definition.metrics.some((known) => known === m))) {
      problems.push(`metric ${show(metric)} is not a metric of the ${view} view`);
    }
  }
  if (query.output !== undefined && !Object.keys(DISTRIBUTION_OUTPUTS).includes(String(query.output))) {
    problems.push(`output ${show(query.output)} is not one of ${Object.keys(DISTRIBUTION_OUTPUTS).join(', ')}`);
  }
  if (query.timeOutput !== undefined && !Object.keys(TIME_OUTPUTS).includes(String(query.timeOutput))) {
    problems.push(`timeOutput ${show(query.timeOutput)} is not one of ${Object.keys(TIME_OUTPUTS).join(', ')}`);
  }
  if (query.top !== undefined && !(Number.isInteger(query.top) && Number(query.top) > 0)) {
    problems.push(`top ${show(query.top)} is not a positive whole number`);
  }
  if (query.limitOutput !== undefined && !Object.keys(LIMIT_OUTPUTS).includes(String(query.limitOutput))) {
    problems.push(`limitOutput ${show(query.limitOutput)} is not one of ${Object.keys(LIMIT_OUTPUTS).join(', ')}`);
  }
  if (
    query.months !== undefined &&
    !(Number.isInteger(query.months) && Number(query.months) >= 1 && Number(query.months) <= MAX_MONTHS)
  ) {
    problems.push(`months ${show(query.months)} is not a whole number from 1 to ${MAX_MONTHS}`);
  }
  if (query.month !== undefined && !/^(|\d{4}-(0[1-9]|1[0-2]))$/.test(String(query.month))) {
    problems.push(`month ${show(query.month)} is neither empty nor YYYY-MM`);
  }
  return problems;
}

/** The schema fields Grafana needs, at the schema version of the installed @grafana/schema. */
export function schemaProblems(dashboard: Json): string[] {
  const problems: string[] = [];
  if (typeof dashboard.uid !== 'string' || !/^[A-Za-z0-9_-]{8,40}$/.test(dashboard.uid)) {
    problems.push(`uid ${show(dashboard.uid)} is not 8 to 40 letters, digits, - or _`);
  }
  if (typeof dashboard.title !== 'string' || dashboard.title === '') {
    problems.push('title is missing');
  }
  if (dashboard.schemaVersion !== defaultDashboard.schemaVersion) {
    problems.push(
      `schemaVersion ${show(dashboard.schemaVersion)} is not the current ${defaultDashboard.schemaVersion}`
    );
  }
  if (!isRecord(dashboard.templating) || !Array.isArray(dashboard.templating.list)) {
    problems.push('templating.list is missing');
  }
  if (!Array.isArray(dashboard.panels) || dashboard.panels.length === 0) {
    problems.push('panels are missing');
  }
  if (!Array.isArray(dashboard.tags) || !dashboard.tags.includes(DASHBOARD_TAG)) {
    problems.push(`tags lack "${DASHBOARD_TAG}"`);
  }
  return problems;
}

/**
 * Panels have unique ids, known types and places on the 24-column grid; top-level panels do
 * not overlap (panels of a collapsed row may: they are placed when the row opens).
 */
export function layoutProblems(dashboard: Json): string[] {
  const problems: string[] = [];
  const topLevel = new Set(records(dashboard.panels));
  const seenIds = new Set<unknown>();
  const placed: Array<{ name: string; x: number; y: number; w: number; h: number }> = [];
  for (const panel of allPanels(dashboard)) {
    const name = panelName(panel);
    if (!Number.isInteger(panel.id) || seenIds.has(panel.id)) {
      problems.push(`${name}: id is missing or not unique`);
    }
    seenIds.add(panel.id);
    if (!PANEL_TYPES.has(String(panel.type))) {
      problems.push(`${name}: type ${show(panel.type)} is not a core panel type`);
    }
    const grid = isRecord(panel.gridPos) ? panel.gridPos : {};
    const [x, y, w, h] = [grid.x, grid.y, grid.w, grid.h].map(Number);
    if (![x, y, w, h].every(Number.isInteger) || x < 0 || y < 0 || w < 1 || h < 1 || x + w > GRID_COLUMNS) {
      problems.push(`${name}: gridPos ${show(panel.gridPos)} is not a place on the ${GRID_COLUMNS}-column grid`);
      continue;
    }
    if (!topLevel.has(panel)) {
      continue;
    }
    for (const other of placed.filter((o) => x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h)) {
      problems.push(`${name}: overlaps ${other.name}`);
    }
    placed.push({ name, x, y, w, h });
  }
  return problems;
}

/** Every data source reference is our type through the `datasource` variable; no numeric ids anywhere. */
export function datasourceProblems(dashboard: Json): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${path}[${index}]`));
      return;
    }
    if (!isRecord(node)) {
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'datasourceId' || (key === 'datasource' && !isRecord(value))) {
        problems.push(`${path}.${key} is ${show(value)}, not a reference to \${datasource}`);
      } else if (
        key === 'datasource' &&
        isRecord(value) &&
        (value.type !== DATASOURCE_REF.type || value.uid !== DATASOURCE_REF.uid || 'id' in value)
      ) {
        problems.push(`${path}.datasource is ${show(value)}, not ${show(DATASOURCE_REF)}`);
      }
      visit(value, `${path}.${key}`);
    }
  };
  visit(dashboard, 'dashboard');
  for (const panel of allPanels(dashboard).filter((p) => Array.isArray(p.targets))) {
    if (!isRecord(panel.datasource)) {
      problems.push(`${panelName(panel)} has targets but no datasource`);
    }
    records(panel.targets)
      .filter((target) => !isRecord(target.datasource))
      .forEach((target) => problems.push(`${panelName(panel)} target ${show(target.refId)} has no datasource`));
  }
  return problems;
}

/** Every target is a valid MailQuery. */
export function targetProblems(dashboard: Json): string[] {
  return allPanels(dashboard).flatMap((panel) =>
    records(panel.targets).flatMap((target) =>
      mailQueryProblems(target).map((problem) => `${panelName(panel)} target ${show(target.refId)}: ${problem}`)
    )
  );
}

/** Names of dashboard variables a text refers to ($name, ${name}, ${name:format}, [[name]]), Grafana's own excluded. */
export function referencedVariables(text: string): string[] {
  const names = [...text.matchAll(/\$\{(\w+)|\$(\w+)|\[\[(\w+)/g)].map((match) => match[1] ?? match[2] ?? match[3]);
  return [...new Set(names.filter((name) => !name.startsWith('__')))];
}

/**
 * The `datasource` variable lists our data sources and defaults to the provisioned one; filter
 * variables are multi-value query variables of our data source with All as `$__all`; every
 * variable is used and every variable used is defined.
 */
export function variableProblems(dashboard: Json): string[] {
  const problems: string[] = [];
  const templating = isRecord(dashboard.templating) ? dashboard.templating : {};
  const variables = records(templating.list);
  const defined = variables.map((variable) => String(variable.name));
  const usedText = JSON.stringify([dashboard.panels, dashboard.links]);
  const used = referencedVariables(usedText);

  const datasource = variables.find((variable) => variable.name === 'datasource');
  const current = isRecord(datasource?.current) ? datasource.current : {};
  if (datasource?.type !== 'datasource' || datasource.query !== DATASOURCE_PLUGIN_ID) {
    problems.push(`variable datasource is not a data source variable of type ${DATASOURCE_PLUGIN_ID}`);
  } else if (current.value !== PROVISIONED_DATASOURCE_UID) {
    problems.push(`variable datasource defaults to ${show(current.value)}, not ${PROVISIONED_DATASOURCE_UID}`);
  }
  for (const variable of variables) {
    const name = String(variable.name);
    if (!used.includes(name)) {
      problems.push(`variable ${name} is defined but not used`);
    }
    if (isFilterKey(name)) {
      problems.push(...filterVariableProblems(name, variable));
    }
  }
  for (const name of used.filter((n) => !defined.includes(n))) {
    problems.push(`variable ${name} is used but not defined`);
  }
  return problems;
}

function filterVariableProblems(name: FilterKey, variable: Json): string[] {
  const query = isRecord(variable.query) ? variable.query : {};
  const current = isRecord(variable.current) ? variable.current : {};
  const expected: Json = {
    type: 'query',
    label: FILTER_LABELS[name],
    multi: true,
    includeAll: true,
    allValue: ALL_MARKER,
    'query.kind': FILTER_VALUES_KINDS[name],
    'current.value': show([ALL_MARKER]),
  };
  const actual: Json = {
    ...variable,
    'query.kind': query.kind,
    'current.value': show(current.value),
  };
  const problems = Object.keys(expected)
    .filter((key) => actual[key] !== expected[key])
    .map((key) => `variable ${name}: ${key} is ${show(actual[key])}, not ${show(expected[key])}`);
  if (typeof query.refId !== 'string') {
    problems.push(`variable ${name}: query.refId is missing`);
  }
  return problems;
}

/** Every URL of a panel: panel links, field data links (defaults and overrides) and markdown links of text panels. */
export function panelUrls(panel: Json): string[] {
  const fieldConfig = isRecord(panel.fieldConfig) ? panel.fieldConfig : {};
  const defaults = isRecord(fieldConfig.defaults) ? fieldConfig.defaults : {};
  const overrideLinks = records(fieldConfig.overrides)
    .flatMap((override) => records(override.properties))
    .filter((property) => property.id === 'links')
    .flatMap((property) => records(property.value));
  const options = isRecord(panel.options) ? panel.options : {};
  const markdownUrls = [...String(options.content ?? '').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  return [...records(panel.links), ...records(defaults.links), ...overrideLinks]
    .map((link) => String(link.url ?? ''))
    .concat(markdownUrls);
}

/** Variables a dashboard URL sets: `var-name=` and `${name:queryparam}`. */
export function variablesSetBy(url: string): string[] {
  return [...url.matchAll(/[?&]var-(\w+)=|\$\{(\w+):queryparam\}/g)].map((match) => match[1] ?? match[2]);
}

/**
 * Links stay inside this Grafana: `/d/<uid>` names a shipped dashboard and sets only its
 * variables, `/a/<id>` names our app. `shipped` maps each shipped uid to its variable names.
 */
export function linkProblems(dashboard: Json, shipped: ReadonlyMap<string, readonly string[]>): string[] {
  const problems: string[] = [];
  const dashboardLinks = records(dashboard.links);
  const urls = [
    ...allPanels(dashboard).flatMap((panel) => panelUrls(panel).map((url) => ({ where: panelName(panel), url }))),
    ...dashboardLinks
      .filter((link) => link.type === 'link')
      .map((link) => ({ where: 'dashboard link', url: String(link.url) })),
  ];
  for (const { where, url } of urls) {
    const target = /^\/d\/([^/?]+)/.exec(url)?.[1];
    const app = /^\/a\/([^/?]+)/.exec(url)?.[1];
    if (target !== undefined) {
      const targetVariables = shipped.get(target);
      if (targetVariables === undefined) {
        problems.push(`${where}: ${url} opens ${target}, which is not a shipped dashboard`);
        continue;
      }
      for (const name of variablesSetBy(url).filter((n) => !targetVariables.includes(n))) {
        problems.push(`${where}: ${url} sets var-${name}, which ${target} does not have`);
      }
    } else if (app !== APP_PLUGIN_ID) {
      problems.push(`${where}: ${url} opens neither a shipped dashboard nor the ${APP_PLUGIN_ID} app`);
    }
  }
  for (const link of dashboardLinks.filter((l) => l.type === 'dashboards')) {
    if (show(link.tags) !== show([DASHBOARD_TAG])) {
      problems.push(`dashboard link "${String(link.title)}" lists tags ${show(link.tags)}, not ["${DASHBOARD_TAG}"]`);
    }
  }
  return problems;
}

/** Grafana silently skips a transformation it does not know, so a misspelt id would go unnoticed. */
export function transformationProblems(dashboard: Json): string[] {
  return allPanels(dashboard).flatMap((panel) =>
    records(panel.transformations)
      .filter((transformation) => !TRANSFORMER_IDS.has(String(transformation.id)))
      .map((transformation) => `${panelName(panel)}: transformation ${show(transformation.id)} does not exist`)
  );
}

/**
 * Transformations that compute values: a calculated field (e.g. a rate as the division of two
 * counts) or a reduction (e.g. totals as sums of the rows). The backend computes every rate and
 * total from views.ts; a dashboard that computes them again restates the formula, and breaks
 * silently when a label changes.
 */
const COMPUTING_TRANSFORMATIONS = new Set(['calculateField', 'reduce']);
/** Reductions a stat-like panel may apply to a frame: showing a value, never aggregating several. */
const SHOWING_CALCS = new Set(['lastNotNull', 'last', 'first', 'firstNotNull']);

/** No panel computes a rate or a total itself: it shows the backend's fields (timeOutput "totals" for a range's totals). */
export function restatedRateProblems(dashboard: Json): string[] {
  return allPanels(dashboard).flatMap((panel) => {
    const name = panelName(panel);
    const computing = records(panel.transformations)
      .filter((transformation) => COMPUTING_TRANSFORMATIONS.has(String(transformation.id)))
      .map((transformation) => `${name}: transformation ${show(transformation.id)} computes what the backend answers`);
    const options = isRecord(panel.options) ? panel.options : {};
    const reduce = isRecord(options.reduceOptions) ? options.reduceOptions : {};
    const calcs = Array.isArray(reduce.calcs) ? reduce.calcs.map(String) : [];
    const aggregating = calcs
      .filter((calc) => reduce.values !== true && !SHOWING_CALCS.has(calc))
      .map((calc) => `${name}: reduceOptions.calcs "${calc}" aggregates rows; query timeOutput "totals" instead`);
    return [...computing, ...aggregating];
  });
}

/** Field names a transformation refers to: kept or dropped fields, and the operands of a calculation. */
function fieldNamesInTransformation(transformation: Json): string[] {
  const options = isRecord(transformation.options) ? transformation.options : {};
  const listed = [options.include, options.exclude].filter(isRecord).flatMap((matcher) => matcher.names ?? []);
  const excluded = isRecord(options.excludeByName) ? Object.keys(options.excludeByName) : [];
  const binary = isRecord(options.binary) ? options.binary : {};
  const operands = [binary.left, binary.right]
    .filter(isRecord)
    .map((operand) => (isRecord(operand.matcher) ? operand.matcher.options : undefined));
  return [...listed, ...excluded, ...operands].filter((name): name is string => typeof name === 'string');
}

/** Grafana's field selector: `/regex/flags` or a name. */
function matchesFieldSelector(selector: string, name: string): boolean {
  const regex = /^\/(.*)\/([a-z]*)$/.exec(selector);
  return regex ? new RegExp(regex[1], regex[2]).test(name) : selector === name;
}

/**
 * Field names a panel refers to exist: names in transformations among the fields the data
 * source returns (or a calculation's result), names in overrides, sorting and reduce options
 * among the fields the panel shows.
 */
export function fieldNameProblems(panel: Json, queried: readonly string[], shown: readonly string[]): string[] {
  const name = panelName(panel);
  const transformations = records(panel.transformations);
  const calculated = transformations.map((t) => (isRecord(t.options) ? t.options.alias : undefined));
  const problems = transformations
    .flatMap(fieldNamesInTransformation)
    .filter((field) => !queried.includes(field) && !calculated.includes(field))
    .map((field) => `${name}: a transformation names field "${field}", which the data source does not return`);

  const fieldConfig = isRecord(panel.fieldConfig) ? panel.fieldConfig : {};
  const overrides = records(fieldConfig.overrides);
  const renamed = overrides
    .flatMap((override) => records(override.properties))
    .filter((property) => property.id === 'displayName')
    .map((property) => property.value);
  overrides
    .map((override) => (isRecord(override.matcher) ? override.matcher : {}))
    .filter((matcher) => matcher.id === 'byName' && !shown.includes(String(matcher.options)))
    .forEach((matcher) =>
      problems.push(`${name}: an override names field "${String(matcher.options)}", which the panel does not show`)
    );

  const options = isRecord(panel.options) ? panel.options : {};
  records(options.sortBy)
    .filter((sort) => !shown.includes(String(sort.displayName)) && !renamed.includes(sort.displayName))
    .forEach((sort) => problems.push(`${name}: sorts by "${String(sort.displayName)}", which the panel does not show`));
  const selector = isRecord(options.reduceOptions) ? String(options.reduceOptions.fields ?? '') : '';
  if (selector !== '' && !shown.some((field) => matchesFieldSelector(selector, field))) {
    problems.push(`${name}: reduceOptions.fields ${selector} selects no field the panel shows`);
  }
  return problems;
}

export function dashboardProblems(dashboard: Json, shipped: ReadonlyMap<string, readonly string[]>): string[] {
  return [
    ...schemaProblems(dashboard),
    ...layoutProblems(dashboard),
    ...datasourceProblems(dashboard),
    ...targetProblems(dashboard),
    ...variableProblems(dashboard),
    ...linkProblems(dashboard, shipped),
    ...transformationProblems(dashboard),
    ...restatedRateProblems(dashboard),
  ];
}
