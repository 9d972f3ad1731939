import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { editorDataSource } from '../testing/editorFixtures';
import type { MailVariableQuery } from '../types';
import { VariableQueryEditor } from './VariableQueryEditor';

function renderEditor(query: MailVariableQuery) {
  const onChange = jest.fn();
  render(
    <VariableQueryEditor
      query={query}
      onChange={onChange}
      onRunQuery={jest.fn()}
      datasource={editorDataSource().datasource}
    />
  );
  return onChange;
}

describe('VariableQueryEditor', () => {
  it('chooses which values the variable lists', () => {
    const onChange = renderEditor({ refId: 'A', kind: 'templates' });
    expect(screen.getByRole('radio', { name: 'Templates' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: 'Result codes' }));
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', kind: 'result-codes' });
  });

  it('sets the search text on blur, keeping the kind of a new variable explicit', () => {
    const onChange = renderEditor({ refId: 'A' } as MailVariableQuery);
    expect(screen.getByRole('radio', { name: 'Templates' })).toBeChecked();
    const search = screen.getByRole('textbox', { name: 'Containing' });
    fireEvent.change(search, { target: { value: 'welcome' } });
    fireEvent.blur(search);
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', kind: 'templates', search: 'welcome' });
  });
});
