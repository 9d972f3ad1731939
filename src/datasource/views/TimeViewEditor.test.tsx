import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { REQUEST_DATE_VIEW, SEND_DATE_VIEW } from '../../../contract/views';
import { editorDataSource, giveElementsASize } from '../testing/editorFixtures';
import type { MailQuery } from '../types';
import { TimeViewEditor } from './TimeViewEditor';

beforeEach(giveElementsASize);

function renderEditor(query: MailQuery, view = REQUEST_DATE_VIEW) {
  const onChange = jest.fn();
  render(<TimeViewEditor view={view} query={query} onChange={onChange} datasource={editorDataSource().datasource} />);
  return onChange;
}

describe('TimeViewEditor', () => {
  it('offers the view own metrics by console name and adds the chosen one', async () => {
    const onChange = renderEditor({ refId: 'A', view: 'send-date', metrics: ['sentCount'] }, SEND_DATE_VIEW);
    await act(async () => fireEvent.click(screen.getByRole('combobox', { name: 'Metrics' })));
    const offered = screen.getAllByRole('option').map((option) => option.textContent);
    expect(offered).toHaveLength(SEND_DATE_VIEW.metrics.length);
    expect(offered.join('|')).not.toContain('Request count');
    await act(async () => fireEvent.click(screen.getByRole('option', { name: /Open rate/ })));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', view: 'send-date', metrics: ['sentCount', 'openRate'] });
  });

  it('shows only this view metrics of a query that kept another view metrics', () => {
    renderEditor({ refId: 'A', view: 'send-date', metrics: ['requestCount', 'bouncedCount'] }, SEND_DATE_VIEW);
    expect(screen.queryByText('Request count')).not.toBeInTheDocument();
    expect(screen.getByText('Bounced count')).toBeInTheDocument();
  });

  it('sets a fixed interval or auto', () => {
    const onChange = renderEditor({ refId: 'A', view: 'request-date' });
    expect(screen.getByRole('radio', { name: 'Auto' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: 'Week (Monday)' }));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', view: 'request-date', interval: '1w' });
  });

  it('switches to the backend totals over the range, where no bucket size applies', () => {
    const onChange = renderEditor({ refId: 'A', view: 'request-date' });
    expect(screen.getByRole('radio', { name: 'Series over time' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: 'Totals over the range' }));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', view: 'request-date', timeOutput: 'totals' });
  });

  it('offers no interval for totals', () => {
    renderEditor({ refId: 'A', view: 'request-date', timeOutput: 'totals' });
    expect(screen.queryByRole('radio', { name: 'Week (Monday)' })).not.toBeInTheDocument();
  });

  it('has the template and domain filters of the view, not result codes', () => {
    renderEditor({ refId: 'A', view: 'request-date' });
    expect(screen.getByRole('combobox', { name: 'Template' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Domain' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Result code' })).not.toBeInTheDocument();
  });
});
