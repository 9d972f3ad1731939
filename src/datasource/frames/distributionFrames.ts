import { createDataFrame, DataFrameType, type DataFrame, type DataLink } from '@grafana/data';
import type { DomainsResponse, ResultCodesResponse } from '../../../contract/apiTypes';
import { OTHER_DOMAINS, VIEWS, type DistributionViewDefinition } from '../../../contract/views';
import { viewDashboardUid } from '../types';
import { bucketTimeField, columnField, pickColumns } from './fields';

export type DistributionResponse = DomainsResponse | ResultCodesResponse;

// Rows and series entries are read by column key or by the view's dimension ('domain' or 'resultCode').
const valueAt = (entry: object, key: string): unknown => (entry as Record<string, unknown>)[key];

/**
 * The drill-down from a row (views.ts drillDown): the other view's dashboard filtered to the
 * row's value, same range, data source and templates. None from (other): it sums many domains
 * and no filter value selects it. Grafana drops a link whose URL builds to "" (getCellLinks in
 * @grafana/ui's table keeps links with an href), so onBuildUrl gives "" for that row.
 */
export function drillDownLinks(view: DistributionViewDefinition): DataLink[] {
  const { view: target, filter } = view.drillDown;
  const url =
    `/d/${viewDashboardUid(target)}?\${__url_time_range}&\${datasource:queryparam}&\${template:queryparam}` +
    `&var-${filter}=\${__value.raw}`;
  return [
    {
      title: `${VIEWS[target].title} for \${__value.raw}`,
      url,
      onBuildUrl: ({ replaceVariables }) => (replaceVariables?.('${__value.raw}') === OTHER_DOMAINS ? '' : url),
    },
  ];
}

/** One row per domain (or result code, with its class): count and share of the total; rows link to the other view. */
export function distributionTableFrame(
  response: DistributionResponse,
  view: DistributionViewDefinition,
  refId: string
): DataFrame {
  const rows: readonly object[] = response.rows;
  return createDataFrame({
    refId,
    name: view.title,
    meta: { preferredVisualisationType: 'table' },
    fields: view.columns.map((column) => {
      const field = columnField(
        column,
        rows.map((row) => valueAt(row, column.key) ?? null)
      );
      return column.key === view.dimension
        ? { ...field, config: { ...field.config, links: drillDownLinks(view) } }
        : field;
    }),
  });
}

/** A wide time series with one count field per row of the table ((other) included), in the table's order. */
export function distributionSeriesFrame(
  response: DistributionResponse,
  view: DistributionViewDefinition,
  refId: string
): DataFrame {
  const [countColumn] = pickColumns(view.columns, ['count']);
  const rows: readonly object[] = response.rows;
  const series: ReadonlyArray<{ time: string; count: number }> = response.series;
  const names = rows.map((row) => String(valueAt(row, view.dimension)));
  const times = Array.from(new Set(series.map((entry) => entry.time)));
  const counts = new Map<string, number>();
  for (const entry of series) {
    counts.set(`${entry.time}\u0000${valueAt(entry, view.dimension)}`, entry.count);
  }
  return createDataFrame({
    refId,
    name: view.title,
    meta: { type: DataFrameType.TimeSeriesWide },
    fields: [
      bucketTimeField(times),
      ...names.map((name) =>
        columnField(
          { ...countColumn, key: name, label: name },
          times.map((time) => counts.get(`${time}\u0000${name}`) ?? null)
        )
      ),
    ],
  });
}
