import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import App from './App';

jest.mock('../../extensions/workbookDownload', () => ({
  ...jest.requireActual('../../extensions/workbookDownload'),
  fetchWorkbook: jest.fn(() => new Promise(() => undefined)),
}));

const renderAt = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <App {...({} as AppRootProps)} />
    </MemoryRouter>
  );

describe('App', () => {
  // Load the lazy pages once up front: the first import of @grafana/ui takes seconds.
  beforeAll(() => Promise.all([import('../../pages/HomePage'), import('../../pages/ExportPage')]), 60_000);

  it.each(['/home', '/'])('shows the home page at %s', async (path) => {
    renderAt(path);
    expect(await screen.findByRole('heading', { name: 'Dashboards' })).toBeInTheDocument();
  });

  it('shows the export page at export', async () => {
    renderAt('/export?datasource=ds&views=domains&from=1772323200000&to=1772409600000&tz=UTC');
    expect(await screen.findByRole('heading', { name: 'Mail delivery by domain 2026-03-01.xlsx' })).toBeInTheDocument();
  });
});
