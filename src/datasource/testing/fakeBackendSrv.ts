import { of, throwError } from 'rxjs';
import type { BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import type { FetchingBackendSrv } from '../backendApi';

/** An answer of the fake: a JSON body with a status (2xx resolves, anything else rejects like Grafana's fetch). */
export interface FakeAnswer {
  status: number;
  data: unknown;
}

/**
 * A backendSrv whose fetch answers by URL path (query string ignored), so tests can check
 * both the requests (fetch.mock.calls) and what the data source makes of the answers.
 */
export function fakeBackendSrv(answers: Record<string, FakeAnswer>): FetchingBackendSrv & { fetch: jest.Mock } {
  const fetch = jest.fn((options: BackendSrvRequest) => {
    const path = options.url.split('?')[0];
    const answer = answers[path] ?? { status: 404, data: { message: `No fake answer for ${path}` } };
    if (answer.status >= 200 && answer.status < 300) {
      return of({ data: answer.data, status: answer.status, ok: true } as FetchResponse);
    }
    return throwError(() => ({ status: answer.status, data: answer.data, config: options }) as FetchError);
  });
  return { fetch } as FetchingBackendSrv & { fetch: jest.Mock };
}

/** The query string parameters of the n-th fetch call, as pairs in order. */
export function requestedParams(fetch: jest.Mock, call = 0): Array<[string, string]> {
  const url: string = fetch.mock.calls[call][0].url;
  return Array.from(new URLSearchParams(url.split('?')[1] ?? '').entries());
}
