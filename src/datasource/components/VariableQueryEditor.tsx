import React, { useState } from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { InlineField, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import type { DataSource } from '../DataSource';
import type { MailDataSourceOptions, MailQuery, MailVariableQuery, ValuesKind } from '../types';
import { variableKind } from '../variableKind';
import { LABEL_WIDTH } from './layout';

type Props = QueryEditorProps<DataSource, MailQuery, MailDataSourceOptions, MailVariableQuery>;

const KIND_OPTIONS: Array<{ label: string; value: ValuesKind }> = [
  { label: 'Templates', value: 'templates' },
  { label: 'Domains', value: 'domains' },
  { label: 'Result codes', value: 'result-codes' },
];

/** A variable's query: which values, optionally only those containing a text. */
export function VariableQueryEditor({ query, onChange }: Props) {
  const [search, setSearch] = useState(query.search ?? '');
  const kind = variableKind(query);
  return (
    <Stack direction="column" gap={0}>
      <InlineField label="Values" labelWidth={LABEL_WIDTH} tooltip="Values seen in the dashboard's time range">
        <RadioButtonGroup options={KIND_OPTIONS} value={kind} onChange={(value) => onChange({ ...query, kind: value })} />
      </InlineField>
      <InlineField label="Containing" labelWidth={LABEL_WIDTH} tooltip="Only values containing this text; variables allowed">
        <Input
          aria-label="Containing"
          width={30}
          value={search}
          placeholder="any"
          onChange={(event) => setSearch(event.currentTarget.value)}
          onBlur={() => search !== (query.search ?? '') && onChange({ ...query, kind, search })}
        />
      </InlineField>
    </Stack>
  );
}
