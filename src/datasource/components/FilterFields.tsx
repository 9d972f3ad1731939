import React from 'react';
import type { ViewDefinition } from '../../../contract/views';
import { FILTER_QUERY_KEYS, queryFilterValues } from '../filters';
import type { ViewEditorProps } from './viewEditorProps';
import { FilterField } from './FilterField';

/** A filter field for each filter the view supports. */
export function FilterFields({ view, query, onChange, datasource, range }: ViewEditorProps<ViewDefinition>) {
  return (
    <>
      {view.filters.map((filter) => (
        <FilterField
          key={filter}
          filter={filter}
          values={queryFilterValues(query, filter)}
          onChange={(values) => onChange({ ...query, [FILTER_QUERY_KEYS[filter]]: values })}
          datasource={datasource}
          range={range}
        />
      ))}
    </>
  );
}
