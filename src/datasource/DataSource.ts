import {
  DataSourceApi,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type ScopedVars,
  type TestDataSourceResponse,
  type TimeRange,
} from '@grafana/data';
import { getBackendSrv, getTemplateSrv, type TemplateSrv } from '@grafana/runtime';
import type { StatsResponse, ValuesResponse } from '../../contract/apiTypes';
import { BackendApi, type FetchingBackendSrv } from './backendApi';
import { checkConnection } from './connectionCheck';
import { queryFrame } from './frames/queryFrames';
import { queryView, statsParams, type RequestContext } from './requestParams';
import { resolveTimeZone } from './timeZone';
import { backendBaseUrl } from '../../contract/proxy';
import { DEFAULT_QUERY, type MailDataSourceOptions, type MailQuery, type ValuesKind } from './types';
import { MailVariableSupport } from './variables';

/** Below the proxy route, the backend's versioned API (the route adds the API key). */
const API_V1 = '/api/v1';

/**
 * Reads the mail delivery backend through Grafana's data source proxy, so the API key stays
 * on the Grafana server, and turns its answers into data frames.
 */
export class DataSource extends DataSourceApi<MailQuery, MailDataSourceOptions> {
  private readonly api: BackendApi;
  private readonly apiUrl?: string;
  private readonly defaultTimeZone?: string;

  constructor(
    instanceSettings: DataSourceInstanceSettings<MailDataSourceOptions>,
    private readonly templateSrv: TemplateSrv = getTemplateSrv(),
    backendSrv: FetchingBackendSrv = getBackendSrv()
  ) {
    super(instanceSettings);
    this.api = new BackendApi(backendBaseUrl(instanceSettings.url ?? ''), backendSrv);
    this.apiUrl = instanceSettings.jsonData.apiUrl;
    this.defaultTimeZone = instanceSettings.jsonData.defaultTimeZone;
    this.variables = new MailVariableSupport(this);
  }

  getDefaultQuery(): Partial<MailQuery> {
    return DEFAULT_QUERY;
  }

  async query(request: DataQueryRequest<MailQuery>): Promise<DataQueryResponse> {
    const context: RequestContext = {
      from: request.range.from.valueOf(),
      to: request.range.to.valueOf(),
      intervalMs: request.intervalMs,
      timeZone: resolveTimeZone(request.timezone, this.defaultTimeZone),
      scopedVars: request.scopedVars,
    };
    const targets = request.targets.filter((target) => !target.hide);
    const results = await Promise.all(targets.map((target) => this.runQuery(target, context)));
    const errors = results.flatMap((result) => result.error ?? []);
    return {
      data: results.flatMap((result) => result.frame ?? []),
      ...(errors.length > 0 ? { errors } : {}),
    };
  }

  /** One query's frame, or its error naming the view and the problem (the panel's other queries still show). */
  private async runQuery(
    query: MailQuery,
    context: RequestContext
  ): Promise<{ frame?: DataFrame; error?: DataQueryError }> {
    const view = queryView(query);
    try {
      const response = await this.api.getJson<StatsResponse>(
        `${API_V1}${view.path}`,
        statsParams(query, context, this.templateSrv)
      );
      return { frame: queryFrame(query, view, response) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { error: { refId: query.refId, message: `${view.title}: ${message}` } };
    }
  }

  /** Values for filters and variables: templates, domains or result codes seen in the range. */
  async fetchValues(kind: ValuesKind, search: string, range?: TimeRange): Promise<string[]> {
    const params = new URLSearchParams();
    if (search) {
      params.set('q', search);
    }
    if (range) {
      params.set('from', String(range.from.valueOf()));
      params.set('to', String(range.to.valueOf()));
    }
    const answer = await this.api.getJson<ValuesResponse>(`${API_V1}/values/${kind}`, params);
    return answer.values;
  }

  /** Dashboard variables as filter values ($name), offered next to the backend's values. */
  variableReferences(): string[] {
    return this.templateSrv.getVariables().map((variable) => `$${variable.name}`);
  }

  interpolate(text: string, scopedVars?: ScopedVars): string {
    return this.templateSrv.replace(text, scopedVars);
  }

  testDatasource(): Promise<TestDataSourceResponse> {
    return checkConnection(this.api, this.apiUrl);
  }
}
