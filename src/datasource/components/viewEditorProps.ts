import type { TimeRange } from '@grafana/data';
import type { ViewDefinition } from '../../../contract/views';
import type { DataSource } from '../DataSource';
import type { MailQuery } from '../types';

/** What the query editor hands the editor of the chosen view. */
export interface ViewEditorProps<View extends ViewDefinition> {
  view: View;
  query: MailQuery;
  /** Applies the new query and runs it. */
  onChange: (query: MailQuery) => void;
  datasource: DataSource;
  range?: TimeRange;
}
