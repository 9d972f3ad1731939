import React, { useState } from 'react';
import { InlineField, Input, RadioButtonGroup } from '@grafana/ui';
import type { DistributionViewDefinition } from '../../../backend/domain/views';
import { FilterFields } from '../components/FilterFields';
import { IntervalField } from '../components/IntervalField';
import { LABEL_WIDTH } from '../components/layout';
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
  const [topText, setTopText] = useState(query.top === undefined ? '' : String(query.top));
  const top = parseTop(topText);
  return (
    <>
      <InlineField label="Output" labelWidth={LABEL_WIDTH}>
        <RadioButtonGroup options={OUTPUT_OPTIONS} value={output} onChange={(value) => onChange({ ...query, output: value })} />
      </InlineField>
      {output === 'series' && (
        <IntervalField value={query.interval} onChange={(interval) => onChange({ ...query, interval })} />
      )}
      {view.dimension === 'domain' && (
        <InlineField
          label="Top domains"
          labelWidth={LABEL_WIDTH}
          tooltip="Domains beyond the top N are summed as (other); empty: the backend's default (10)"
          invalid={top === 'invalid'}
          error="A whole number from 1"
        >
          <Input
            aria-label="Top domains"
            type="number"
            min={1}
            width={12}
            value={topText}
            placeholder="10"
            onChange={(event) => setTopText(event.currentTarget.value)}
            onBlur={() => top !== 'invalid' && top !== query.top && onChange({ ...query, top })}
          />
        </InlineField>
      )}
      <FilterFields {...props} />
    </>
  );
}
