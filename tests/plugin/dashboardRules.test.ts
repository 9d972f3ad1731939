import {
  DATASOURCE_REF,
  dashboardProblems,
  datasourceProblems,
  fieldNameProblems,
  layoutProblems,
  linkProblems,
  mailQueryProblems,
  referencedVariables,
  restatedRateProblems,
  schemaProblems,
  transformationProblems,
  variableProblems,
  variablesSetBy,
  type Json,
} from './dashboardRules';

const SHIPPED = new Map([
  ['mda-domains', ['datasource', 'template', 'domain', 'resultCode']],
  ['mda-sending-limit', ['datasource']],
]);

const templateVariable = () => ({
  name: 'template',
  label: 'Template',
  type: 'query',
  datasource: { ...DATASOURCE_REF },
  query: { refId: 'templateValues', kind: 'templates' },
  multi: true,
  includeAll: true,
  allValue: '$__all',
  current: { text: ['All'], value: ['$__all'] },
});

/** A small dashboard that breaks no rule; each test below breaks one. */
function validDashboard(): Json {
  return {
    uid: 'mda-example',
    title: 'Mail delivery · Example',
    schemaVersion: 42,
    tags: ['mail-delivery'],
    links: [
      { type: 'dashboards', title: 'Mail delivery', tags: ['mail-delivery'] },
      { type: 'link', title: 'Limits', url: '/d/mda-sending-limit?${datasource:queryparam}' },
    ],
    templating: {
      list: [
        {
          name: 'datasource',
          type: 'datasource',
          query: DATASOURCE_REF.type,
          current: { value: 'mail-delivery-analytics' },
        },
        templateVariable(),
      ],
    },
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'Counts',
        gridPos: { x: 0, y: 0, w: 12, h: 8 },
        datasource: { ...DATASOURCE_REF },
        targets: [
          {
            refId: 'A',
            datasource: { ...DATASOURCE_REF },
            view: 'request-date',
            metrics: ['requestCount', 'deliveryRate'],
            interval: 'auto',
            templates: ['$template'],
          },
        ],
        transformations: [{ id: 'organize', options: {} }],
      },
      {
        id: 2,
        type: 'table',
        title: 'Domains',
        gridPos: { x: 12, y: 0, w: 12, h: 8 },
        datasource: { ...DATASOURCE_REF },
        fieldConfig: {
          defaults: {},
          overrides: [
            {
              matcher: { id: 'byName', options: 'Domain' },
              properties: [
                { id: 'links', value: [{ title: 'Codes', url: '/d/mda-domains?var-domain=${__value.raw}' }] },
              ],
            },
          ],
        },
        targets: [{ refId: 'A', datasource: { ...DATASOURCE_REF }, view: 'domains', output: 'table', top: 10 }],
      },
    ],
  };
}

type Panel = Json & { targets: Json[]; gridPos: Json; fieldConfig: { overrides: Json[] } };
const panelsOf = (dashboard: Json) => dashboard.panels as Panel[];
const variablesOf = (dashboard: Json) => (dashboard.templating as { list: Json[] }).list;

describe('dashboardProblems', () => {
  it('finds nothing wrong with a valid dashboard', () => {
    expect(dashboardProblems(validDashboard(), SHIPPED)).toEqual([]);
  });
});

