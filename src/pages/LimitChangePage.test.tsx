import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { of, throwError } from 'rxjs';
import LimitChangePage from './LimitChangePage';
import { TestRouter } from '../testing/TestRouter';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
}));

function renderPage(search: string, fetch: jest.Mock, navigate = jest.fn()) {
  render(
    <TestRouter path={`/a/app/limit-change${search}`}>
      <LimitChangePage backendSrv={{ fetch }} navigate={navigate} />
    </TestRouter>
  );
  return navigate;
}

test("goes to the account's change-request link, asked through the data source proxy", async () => {
  const fetch = jest.fn(() =>
    of({ data: { monthly: 100, daily: null, changeRequestUrl: 'https://support.example.com/limit' } })
  );
  const navigate = renderPage('?datasource=mail-delivery-analytics', fetch);
  await waitFor(() => expect(navigate).toHaveBeenCalledWith('https://support.example.com/limit'));
  expect(fetch).toHaveBeenCalledWith(
    expect.objectContaining({
      url: '/api/datasources/proxy/uid/mail-delivery-analytics/api/api/v1/limits',
      method: 'GET',
    })
  );
});

test('says how to configure the link when none is set', async () => {
  const fetch = jest.fn(() => of({ data: { monthly: null, daily: null, changeRequestUrl: null } }));
  const navigate = renderPage('?datasource=mail-delivery-analytics', fetch);
  expect(await screen.findByText('No change-request link is configured')).toBeInTheDocument();
  expect(navigate).not.toHaveBeenCalled();
});

test('names a missing data source and a backend error', async () => {
  renderPage('', jest.fn());
  expect(await screen.findByText('The link names no data source: the URL needs datasource=<uid>')).toBeInTheDocument();
});

test('shows what the backend said', async () => {
  const fetch = jest.fn(() =>
    throwError(() => ({
      status: 403,
      data: { error: { code: 'forbidden_scope', message: 'this key lacks the read scope' } },
    }))
  );
  renderPage('?datasource=x', fetch);
  expect(
    await screen.findByText('Backend answered HTTP 403 (forbidden_scope): this key lacks the read scope')
  ).toBeInTheDocument();
});
