import { DataSourcePlugin } from '@grafana/data';
import { ConfigEditor } from './components/ConfigEditor';
import { DataSource } from './DataSource';
import { QueryEditor } from './components/QueryEditor';
import type { MailDataSourceOptions, MailQuery, MailSecureJsonData } from './types';

export const plugin = new DataSourcePlugin<DataSource, MailQuery, MailDataSourceOptions, MailSecureJsonData>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
