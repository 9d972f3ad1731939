import React from 'react';
import { InlineField, MultiCombobox, RadioButtonGroup } from '@grafana/ui';
import { METRIC_DEFINITIONS, type MetricKey, type TimeViewDefinition } from '../../../contract/views';
import { FilterFields } from '../components/FilterFields';
import { IntervalField } from '../components/IntervalField';
import { LABEL_WIDTH } from '../components/layout';
import type { ViewEditorProps } from '../components/viewEditorProps';
import type { TimeOutput } from '../types';

const OUTPUT_OPTIONS: Array<{ label: string; value: TimeOutput }> = [
  { label: 'Series over time', value: 'series' },
  { label: 'Totals over the range', value: 'totals' },
];

/** By request date / by send date: which counts and rates, per bucket or totals, bucket size, filters. */
export function TimeViewEditor(props: ViewEditorProps<TimeViewDefinition>) {
  const { view, query, onChange } = props;
  const metricOptions = view.metrics.map((metric) => ({
    value: metric,
    label: METRIC_DEFINITIONS[metric].label,
    description: METRIC_DEFINITIONS[metric].description,
  }));
  // Metrics kept from another view are not this view's: show (and send) only this view's.
  const chosen = (query.metrics ?? []).filter((metric) => view.metrics.includes(metric));
  const output = query.timeOutput ?? 'series';
  return (
    <>
      <InlineField label="Output" labelWidth={LABEL_WIDTH}>
        <RadioButtonGroup
          options={OUTPUT_OPTIONS}
          value={output}
          onChange={(value) => onChange({ ...query, timeOutput: value })}
        />
      </InlineField>
      <InlineField label="Metrics" labelWidth={LABEL_WIDTH} tooltip="None chosen: every metric of the view">
        <MultiCombobox<MetricKey>
          aria-label="Metrics"
          options={metricOptions}
          value={chosen}
          onChange={(options) => onChange({ ...query, metrics: options.map((option) => option.value) })}
          placeholder="All metrics"
          width={60}
        />
      </InlineField>
      {output === 'series' && (
        <IntervalField value={query.interval} onChange={(interval) => onChange({ ...query, interval })} />
      )}
      <FilterFields {...props} />
    </>
  );
}
