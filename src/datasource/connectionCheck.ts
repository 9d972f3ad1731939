import type { TestDataSourceResponse } from '@grafana/data';
import type { Limits } from '../../contract/apiTypes';
import { BackendCallError, type BackendApi } from './backendApi';

const failure = (message: string): TestDataSourceResponse => ({ status: 'error', message });

function readinessProblem(error: unknown): string {
  if (error instanceof BackendCallError && error.status === 503) {
    return `The backend runs but is not ready: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function keyProblem(error: unknown): string {
  if (error instanceof BackendCallError && error.status === 401) {
    return 'The backend does not know the API key (HTTP 401: missing or unknown): set the API key of your account in this data source';
  }
  if (error instanceof BackendCallError && error.status === 403) {
    return 'The API key lacks the read scope (HTTP 403): use a key with the read scope for this account';
  }
  return error instanceof Error ? error.message : String(error);
}

const limitText = (value: number | null) => (value === null ? 'not set' : value.toLocaleString('en-US'));

/**
 * Save & test: the backend answers and is ready (its InfluxDB up), then the API key reads
 * statistics; says exactly which of these fails.
 */
export async function checkConnection(api: BackendApi, apiUrl: string | undefined): Promise<TestDataSourceResponse> {
  if (!apiUrl) {
    return failure('Set the backend URL, e.g. http://mail-analytics-backend:3001');
  }
  try {
    await api.getJson('/readyz');
  } catch (error) {
    return failure(readinessProblem(error));
  }
  let limits: Limits;
  try {
    limits = await api.getJson<Limits>('/api/v1/limits');
  } catch (error) {
    return failure(keyProblem(error));
  }
  return {
    status: 'success',
    message:
      `Connected to the backend at ${apiUrl}: InfluxDB is up and the API key reads statistics ` +
      `(monthly limit ${limitText(limits.monthly)}, daily limit ${limitText(limits.daily)})`,
  };
}
