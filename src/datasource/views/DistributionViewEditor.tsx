import React from 'react';
import { InlineField, RadioButtonGroup } from '@grafana/ui';
import { takesTop } from '../../../contract/params';
import type { DistributionViewDefinition } from '../../../contract/views';
import { FilterFields } from '../components/FilterFields';
import { IntervalField } from '../components/IntervalField';
import { LABEL_WIDTH } from '../components/layout';
import { TextSettingField } from '../components/TextSettingField';
import type { ViewEditorProps } from '../components/viewEditorProps';
import type { DistributionOutput } from '../types';
import { parseTop } from './queryInputs';

const OUTPUT_OPTIONS: Array<{ label: string; value: DistributionOutput }> = [
  { label: 'Table', value: 'table' },
  { label: 'Series over time', value: 'series' },
];

/** By domain / by result code: table or series, top N domains, filters. */
export function DistributionViewEditor(props: ViewEditorProps<DistributionViewDefinition>) {
  const { view, query, onChange } = props;
  const output = query.output ?? 'table';
  return (
    <>
      <InlineField label="Output" labelWidth={LABEL_WIDTH}>
        <RadioButtonGroup
          options={OUTPUT_OPTIONS}
          value={output}
          onChange={(value) => onChange({ ...query, output: value })}
        />
      </InlineField>
      {output === 'series' && (
        <IntervalField value={query.interval} onChange={(interval) => onChange({ ...query, interval })} />
      )}
      {takesTop(view) && (
        <TextSettingField
          label="Top domains"
          tooltip="Domains beyond the top N are summed as (other); empty: the backend's default (10)"
          type="number"
          width={12}
          value={query.top === undefined ? '' : String(query.top)}
          placeholder="10"
          isValid={(text) => parseTop(text) !== 'invalid'}
          error="A whole number from 1"
          onCommit={(text) => {
            const top = parseTop(text);
            if (top !== 'invalid') {
              onChange({ ...query, top });
            }
          }}
        />
      )}
      <FilterFields {...props} />
    </>
  );
}
