import { createDataFrame, DataFrameType, type DataFrame } from '@grafana/data';
import type { DomainsResponse, ResultCodesResponse } from '../../../backend/domain/apiTypes';
import type { DistributionViewDefinition } from '../../../backend/domain/views';
import { bucketTimeField, columnField, pickColumns } from './fields';

export type DistributionResponse = DomainsResponse | ResultCodesResponse;

// Rows and series entries keyed by the view's dimension ('domain' or 'resultCode').
type Keyed = Record<string, unknown>;

/** One row per domain (or result code, with its class): count and share of the total. */
export function distributionTableFrame(
  response: DistributionResponse,
  view: DistributionViewDefinition,
  refId: string
): DataFrame {
  const rows: Keyed[] = response.rows;
  return createDataFrame({
    refId,
    name: view.title,
    meta: { preferredVisualisationType: 'table' },
    fields: view.columns.map((column) =>
      columnField(
        column,
        rows.map((row) => row[column.key] ?? null)
      )
    ),
  });
}

/** A wide time series with one count field per row of the table ((other) included), in the table's order. */
export function distributionSeriesFrame(
  response: DistributionResponse,
  view: DistributionViewDefinition,
  refId: string
): DataFrame {
  const [countColumn] = pickColumns(view.columns, ['count']);
  const names = response.rows.map((row: Keyed) => String(row[view.dimension]));
  const times = Array.from(new Set(response.series.map((entry) => entry.time)));
  const counts = new Map<string, number>();
  for (const entry of response.series as Keyed[]) {
    counts.set(`${entry.time}\u0000${entry[view.dimension]}`, entry.count as number);
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