describe('mailQueryProblems', () => {
  const query = (fields: Json): Json => ({ refId: 'A', interval: 'auto', ...fields });

  it('accepts each view with the settings of its shape', () => {
    expect(mailQueryProblems(query({ view: 'send-date', metrics: ['openRate'], domains: ['$domain'] }))).toEqual([]);
    expect(mailQueryProblems(query({ view: 'result-codes', output: 'series', resultCodes: ['MAIL_SENT'] }))).toEqual(
      []
    );
    expect(
      mailQueryProblems(query({ view: 'sending-limit', limitOutput: 'days', months: 3, month: '2026-03' }))
    ).toEqual([]);
    expect(mailQueryProblems(query({ view: 'sending-limit', month: '', interval: '1M' }))).toEqual([]);
  });

  it('refuses an unknown view', () => {
    expect(mailQueryProblems(query({ view: 'by-weather' }))).toEqual([
      'view "by-weather" is not one of request-date, send-date, domains, result-codes, sending-limit',
    ]);
  });

  it('refuses a metric of another view and settings of another shape', () => {
    expect(mailQueryProblems(query({ view: 'send-date', metrics: ['requestCount'], output: 'table' }))).toEqual([
      'output is not a setting of the send-date view',
      'metric "requestCount" is not a metric of the send-date view',
    ]);
  });

  it('refuses a filter the view does not allow', () => {
    expect(mailQueryProblems(query({ view: 'request-date', resultCodes: ['$resultCode'] }))).toEqual([
      'resultCodes is not a setting of the request-date view',
    ]);
    expect(mailQueryProblems(query({ view: 'sending-limit', templates: ['$template'] }))).toEqual([
      'templates is not a setting of the sending-limit view',
    ]);
  });

  it('refuses top outside the domains view', () => {
    expect(mailQueryProblems(query({ view: 'result-codes', top: 5 }))).toEqual([
      'top is not a setting of the result-codes view',
    ]);
  });

  it('refuses bad values', () => {
    expect(
      mailQueryProblems({
        view: 'domains',
        interval: '5m',
        templates: '$template',
        domains: [''],
        output: 'pie',
        top: 2.5,
      })
    ).toEqual([
      'refId is missing',
      'interval "5m" is not auto or one of 1h, 1d, 1w, 1M',
      'templates must be a list of non-empty strings, not "$template"',
      'domains must be a list of non-empty strings, not [""]',
      'output "pie" is not one of table, series',
      'top 2.5 is not a positive whole number',
    ]);
    expect(
      mailQueryProblems(query({ view: 'sending-limit', limitOutput: 'weeks', months: 4, month: '2026-13' }))
    ).toEqual([
      'limitOutput "weeks" is not one of days, months',
      'months 4 is not a whole number from 1 to 3',
      'month "2026-13" is neither empty nor YYYY-MM',
    ]);
  });
});

describe('schemaProblems', () => {
  it('names each missing schema field', () => {
    expect(schemaProblems({ uid: 'short', schemaVersion: 39, tags: [], panels: [] })).toEqual([
      'uid "short" is not 8 to 40 letters, digits, - or _',
      'title is missing',
      'schemaVersion 39 is not the current 42',
      'templating.list is missing',
      'panels are missing',
      'tags lack "mail-delivery"',
    ]);
  });
});

describe('layoutProblems', () => {
  it('finds duplicate ids, places off the grid and overlaps', () => {
    const dashboard = validDashboard();
    const [first, second] = panelsOf(dashboard);
    second.id = 1;
    second.gridPos = { x: 6, y: 4, w: 12, h: 8 };
    const third = { ...second, id: 3, title: 'Wide', gridPos: { x: 20, y: 20, w: 6, h: 4 } };
    const fourth = { ...first, id: 4, type: 'graph', title: 'Old', gridPos: { x: 0, y: 30, w: 4, h: 4 } };
    dashboard.panels = [first, second, third, fourth];
    expect(layoutProblems(dashboard)).toEqual([
      'panel 1 "Domains": id is missing or not unique',
      'panel 1 "Domains": overlaps panel 1 "Counts"',
      'panel 3 "Wide": gridPos {"x":20,"y":20,"w":6,"h":4} is not a place on the 24-column grid',
      'panel 4 "Old": type "graph" is not a core panel type',
    ]);
  });

  it('checks the ids and places of panels inside a collapsed row, which may overlap the others', () => {
    const dashboard = validDashboard();
    const [first, second] = panelsOf(dashboard);
    const row = { id: 9, type: 'row', title: 'Row', gridPos: { x: 0, y: 8, w: 24, h: 1 }, collapsed: true };
    const inRow = [
      { ...second, id: 1, gridPos: { x: 0, y: 0, w: 12, h: 8 } },
      { ...second, id: 10, gridPos: { x: 0, y: 9, w: 25, h: 8 } },
    ];
    dashboard.panels = [first, { ...row, panels: inRow }];
    expect(layoutProblems(dashboard)).toEqual([
      'panel 1 "Domains": id is missing or not unique',
      'panel 10 "Domains": gridPos {"x":0,"y":9,"w":25,"h":8} is not a place on the 24-column grid',
    ]);
  });
});

