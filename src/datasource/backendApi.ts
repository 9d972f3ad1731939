import { lastValueFrom } from 'rxjs';
import { isFetchError, type BackendSrv } from '@grafana/runtime';
import type { ErrorBody } from '../../contract/apiTypes';

/** The part of Grafana's backend service the data source uses. */
export type FetchingBackendSrv = Pick<BackendSrv, 'fetch'>;

/** A failed call to the backend, described so that a dashboard user knows what to fix. */
export class BackendCallError extends Error {
  constructor(
    message: string,
    /** HTTP status; undefined when nothing answered. */
    readonly status: number | undefined
  ) {
    super(message);
    this.name = 'BackendCallError';
  }
}

// Statuses Grafana's data source proxy answers with when the backend itself does not answer.
const PROXY_FAILURES = new Set([502, 504]);

function isErrorBody(data: unknown): data is ErrorBody {
  const error = (data as ErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.message === 'string';
}

/** Turns whatever Grafana's fetch rejected with into a BackendCallError naming the problem. */
export function describeFailure(failure: unknown): BackendCallError {
  if (!isFetchError(failure) || !failure.status || failure.status < 0) {
    const reason =
      failure instanceof Error ? failure.message : String((failure as { message?: string })?.message ?? failure);
    return new BackendCallError(`The request did not reach the backend: ${reason}`, undefined);
  }
  const { status, data } = failure;
  if (isErrorBody(data)) {
    return new BackendCallError(`Backend answered HTTP ${status} (${data.error.code}): ${data.error.message}`, status);
  }
  if (PROXY_FAILURES.has(status)) {
    return new BackendCallError(
      `Cannot reach the backend through the data source proxy (HTTP ${status}): ` +
        'check the backend URL in the data source settings and that the backend is running',
      status
    );
  }
  const detail =
    typeof data?.message === 'string' ? data.message : typeof data === 'string' ? data : failure.statusText;
  return new BackendCallError(`Backend answered HTTP ${status}${detail ? `: ${detail}` : ''}`, status);
}

/** GETs JSON from the backend through the data source's proxy route, which adds the API key. */
export class BackendApi {
  constructor(
    /** `backendBaseUrl(instanceSettings.url)`: the proxy route's base. */
    private readonly baseUrl: string,
    private readonly backendSrv: FetchingBackendSrv
  ) {}

  async getJson<T>(path: string, params?: URLSearchParams): Promise<T> {
    const queryString = params?.toString();
    const query = queryString ? `?${queryString}` : '';
    try {
      const response = await lastValueFrom(
        this.backendSrv.fetch<T>({
          url: `${this.baseUrl}${path}${query}`,
          method: 'GET',
          // Errors become query errors naming the problem instead of Grafana's generic toast.
          showErrorAlert: false,
        })
      );
      return response.data;
    } catch (failure) {
      throw describeFailure(failure);
    }
  }
}
