import { FieldType, type FieldConfig } from '@grafana/data';
import type { ColumnDefinition, ValueUnit } from '../../../contract/views';

/** A field as createDataFrame takes it. */
export interface FieldInput {
  name: string;
  type: FieldType;
  values: unknown[];
  config: FieldConfig;
}

const FIELD_TYPES: Readonly<Record<ValueUnit, FieldType>> = {
  count: FieldType.number,
  percent: FieldType.number,
  time: FieldType.time,
  date: FieldType.time,
  month: FieldType.string,
  text: FieldType.string,
};

/** Grafana units: counts as plain numbers, rates (fractions 0..1) as percent. */
const GRAFANA_UNITS: Readonly<Partial<Record<ValueUnit, string>>> = {
  count: 'short',
  percent: 'percentunit',
};

/** A field for a view's column (or metric): named by its key, shown with the console's label. */
export function columnField(column: ColumnDefinition, values: unknown[]): FieldInput {
  const unit = GRAFANA_UNITS[column.unit];
  return {
    name: column.key,
    type: FIELD_TYPES[column.unit],
    values,
    config: unit ? { displayName: column.label, unit } : { displayName: column.label },
  };
}

/** The bucket-start field of a time series (ISO 8601 with offset -> epoch ms). */
export function bucketTimeField(isoTimes: string[]): FieldInput {
  return { name: 'time', type: FieldType.time, values: isoTimes.map((time) => Date.parse(time)), config: {} };
}

/** The columns of a view with these keys, in this order; a missing key is a programming error. */
export function pickColumns<Key extends string>(
  columns: ReadonlyArray<ColumnDefinition<Key>>,
  keys: readonly Key[]
): Array<ColumnDefinition<Key>> {
  return keys.map((key) => {
    const column = columns.find((candidate) => candidate.key === key);
    if (!column) {
      throw new Error(`No column "${key}" in the view definition`);
    }
    return column;
  });
}
