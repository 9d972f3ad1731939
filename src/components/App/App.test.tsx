import React from 'react';
import type { AppRootProps } from '@grafana/data';
import { act, render, screen } from '@testing-library/react';
import { NEVER, of } from 'rxjs';
import { setBackendSrv, type BackendSrv } from '@grafana/runtime';
import App from './App';
import { TestRouter } from '../../testing/TestRouter';

jest.mock('../../extensions/workbookDownload', () => ({
  ...jest.requireActual('../../extensions/workbookDownload'),
  fetchWorkbook: jest.fn(() => new Promise(() => undefined)),
}));

const renderAt = (path: string) =>
  render(
    <TestRouter path={path}>
      <App {...({} as AppRootProps)} />
    </TestRouter>
  );

describe('App', () => {
  // Load the lazy pages once up front: the first import of @grafana/ui takes seconds.
  beforeAll(
    () =>
      Promise.all([
        import('../../pages/HomePage'),
        import('../../pages/ExportPage'),
        import('../../pages/LimitChangePage'),
      ]),
    60_000
  );

  it.each(['/home', '/'])('shows the home page at %s', async (path) => {
    renderAt(path);
    expect(await screen.findByRole('heading', { name: 'Dashboards' })).toBeInTheDocument();
  });

  it('shows the export page at export', async () => {
    renderAt('/export?datasource=ds&views=domains&from=1772323200000&to=1772409600000&tz=UTC');
    expect(await screen.findByRole('heading', { name: 'Mail delivery by domain 2026-03-01.xlsx' })).toBeInTheDocument();
  });

  // The app gives the page no props: its defaults (Grafana's backendSrv, leaving by window.location)
  // must not start a new fetch on every render.
  it('asks the backend once for the change-request link on the limit-change page', async () => {
    // Past a few calls the answer never comes, so a page that fetches on every render stops and fails the count.
    const answer = of({ data: { monthly: 100, daily: null, changeRequestUrl: null } });
    const fetch: jest.Mock = jest.fn(() => (fetch.mock.calls.length > 3 ? NEVER : answer));
    setBackendSrv({ fetch } as unknown as BackendSrv);
    renderAt('/limit-change?datasource=mail-delivery-analytics');
    expect(await screen.findByText('No change-request link is configured')).toBeInTheDocument();
    // Let every effect and answer that the last render started run out before counting.
    await act(async () => undefined);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
