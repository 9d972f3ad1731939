import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { DOMAINS_VIEW, RESULT_CODES_VIEW, type DistributionViewDefinition } from '../../../contract/views';
import { editorDataSource, giveElementsASize } from '../testing/editorFixtures';
import type { MailQuery } from '../types';
import { DistributionViewEditor } from './DistributionViewEditor';

beforeEach(giveElementsASize);

function renderEditor(query: MailQuery, view: DistributionViewDefinition = DOMAINS_VIEW) {
  const onChange = jest.fn();
  render(
    <DistributionViewEditor view={view} query={query} onChange={onChange} datasource={editorDataSource().datasource} />
  );
  return onChange;
}

describe('DistributionViewEditor', () => {
  it('switches between table and series, showing the interval only for series', () => {
    const onChange = renderEditor({ refId: 'A', view: 'domains' });
    expect(screen.getByRole('radio', { name: 'Table' })).toBeChecked();
    expect(screen.queryByRole('radio', { name: 'Auto' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Series over time' }));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', view: 'domains', output: 'series' });
  });

  it('sets the interval of a series', () => {
    const onChange = renderEditor({ refId: 'A', view: 'result-codes', output: 'series' }, RESULT_CODES_VIEW);
    fireEvent.click(screen.getByRole('radio', { name: 'Month' }));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', view: 'result-codes', output: 'series', interval: '1M' });
  });

  it('sets top N for domains on blur, refusing anything but a whole number from 1', () => {
    const onChange = renderEditor({ refId: 'A', view: 'domains', top: 10 });
    const top = screen.getByRole('spinbutton', { name: 'Top domains' });
    fireEvent.change(top, { target: { value: '0' } });
    fireEvent.blur(top);
    expect(screen.getByText('A whole number from 1')).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(top, { target: { value: '5' } });
    fireEvent.blur(top);
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', view: 'domains', top: 5 });
  });

  it('has no top N for result codes but all three filters', () => {
    renderEditor({ refId: 'A', view: 'result-codes' }, RESULT_CODES_VIEW);
    expect(screen.queryByRole('spinbutton', { name: 'Top domains' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('combobox')).toEqual([
      screen.getByRole('combobox', { name: 'Template' }),
      screen.getByRole('combobox', { name: 'Domain' }),
      screen.getByRole('combobox', { name: 'Result code' }),
    ]);
  });
});
