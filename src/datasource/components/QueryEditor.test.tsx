import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { MailQuery } from '../types';
import { editorDataSource, giveElementsASize } from '../testing/editorFixtures';
import { QueryEditor } from './QueryEditor';

function renderEditor(query: MailQuery) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  const { datasource } = editorDataSource();
  render(<QueryEditor query={query} onChange={onChange} onRunQuery={onRunQuery} datasource={datasource} />);
  return { onChange, onRunQuery };
}

beforeEach(giveElementsASize);

describe('QueryEditor', () => {
  it('switches the view and runs the query', async () => {
    const query: MailQuery = { refId: 'A', view: 'request-date', interval: 'auto', templates: ['welcome'] };
    const { onChange, onRunQuery } = renderEditor(query);
    const viewInput = screen.getByRole('combobox', { name: 'View' });
    expect(viewInput).toHaveValue('By request date');
    await act(async () => fireEvent.click(viewInput));
    await act(async () => fireEvent.click(await screen.findByRole('option', { name: 'By domain' })));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', view: 'domains', interval: 'auto', templates: ['welcome'] });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('shows the editor of the query view', () => {
    renderEditor({ refId: 'A', view: 'sending-limit' });
    expect(screen.getByRole('textbox', { name: 'Month' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Metrics' })).not.toBeInTheDocument();
  });

  it('gives a query without a view the default view editor', () => {
    renderEditor({ refId: 'A' } as MailQuery);
    expect(screen.getByRole('combobox', { name: 'View' })).toHaveValue('By request date');
    expect(screen.getByRole('combobox', { name: 'Metrics' })).toBeInTheDocument();
  });
});
