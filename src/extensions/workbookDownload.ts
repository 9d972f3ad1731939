/**
 * Downloads a workbook from the backend through the data source's proxy route (which
 * adds the API key): the URL, the fetch as a blob, and a failure described by the
 * backend's own JSON error, which arrives as a blob too.
 */
import { lastValueFrom } from 'rxjs';
import { getBackendSrv, isFetchError } from '@grafana/runtime';
import { describeFailure, type FetchingBackendSrv } from '../datasource/backendApi';
import { backendBaseUrl, dataSourceProxyUrl } from '../../contract/proxy';

/** The backend's `/api/v1<path>?<params>` through the data source's proxy route. */
export function backendUrl(dataSourceUid: string, path: string, params: URLSearchParams): string {
  return `${backendBaseUrl(dataSourceProxyUrl(dataSourceUid))}/api/v1${path}?${params}`;
}

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** The failure with its blob body read as JSON (or as text), so describeFailure can name the problem. */
async function readableFailure(failure: unknown): Promise<unknown> {
  if (!isFetchError(failure) || !(failure.data instanceof Blob)) {
    return failure;
  }
  const text = await blobText(failure.data);
  try {
    return { ...failure, data: JSON.parse(text) };
  } catch {
    return { ...failure, data: text };
  }
}

export async function fetchWorkbook(url: string, backendSrv: FetchingBackendSrv = getBackendSrv()): Promise<Blob> {
  try {
    const response = await lastValueFrom(
      backendSrv.fetch<Blob>({ url, method: 'GET', responseType: 'blob', showErrorAlert: false })
    );
    return response.data;
  } catch (failure) {
    throw describeFailure(await readableFailure(failure));
  }
}
