import { createDataFrame, type DataFrame } from '@grafana/data';
import type { SendingLimitResponse } from '../../../contract/apiTypes';
import {
  LIMIT_COLUMN_FIELDS,
  SENDING_LIMIT_VIEW,
  type ColumnDefinition,
  type LimitColumnKey,
} from '../../../contract/views';
import { dayStartInZone } from '../timeZone';
import { columnField, pickColumns } from './fields';

// The configured limits, repeated on every row so a panel can draw them as lines next to the usage.
const [MONTHLY_LIMIT, DAILY_LIMIT] = pickColumns(SENDING_LIMIT_VIEW.limitColumns, ['monthlyLimit', 'dailyLimit']);

/** A limit column with its value (the answer's `limit` field it shows) on each of `rows` rows. */
function limitField(column: ColumnDefinition<LimitColumnKey>, response: SendingLimitResponse, rows: number) {
  const value = response.limit[LIMIT_COLUMN_FIELDS[column.key]];
  return columnField(column, new Array<number | null>(rows).fill(value));
}

/** One row per day of the months asked for: volume, cumulative volume within its month, the limits, share of the daily limit. */
export function limitDaysFrame(response: SendingLimitResponse, refId: string): DataFrame {
  const [date, volume, cumulative, dailyShare] = pickColumns(SENDING_LIMIT_VIEW.columns, [
    'date',
    'volume',
    'cumulative',
    'dailyShare',
  ]);
  const days = response.months.flatMap((month) => month.days).sort((a, b) => a.date.localeCompare(b.date));
  return createDataFrame({
    refId,
    name: SENDING_LIMIT_VIEW.title,
    fields: [
      columnField(
        date,
        days.map((day) => dayStartInZone(day.date, response.tz))
      ),
      columnField(
        volume,
        days.map((day) => day.volume)
      ),
      columnField(
        cumulative,
        days.map((day) => day.cumulative)
      ),
      limitField(MONTHLY_LIMIT, response, days.length),
      limitField(DAILY_LIMIT, response, days.length),
      columnField(
        dailyShare,
        days.map((day) => day.dailyShare)
      ),
    ],
  });
}

/** One summary row per month: used, remaining, share of the monthly limit, projection, the limit. */
export function limitMonthsFrame(response: SendingLimitResponse, refId: string): DataFrame {
  const months = [...response.months].sort((a, b) => a.month.localeCompare(b.month));
  return createDataFrame({
    refId,
    name: SENDING_LIMIT_VIEW.title,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      ...SENDING_LIMIT_VIEW.monthColumns.map((column) =>
        columnField(
          column,
          months.map((month) => month[column.key] ?? null)
        )
      ),
      limitField(MONTHLY_LIMIT, response, months.length),
    ],
  });
}
