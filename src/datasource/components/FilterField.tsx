import React, { useCallback } from 'react';
import type { TimeRange } from '@grafana/data';
import { InlineField, MultiCombobox, type ComboboxOption } from '@grafana/ui';
import { resultCodeDefinition } from '../../../contract/resultCodes';
import { FILTER_LABELS, type FilterKey } from '../../../contract/views';
import type { DataSource } from '../DataSource';
import { FILTER_VALUES_KINDS } from '../filters';
import { LABEL_WIDTH } from './layout';

interface Props {
  filter: FilterKey;
  values: string[] | undefined;
  onChange: (values: string[]) => void;
  datasource: DataSource;
  range?: TimeRange;
}

/** Several values of one filter (OR-ed): the backend's values, dashboard variables or free text. */
export function FilterField({ filter, values, onChange, datasource, range }: Props) {
  const loadOptions = useCallback(
    async (search: string): Promise<Array<ComboboxOption<string>>> => {
      const variables = datasource
        .variableReferences()
        .filter((reference) => reference.includes(search))
        .map((reference) => ({ value: reference, description: 'Dashboard variable' }));
      const found = await datasource.fetchValues(FILTER_VALUES_KINDS[filter], search, range);
      return [
        ...variables,
        ...found.map((value) => ({ value, description: resultCodeDefinition(value)?.description })),
      ];
    },
    [datasource, filter, range]
  );
  const label = FILTER_LABELS[filter];
  return (
    <InlineField
      label={label}
      labelWidth={LABEL_WIDTH}
      tooltip={`Only mails with one of these values; none: every ${label.toLowerCase()}`}
    >
      <MultiCombobox
        aria-label={label}
        options={loadOptions}
        value={values ?? []}
        onChange={(options) => onChange(options.map((option) => option.value))}
        createCustomValue
        placeholder="Any"
        width={50}
      />
    </InlineField>
  );
}
