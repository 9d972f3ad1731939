import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { fakeBackendSrv } from '../datasource/testing/fakeBackendSrv';
import { fetchWorkbook } from '../extensions/workbookDownload';
import ExportPage from './ExportPage';
import { TestRouter } from '../testing/TestRouter';

const EXPORT = '/api/datasources/proxy/uid/mail-delivery-analytics/api/api/v1/export';
const LINK =
  '/export?datasource=mail-delivery-analytics&views=request-date,sending-limit&from=1772319600000&to=1774994400000' +
  '&tz=Europe/Berlin&var-template=welcome&var-domain=$__all';

function renderPage(path: string, answer: { status: number; data: unknown }) {
  const backendSrv = fakeBackendSrv({ [EXPORT]: answer });
  const save = jest.fn();
  render(
    <TestRouter path={path}>
      <ExportPage download={(url) => fetchWorkbook(url, backendSrv)} save={save} />
    </TestRouter>
  );
  return { fetch: backendSrv.fetch, save };
}

describe('ExportPage', () => {
  it('downloads the workbook the link describes and saves it', async () => {
    const workbook = new Blob(['PK']);
    const { fetch, save } = renderPage(LINK, { status: 200, data: workbook });
    expect(
      screen.getByRole('heading', { name: 'Mail delivery statistics 2026-03-01–2026-03-31.xlsx' })
    ).toBeInTheDocument();
    expect(
      screen.getByText('Preparing the workbook… large ranges take a few seconds.', { exact: false })
    ).toBeInTheDocument();
    expect(await screen.findByText('Workbook saved')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][0]).toMatchObject({
      url: `${EXPORT}?views=request-date%2Csending-limit&from=1772319600000&to=1774994400000&tz=Europe%2FBerlin&template=welcome`,
      responseType: 'blob',
    });
    expect(save).toHaveBeenCalledWith(workbook, 'Mail delivery statistics 2026-03-01–2026-03-31.xlsx');
    expect(screen.getByText('2026-03-01 00:00 – 2026-04-01 00:00 (Europe/Berlin)')).toBeInTheDocument();
    expect(screen.getByText('Template: welcome')).toBeInTheDocument();
  });

  it("shows the backend's error and tries again on request", async () => {
    const body = { error: { code: 'unauthorized', message: 'missing or unknown API key' } };
    const { fetch, save } = renderPage(LINK, { status: 401, data: new Blob([JSON.stringify(body)]) });
    expect(await screen.findByText('Export failed')).toBeInTheDocument();
    expect(
      screen.getByText('Backend answered HTTP 401 (unauthorized): missing or unknown API key')
    ).toBeInTheDocument();
    expect(save).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Export failed')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('explains a link it cannot use, without fetching', () => {
    const { fetch } = renderPage('/export?views=domains', { status: 200, data: new Blob() });
    expect(screen.getByText('This export link cannot be used')).toBeInTheDocument();
    expect(screen.getByText(/The link names no data source/)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});
