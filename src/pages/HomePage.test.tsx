import React from 'react';
import { render, screen } from '@testing-library/react';
import HomePage from './HomePage';
import { TestRouter } from '../testing/TestRouter';

describe('HomePage', () => {
  it('links the six dashboards by uid', () => {
    render(
      <TestRouter>
        <HomePage />
      </TestRouter>
    );
    const links = screen.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Overview', '/d/mda-overview'],
      ['By request date', '/d/mda-request-date'],
      ['By send date', '/d/mda-send-date'],
      ['By domain', '/d/mda-domains'],
      ['By result code', '/d/mda-result-codes'],
      ['By sending limit', '/d/mda-sending-limit'],
    ]);
  });

  it('explains how to set up the data source', () => {
    render(
      <TestRouter>
        <HomePage />
      </TestRouter>
    );
    expect(screen.getByRole('heading', { name: 'Setting up the data source' })).toBeInTheDocument();
    expect(screen.getByText('mail-delivery-analytics')).toBeInTheDocument();
  });
});
