import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { SENDING_LIMIT_VIEW } from '../../../contract/views';
import { editorDataSource } from '../testing/editorFixtures';
import type { MailQuery } from '../types';
import { SendingLimitEditor } from './SendingLimitEditor';

function renderEditor(query: MailQuery) {
  const onChange = jest.fn();
  render(
    <SendingLimitEditor
      view={SENDING_LIMIT_VIEW}
      query={query}
      onChange={onChange}
      datasource={editorDataSource().datasource}
    />
  );
  return onChange;
}

describe('SendingLimitEditor', () => {
  it('sets the month on blur when it is YYYY-MM', () => {
    const onChange = renderEditor({ refId: 'A', view: 'sending-limit' });
    const month = screen.getByRole('textbox', { name: 'Month' });
    fireEvent.change(month, { target: { value: '2026-3' } });
    fireEvent.blur(month);
    expect(screen.getByText('A month as YYYY-MM, e.g. 2026-03')).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(month, { target: { value: '2026-03' } });
    fireEvent.blur(month);
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', view: 'sending-limit', month: '2026-03' });
  });

  it('clears the month back to the month the range ends in', () => {
    const onChange = renderEditor({ refId: 'A', view: 'sending-limit', month: '2026-01' });
    const month = screen.getByRole('textbox', { name: 'Month' });
    fireEvent.change(month, { target: { value: '' } });
    fireEvent.blur(month);
    expect(onChange).toHaveBeenCalledWith({ refId: 'A', view: 'sending-limit', month: '' });
  });

  it('sets how many months and days or months output', () => {
    const onChange = renderEditor({ refId: 'A', view: 'sending-limit' });
    expect(screen.getByRole('radio', { name: '3' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Days' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: '2' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'A', view: 'sending-limit', months: 2 });
    fireEvent.click(screen.getByRole('radio', { name: 'Months' }));
    expect(onChange).toHaveBeenLastCalledWith({ refId: 'A', view: 'sending-limit', limitOutput: 'months' });
  });
});
