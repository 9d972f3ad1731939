import React, { useState } from 'react';
import { InlineField, Input } from '@grafana/ui';
import { LABEL_WIDTH } from './layout';

interface Props {
  label: string;
  tooltip: string;
  /** The query's current text for this setting. */
  value: string;
  placeholder: string;
  width: number;
  /** Whether the typed text may be applied; invalid text shows `error` and is not applied. */
  isValid?: (text: string) => boolean;
  error?: string;
  type?: 'text' | 'number';
  /** Called with the trimmed text on blur, when it is valid and differs from the value. */
  onCommit: (text: string) => void;
}

/** A typed setting, applied (and the query run) when the field loses focus rather than on every key. */
export function TextSettingField({ label, tooltip, value, placeholder, width, isValid, error, type, onCommit }: Props) {
  const [text, setText] = useState(value);
  const valid = isValid ? isValid(text) : true;
  return (
    <InlineField label={label} labelWidth={LABEL_WIDTH} tooltip={tooltip} invalid={!valid} error={error}>
      <Input
        aria-label={label}
        type={type}
        width={width}
        value={text}
        placeholder={placeholder}
        onChange={(event) => setText(event.currentTarget.value)}
        onBlur={() => valid && text.trim() !== value && onCommit(text.trim())}
      />
    </InlineField>
  );
}
