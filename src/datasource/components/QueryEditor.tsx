import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { Combobox, InlineField, Stack } from '@grafana/ui';
import { VIEW_IDS, VIEWS, type ViewId } from '../../../contract/views';
import type { DataSource } from '../DataSource';
import { queryView } from '../requestParams';
import type { MailDataSourceOptions, MailQuery } from '../types';
import { DistributionViewEditor } from '../views/DistributionViewEditor';
import { SendingLimitEditor } from '../views/SendingLimitEditor';
import { TimeViewEditor } from '../views/TimeViewEditor';
import { LABEL_WIDTH } from './layout';

type Props = QueryEditorProps<DataSource, MailQuery, MailDataSourceOptions>;

const VIEW_OPTIONS = VIEW_IDS.map((id) => ({ value: id, label: VIEWS[id].title }));

/** Chooses the view, then hands the query to that view's editor. */
export function QueryEditor({ query, onChange, onRunQuery, datasource, range }: Props) {
  const view = queryView(query);
  const change = (next: MailQuery) => {
    onChange(next);
    onRunQuery();
  };
  const viewProps = { query, onChange: change, datasource, range };
  return (
    <Stack direction="column" gap={0}>
      <InlineField label="View" labelWidth={LABEL_WIDTH}>
        <Combobox<ViewId>
          aria-label="View"
          options={VIEW_OPTIONS}
          value={view.id}
          onChange={(option) => change({ ...query, view: option.value })}
          width={30}
        />
      </InlineField>
      {view.shape === 'time' && <TimeViewEditor key={view.id} view={view} {...viewProps} />}
      {view.shape === 'distribution' && <DistributionViewEditor key={view.id} view={view} {...viewProps} />}
      {view.shape === 'limit' && <SendingLimitEditor view={view} {...viewProps} />}
    </Stack>
  );
}
