import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { TextSettingField } from './TextSettingField';

function renderField(value: string) {
  const onCommit = jest.fn();
  render(
    <TextSettingField
      label="Code"
      tooltip="Two letters"
      value={value}
      placeholder="AB"
      width={10}
      isValid={(text) => /^[A-Z]{0,2}$/.test(text.trim())}
      error="Two capital letters"
      onCommit={onCommit}
    />
  );
  return { onCommit, input: screen.getByRole('textbox', { name: 'Code' }) };
}

describe('TextSettingField', () => {
  it('applies the trimmed text on blur, not while typing', () => {
    const { onCommit, input } = renderField('');
    fireEvent.change(input, { target: { value: ' XY ' } });
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenCalledWith('XY');
  });

  it('does not apply invalid or unchanged text', () => {
    const { onCommit, input } = renderField('AB');
    fireEvent.blur(input);
    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.blur(input);
    expect(screen.getByText('Two capital letters')).toBeInTheDocument();
    expect(onCommit).not.toHaveBeenCalled();
  });
});