describe('datasourceProblems', () => {
  it('refuses hard-coded uids, numeric ids, names and missing references', () => {
    const dashboard = validDashboard();
    const [first, second] = panelsOf(dashboard);
    first.datasource = { type: DATASOURCE_REF.type, uid: 'mail-delivery-analytics' };
    first.targets[0].datasource = 3;
    second.targets[0].datasourceId = 3;
    delete second.datasource;
    variablesOf(dashboard)[1].datasource = 'Mail delivery';
    expect(datasourceProblems(dashboard)).toEqual([
      'dashboard.templating.list[1].datasource is "Mail delivery", not a reference to ${datasource}',
      'dashboard.panels[0].datasource is {"type":"maildelivery-maildeliveryanalytics-datasource","uid":"mail-delivery-analytics"}, not {"type":"maildelivery-maildeliveryanalytics-datasource","uid":"${datasource}"}',
      'dashboard.panels[0].targets[0].datasource is 3, not a reference to ${datasource}',
      'dashboard.panels[1].targets[0].datasourceId is 3, not a reference to ${datasource}',
      'panel 1 "Counts" target "A" has no datasource',
      'panel 2 "Domains" has targets but no datasource',
    ]);
  });

  it('refuses another plugin type and an id beside the uid', () => {
    const dashboard = validDashboard();
    panelsOf(dashboard)[0].datasource = { type: 'prometheus', uid: '${datasource}' };
    panelsOf(dashboard)[1].datasource = { ...DATASOURCE_REF, id: 7 };
    expect(datasourceProblems(dashboard)).toEqual([
      'dashboard.panels[0].datasource is {"type":"prometheus","uid":"${datasource}"}, not {"type":"maildelivery-maildeliveryanalytics-datasource","uid":"${datasource}"}',
      'dashboard.panels[1].datasource is {"type":"maildelivery-maildeliveryanalytics-datasource","uid":"${datasource}","id":7}, not {"type":"maildelivery-maildeliveryanalytics-datasource","uid":"${datasource}"}',
    ]);
  });
});

