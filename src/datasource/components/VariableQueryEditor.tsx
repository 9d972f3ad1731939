import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { InlineField, RadioButtonGroup, Stack } from '@grafana/ui';
import type { DataSource } from '../DataSource';
import type { MailDataSourceOptions, MailQuery, MailVariableQuery, ValuesKind } from '../types';
import { variableKind } from '../variableKind';
import { LABEL_WIDTH } from './layout';
import { TextSettingField } from './TextSettingField';

type Props = QueryEditorProps<DataSource, MailQuery, MailDataSourceOptions, MailVariableQuery>;

const KIND_OPTIONS: Array<{ label: string; value: ValuesKind }> = [
  { label: 'Templates', value: 'templates' },
  { label: 'Domains', value: 'domains' },
  { label: 'Result codes', value: 'result-codes' },
];

/** A variable's query: which values, optionally only those containing a text. */
export function VariableQueryEditor({ query, onChange }: Props) {
  const kind = variableKind(query);
  return (
    <Stack direction="column" gap={0}>
      <InlineField label="Values" labelWidth={LABEL_WIDTH} tooltip="Values seen in the dashboard's time range">
        <RadioButtonGroup
          options={KIND_OPTIONS}
          value={kind}
          onChange={(value) => onChange({ ...query, kind: value })}
        />
      </InlineField>
      <TextSettingField
        label="Containing"
        tooltip="Only values containing this text; variables allowed"
        width={30}
        value={query.search ?? ''}
        placeholder="any"
        onCommit={(search) => onChange({ ...query, kind, search })}
      />
    </Stack>
  );
}
