/**
 * A stand-in for Grafana's backendSrv and data source proxy: forwards the data source's
 * `${instanceSettings.url}/api/...` requests to the real backend with the API key added as the
 * plugin.json route does, and answers failures the way Grafana's fetch rejects (status, data),
 * 502 when the backend does not answer.
 */
import { from } from 'rxjs';
import type { BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import type { FetchingBackendSrv } from '../../../src/datasource/backendApi';
import { backendBaseUrl } from '../../../contract/proxy';

async function forward(options: BackendSrvRequest, routeBase: string, backendUrl: string, apiKey: string | undefined) {
  if (!options.url.startsWith(`${routeBase}/`)) {
    throw { status: 404, data: { message: `No proxy route for ${options.url}` }, config: options } as FetchError;
  }
  const target = `${backendUrl}${options.url.slice(routeBase.length)}`;
  let answer: Response;
  try {
    answer = await fetch(target, {
      method: options.method ?? 'GET',
      headers: apiKey === undefined ? {} : { Authorization: `Bearer ${apiKey}` },
    });
  } catch {
    throw { status: 502, statusText: 'Bad Gateway', data: { message: 'Bad Gateway' }, config: options } as FetchError;
  }
  const text = await answer.text();
  const data: unknown = (answer.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  if (!answer.ok) {
    throw { status: answer.status, statusText: answer.statusText, data, config: options } as FetchError;
  }
  return { data, status: answer.status, ok: true, statusText: answer.statusText, config: options } as FetchResponse;
}

export function grafanaProxy(proxyUrl: string, backendUrl: string, apiKey: string | undefined): FetchingBackendSrv {
  const routeBase = backendBaseUrl(proxyUrl);
  return {
    fetch: <T>(options: BackendSrvRequest) =>
      from(forward(options, routeBase, backendUrl, apiKey) as Promise<FetchResponse<T>>),
  };
}