describe('referencedVariables', () => {
  it('finds every syntax of a variable and skips Grafana globals', () => {
    expect(referencedVariables('$a ${b} ${c:queryparam} [[d]] ${__url_time_range} ${__value.raw} $__all $a')).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});

describe('variableProblems', () => {
  it('refuses a data source variable of another type or default', () => {
    const dashboard = validDashboard();
    variablesOf(dashboard)[0].current = { value: 'P1234' };
    expect(variableProblems(dashboard)).toEqual([
      'variable datasource defaults to "P1234", not mail-delivery-analytics',
    ]);
    variablesOf(dashboard)[0].query = 'influxdb';
    expect(variableProblems(dashboard)).toEqual([
      'variable datasource is not a data source variable of type maildelivery-maildeliveryanalytics-datasource',
    ]);
  });

  it('refuses a filter variable that is not multi-value with All as $__all', () => {
    const dashboard = validDashboard();
    variablesOf(dashboard)[1] = {
      ...templateVariable(),
      label: 'Templates',
      multi: false,
      allValue: '.*',
      query: { kind: 'domains' },
      current: { text: 'welcome', value: 'welcome' },
    };
    expect(variableProblems(dashboard)).toEqual([
      'variable template: label is "Templates", not "Template"',
      'variable template: multi is false, not true',
      'variable template: allValue is ".*", not "$__all"',
      'variable template: query.kind is "domains", not "templates"',
      'variable template: current.value is "\\"welcome\\"", not "[\\"$__all\\"]"',
      'variable template: query.refId is missing',
    ]);
  });

  it('refuses unused and undefined variables', () => {
    const dashboard = validDashboard();
    panelsOf(dashboard)[0].targets[0].templates = ['$templates'];
    expect(variableProblems(dashboard)).toEqual([
      'variable template is defined but not used',
      'variable templates is used but not defined',
    ]);
  });
});

describe('variablesSetBy', () => {
  it('reads var- parameters and queryparam formats', () => {
    expect(variablesSetBy('/d/x?${__url_time_range}&${datasource:queryparam}&var-domain=${__value.raw}')).toEqual([
      'datasource',
      'domain',
    ]);
  });
});

describe('linkProblems', () => {
  it('refuses links to unknown dashboards, variables the target lacks, and other places', () => {
    const dashboard = validDashboard();
    const [first, second] = panelsOf(dashboard);
    first.links = [{ title: 'Gone', url: '/d/mda-gone?var-template=a' }];
    second.fieldConfig.overrides[0].properties = [
      { id: 'links', value: [{ title: 'Limits', url: '/d/mda-sending-limit?${template:queryparam}&var-domain=x' }] },
    ];
    (dashboard.links as Json[]).push({ type: 'link', title: 'Web', url: 'https://example.com/' });
    (dashboard.links as Json[])[0].tags = [];
    dashboard.panels = [
      first,
      second,
      {
        id: 3,
        type: 'text',
        title: 'Text',
        gridPos: { x: 0, y: 8, w: 6, h: 4 },
        options: { content: '[Change](/a/other-app/limit-change)' },
      },
    ];
    expect(linkProblems(dashboard, SHIPPED)).toEqual([
      'panel 1 "Counts": /d/mda-gone?var-template=a opens mda-gone, which is not a shipped dashboard',
      'panel 2 "Domains": /d/mda-sending-limit?${template:queryparam}&var-domain=x sets var-template, which mda-sending-limit does not have',
      'panel 2 "Domains": /d/mda-sending-limit?${template:queryparam}&var-domain=x sets var-domain, which mda-sending-limit does not have',
      'panel 3 "Text": /a/other-app/limit-change opens neither a shipped dashboard nor the maildelivery-maildeliveryanalytics-app app',
      'dashboard link: https://example.com/ opens neither a shipped dashboard nor the maildelivery-maildeliveryanalytics-app app',
      'dashboard link "Mail delivery" lists tags [], not ["mail-delivery"]',
    ]);
  });
});

describe('transformationProblems', () => {
  it('refuses a transformation Grafana does not have', () => {
    const dashboard = validDashboard();
    panelsOf(dashboard)[0].transformations = [{ id: 'organize' }, { id: 'calculateFields' }];
    expect(transformationProblems(dashboard)).toEqual([
      'panel 1 "Counts": transformation "calculateFields" does not exist',
    ]);
  });
});

describe('restatedRateProblems', () => {
  it('refuses a rate divided in the panel, totals reduced from rows and a stat summing rows', () => {
    const dashboard = validDashboard();
    const [panel] = panelsOf(dashboard);
    panel.transformations = [
      { id: 'reduce', options: { mode: 'reduceFields', reducers: ['sum'] } },
      {
        id: 'calculateField',
        options: { mode: 'binary', binary: { left: 'Sent count', operator: '/', right: 'Request count' } },
      },
      { id: 'organize', options: {} },
    ];
    panel.options = { reduceOptions: { calcs: ['sum', 'lastNotNull'], values: false } };
    expect(restatedRateProblems(dashboard)).toEqual([
      'panel 1 "Counts": transformation "reduce" computes what the backend answers',
      'panel 1 "Counts": transformation "calculateField" computes what the backend answers',
      'panel 1 "Counts": reduceOptions.calcs "sum" aggregates rows; query timeOutput "totals" instead',
    ]);
  });

  it('lets a panel show each value (bar gauges of a table) or the last one', () => {
    const dashboard = validDashboard();
    panelsOf(dashboard)[0].options = { reduceOptions: { calcs: ['sum'], values: true } };
    expect(restatedRateProblems(dashboard)).toEqual([]);
  });
});

describe('fieldNameProblems', () => {
  const panel = {
    id: 4,
    title: 'Rates',
    transformations: [
      { id: 'organize', options: { excludeByName: { Share: true } } },
      {
        id: 'calculateField',
        options: {
          alias: 'Delivery rate',
          binary: { left: { matcher: { id: 'byName', options: 'Sent' } }, right: { fixed: '2' } },
        },
      },
      { id: 'filterFieldsByName', options: { include: { names: ['Delivery rate'] }, exclude: { names: ['Gone'] } } },
    ],
    fieldConfig: {
      overrides: [
        { matcher: { id: 'byName', options: 'Delivery rate' }, properties: [{ id: 'displayName', value: 'Rate' }] },
        { matcher: { id: 'byName', options: 'Open rate' }, properties: [] },
        { matcher: { id: 'byType', options: 'time' }, properties: [] },
      ],
    },
    options: { sortBy: [{ displayName: 'Rate' }, { displayName: 'Time' }], reduceOptions: { fields: '/^Bounce/' } },
  };

  it('accepts names of queried, calculated, shown and renamed fields', () => {
    const fixed = {
      ...panel,
      options: { sortBy: [{ displayName: 'Rate' }], reduceOptions: { fields: '/^delivery/i' } },
    };
    fixed.fieldConfig = { overrides: [panel.fieldConfig.overrides[0]] };
    fixed.transformations = panel.transformations.slice(0, 2);
    expect(fieldNameProblems(fixed, ['Share', 'Sent count', 'Sent'], ['Delivery rate'])).toEqual([]);
  });

  it('names every field the panel refers to but does not get', () => {
    expect(fieldNameProblems(panel, ['Share', 'Sent count'], ['Delivery rate'])).toEqual([
      'panel 4 "Rates": a transformation names field "Sent", which the data source does not return',
      'panel 4 "Rates": a transformation names field "Gone", which the data source does not return',
      'panel 4 "Rates": an override names field "Open rate", which the panel does not show',
      'panel 4 "Rates": sorts by "Time", which the panel does not show',
      'panel 4 "Rates": reduceOptions.fields /^Bounce/ selects no field the panel shows',
    ]);
  });
});
