import React from 'react';
import { InlineField, RadioButtonGroup } from '@grafana/ui';
import { MONTHS } from '../../../contract/params';
import type { LimitViewDefinition } from '../../../contract/views';
import { LABEL_WIDTH } from '../components/layout';
import { TextSettingField } from '../components/TextSettingField';
import type { ViewEditorProps } from '../components/viewEditorProps';
import type { LimitOutput } from '../types';
import { isMonthInput } from './queryInputs';

const MONTHS_OPTIONS = Array.from({ length: MONTHS.max - MONTHS.min + 1 }, (_unused, index) => MONTHS.min + index).map(
  (months) => ({ label: String(months), value: months })
);
const OUTPUT_OPTIONS: Array<{ label: string; value: LimitOutput }> = [
  { label: 'Days', value: 'days' },
  { label: 'Months', value: 'months' },
];

/** By sending limit: which month, how many months back, days or month summaries. */
export function SendingLimitEditor({ query, onChange }: ViewEditorProps<LimitViewDefinition>) {
  return (
    <>
      <TextSettingField
        label="Month"
        tooltip="YYYY-MM or a dashboard variable; empty: the month the dashboard's range ends in"
        width={16}
        value={query.month ?? ''}
        placeholder="YYYY-MM"
        isValid={isMonthInput}
        error="A month as YYYY-MM, e.g. 2026-03"
        onCommit={(month) => onChange({ ...query, month })}
      />
      <InlineField
        label="Months"
        labelWidth={LABEL_WIDTH}
        tooltip="How many months, counting back from the month, included"
      >
        <RadioButtonGroup
          options={MONTHS_OPTIONS}
          value={query.months ?? MONTHS.default}
          onChange={(months) => onChange({ ...query, months })}
        />
      </InlineField>
      <InlineField label="Output" labelWidth={LABEL_WIDTH}>
        <RadioButtonGroup
          options={OUTPUT_OPTIONS}
          value={query.limitOutput ?? 'days'}
          onChange={(limitOutput) => onChange({ ...query, limitOutput })}
        />
      </InlineField>
    </>
  );
}
