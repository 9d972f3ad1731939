import React from 'react';
import { InlineField, RadioButtonGroup } from '@grafana/ui';
import { INTERVAL_LABELS, INTERVALS, type Interval } from '../../../contract/views';
import { LABEL_WIDTH } from './layout';

type Choice = Interval | 'auto';

const OPTIONS: Array<{ label: string; value: Choice }> = [
  { label: 'Auto', value: 'auto' },
  ...INTERVALS.map((interval) => ({ label: INTERVAL_LABELS[interval], value: interval })),
];

interface Props {
  value: Choice | undefined;
  onChange: (value: Choice) => void;
}

/** Bucket size: fixed, or auto from the panel's width and range. */
export function IntervalField({ value, onChange }: Props) {
  return (
    <InlineField
      label="Interval"
      labelWidth={LABEL_WIDTH}
      tooltip="Auto picks hours, days, weeks or months so the panel shows at most about 100 bars"
    >
      <RadioButtonGroup options={OPTIONS} value={value ?? 'auto'} onChange={onChange} />
    </InlineField>
  );
}
