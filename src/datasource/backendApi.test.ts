import { of, throwError } from 'rxjs';
import type { FetchError, FetchResponse } from '@grafana/runtime';
import { BackendApi, BackendCallError, describeFailure } from './backendApi';

const fetchError = (status: number, data: unknown, statusText = ''): FetchError =>
  ({ status, data, statusText, config: { url: '' } }) as FetchError;

describe('describeFailure', () => {
  it('names the backend error code and message', () => {
    const error = describeFailure(
      fetchError(400, { error: { code: 'invalid_parameter', message: 'tz: unknown time zone "Mars/Base"' } })
    );
    expect(error).toBeInstanceOf(BackendCallError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Backend answered HTTP 400 (invalid_parameter): tz: unknown time zone "Mars/Base"');
  });

  it('says the backend is unreachable when the proxy answers 502 or 504', () => {
    const message =
      'Cannot reach the backend through the data source proxy (HTTP 502): check the backend URL in the data source settings and that the backend is running';
    expect(describeFailure(fetchError(502, { message: 'Bad Gateway' })).message).toBe(message);
    expect(describeFailure(fetchError(504, '')).status).toBe(504);
  });

  it('falls back to Grafana messages and to failures without an answer', () => {
    expect(describeFailure(fetchError(404, { message: 'Not found' })).message).toBe(
      'Backend answered HTTP 404: Not found'
    );
    expect(describeFailure(fetchError(500, null, 'Internal Server Error')).message).toBe(
      'Backend answered HTTP 500: Internal Server Error'
    );
    const offline = describeFailure(new TypeError('Failed to fetch'));
    expect(offline.status).toBeUndefined();
    expect(offline.message).toBe('The request did not reach the backend: Failed to fetch');
  });
});

describe('BackendApi.getJson', () => {
  it('GETs below the proxy route with the query string, without Grafana error toasts', async () => {
    const fetch = jest.fn().mockReturnValue(of({ data: { values: ['a'] } } as FetchResponse));
    const api = new BackendApi('/api/datasources/proxy/uid/mda/api', { fetch });
    await expect(api.getJson('/api/v1/values/domains', new URLSearchParams([['q', 'ex ample']]))).resolves.toEqual({
      values: ['a'],
    });
    expect(fetch).toHaveBeenCalledWith({
      url: '/api/datasources/proxy/uid/mda/api/api/v1/values/domains?q=ex+ample',
      method: 'GET',
      showErrorAlert: false,
    });
    await api.getJson('/readyz');
    expect(fetch.mock.calls[1][0].url).toBe('/api/datasources/proxy/uid/mda/api/readyz');
  });

  it('rejects with the described failure', async () => {
    const fetch = jest
      .fn()
      .mockReturnValue(
        throwError(() => fetchError(401, { error: { code: 'unauthorized', message: 'unknown API key' } }))
      );
    const api = new BackendApi('/proxy/api', { fetch });
    await expect(api.getJson('/api/v1/limits')).rejects.toThrow(
      'Backend answered HTTP 401 (unauthorized): unknown API key'
    );
  });
});
