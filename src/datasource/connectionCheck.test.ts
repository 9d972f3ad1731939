import { BackendApi } from './backendApi';
import { checkConnection } from './connectionCheck';
import { fakeBackendSrv, type FakeAnswer } from './testing/fakeBackendSrv';

const ok = (data: unknown): FakeAnswer => ({ status: 200, data });

describe('checkConnection', () => {
  const readyz = '/proxy/api/readyz';
  const limits = '/proxy/api/api/v1/limits';
  const test = (answers: Record<string, FakeAnswer>, apiUrl: string | undefined = 'http://backend:3001') =>
    checkConnection(new BackendApi('/proxy/api', fakeBackendSrv(answers)), apiUrl);

  it('succeeds when the backend is ready and the key reads', async () => {
    await expect(
      test({
        [readyz]: ok({ status: 'ready' }),
        [limits]: ok({ monthly: 100000, daily: null, changeRequestUrl: null }),
      })
    ).resolves.toEqual({
      status: 'success',
      message:
        'Connected to the backend at http://backend:3001: InfluxDB is up and the API key reads statistics (monthly limit 100,000, daily limit not set)',
    });
  });

  it('asks for the backend URL when none is set', async () => {
    await expect(test({}, '')).resolves.toEqual({
      status: 'error',
      message: 'Set the backend URL, e.g. http://mail-analytics-backend:3001',
    });
  });

  it('says the backend is unreachable', async () => {
    const result = await test({ [readyz]: { status: 502, data: '' } });
    expect(result).toEqual({
      status: 'error',
      message:
        'Cannot reach the backend through the data source proxy (HTTP 502): check the backend URL in the data source settings and that the backend is running',
    });
  });

  it('names what is down when the backend is not ready', async () => {
    const result = await test({
      [readyz]: {
        status: 503,
        // The backend's /readyz answer when InfluxDB is down.
        data: {
          status: 'unavailable',
          message: 'InfluxDB is down: fetch failed',
          influxdb: { ok: false, error: 'fetch failed' },
        },
      },
    });
    expect(result).toEqual({
      status: 'error',
      message: 'The backend runs but is not ready: Backend answered HTTP 503: InfluxDB is down: fetch failed',
    });
  });

  it('asks for an API key on 401 and a read scope on 403', async () => {
    const unauthorized = { status: 401, data: { error: { code: 'unauthorized', message: 'missing API key' } } };
    const forbidden = { status: 403, data: { error: { code: 'forbidden', message: 'needs scope read' } } };
    await expect(test({ [readyz]: ok({}), [limits]: unauthorized })).resolves.toEqual({
      status: 'error',
      message:
        'The backend does not know the API key (HTTP 401: missing or unknown): set the API key of your account in this data source',
    });
    await expect(test({ [readyz]: ok({}), [limits]: forbidden })).resolves.toEqual({
      status: 'error',
      message: 'The API key lacks the read scope (HTTP 403): use a key with the read scope for this account',
    });
  });
});
