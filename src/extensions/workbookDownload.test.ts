import { fakeBackendSrv } from '../datasource/testing/fakeBackendSrv';
import { backendUrl, fetchWorkbook } from './workbookDownload';

const PATH = '/api/datasources/proxy/uid/mail-delivery-analytics/api/api/v1/export';

describe('backendUrl', () => {
  it('goes through the data source proxy route to the versioned API', () => {
    const params = new URLSearchParams([
      ['views', 'request-date,domains'],
      ['template', 'a,b'],
    ]);
    expect(backendUrl('mail-delivery-analytics', '/export', params)).toBe(
      `${PATH}?views=request-date%2Cdomains&template=a%2Cb`
    );
    expect(backendUrl('a/b', '/stats/domains', new URLSearchParams())).toBe(
      '/api/datasources/proxy/uid/a%2Fb/api/api/v1/stats/domains?'
    );
  });
});

describe('fetchWorkbook', () => {
  it('fetches the workbook as a blob without Grafana error toasts', async () => {
    const workbook = new Blob(['PK']);
    const backendSrv = fakeBackendSrv({ [PATH]: { status: 200, data: workbook } });
    await expect(fetchWorkbook(`${PATH}?views=domains`, backendSrv)).resolves.toBe(workbook);
    expect(backendSrv.fetch).toHaveBeenCalledWith({
      url: `${PATH}?views=domains`,
      method: 'GET',
      responseType: 'blob',
      showErrorAlert: false,
    });
  });

  it('names the backend error that arrives as a blob', async () => {
    const body = { error: { code: 'forbidden', message: 'this key may not read account beta' } };
    const backendSrv = fakeBackendSrv({ [PATH]: { status: 403, data: new Blob([JSON.stringify(body)]) } });
    await expect(fetchWorkbook(PATH, backendSrv)).rejects.toThrow(
      'Backend answered HTTP 403 (forbidden): this key may not read account beta'
    );
  });

  it('names a proxy failure whose blob is not JSON', async () => {
    const backendSrv = fakeBackendSrv({ [PATH]: { status: 502, data: new Blob(['Bad Gateway']) } });
    await expect(fetchWorkbook(PATH, backendSrv)).rejects.toThrow(
      'Cannot reach the backend through the data source proxy (HTTP 502)'
    );
  });
});
