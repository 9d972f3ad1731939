import { createDataFrame, DataFrameType, type DataFrame } from '@grafana/data';
import type { TimeViewResponse } from '../../../contract/apiTypes';
import { METRIC_DEFINITIONS, type MetricKey, type TimeViewDefinition } from '../../../contract/views';
import { bucketTimeField, columnField } from './fields';

/** The metrics a query shows: its choice within the view, in its order; none chosen means all of the view's. */
export function chosenMetrics(view: TimeViewDefinition, metrics: readonly MetricKey[] | undefined): MetricKey[] {
  const valid = (metrics ?? []).filter((metric) => view.metrics.includes(metric));
  return valid.length > 0 ? valid : [...view.metrics];
}

/**
 * One row: the backend's totals over the range for each chosen metric. Its rates are the
 * backend's (views.ts computeRates over the summed counts), so no panel divides counts itself.
 */
export function timeTotalsFrame(
  response: TimeViewResponse,
  view: TimeViewDefinition,
  metrics: readonly MetricKey[] | undefined,
  refId: string
): DataFrame {
  return createDataFrame({
    refId,
    name: `${view.title}, totals`,
    fields: chosenMetrics(view, metrics).map((metric) =>
      columnField(METRIC_DEFINITIONS[metric], [response.totals[metric] ?? null])
    ),
  });
}

/** One wide time series: the bucket start and a field per chosen metric (rates null where undefined). */
export function timeViewFrame(
  response: TimeViewResponse,
  view: TimeViewDefinition,
  metrics: readonly MetricKey[] | undefined,
  refId: string
): DataFrame {
  return createDataFrame({
    refId,
    name: view.title,
    meta: { type: DataFrameType.TimeSeriesWide },
    fields: [
      bucketTimeField(response.rows.map((row) => row.time)),
      ...chosenMetrics(view, metrics).map((metric) =>
        columnField(
          METRIC_DEFINITIONS[metric],
          response.rows.map((row) => row[metric] ?? null)
        )
      ),
    ],
  });
}
