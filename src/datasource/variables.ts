import { from, map, type Observable } from 'rxjs';
import {
  createDataFrame,
  CustomVariableSupport,
  FieldType,
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
} from '@grafana/data';
import type { DataSource } from './DataSource';
import type { MailDataSourceOptions, MailQuery, MailVariableQuery } from './types';
import { VariableQueryEditor } from './components/VariableQueryEditor';
import { variableKind } from './variableKind';

/** Variable values as Grafana reads them: one string field named text. */
export function valuesFrame(values: string[]): DataFrame {
  return createDataFrame({ fields: [{ name: 'text', type: FieldType.string, values }] });
}

/** Query variables listing templates, domains or result codes seen in the dashboard's range. */
export class MailVariableSupport extends CustomVariableSupport<
  DataSource,
  MailVariableQuery,
  MailQuery,
  MailDataSourceOptions
> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: DataSource) {
    super();
  }

  query(request: DataQueryRequest<MailVariableQuery>): Observable<DataQueryResponse> {
    const [query] = request.targets;
    const search = this.datasource.interpolate(query.search ?? '', request.scopedVars);
    return from(this.datasource.fetchValues(variableKind(query), search, request.range)).pipe(
      map((values) => ({ data: [valuesFrame(values)] }))
    );
  }
}
