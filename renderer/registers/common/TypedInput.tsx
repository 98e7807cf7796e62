// A text input for values typed in a loose form and kept in a canonical one (dates, amounts,
// whole numbers): what the clerk typed stays as typed while they type; on leaving the field
// it is rewritten canonically (2024/3/1 → 2024-03-01, 12345.5 → 12,345.50), or, when it
// cannot be read, kept and marked with the reason. Never throws away what was typed.

import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import type { Read } from '../../../db/api/contract.ts';

export interface TypedInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Typed text → canonical text, or why it cannot be read. */
  readonly normalise: (text: string) => Read<string>;
}

export function TypedInput({ value, onChange, normalise, error, onBlur, ...props }: TypedInputProps) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <TextInput
      {...props}
      value={value}
      error={error ?? problem}
      onChange={(event) => {
        setProblem(null);
        onChange(event.currentTarget.value);
      }}
      onBlur={(event) => {
        const text = value.trim();
        if (text !== '') {
          const read = normalise(text);
          if (read.ok) {
            if (read.value !== value) onChange(read.value);
          } else setProblem(read.reason);
        }
        onBlur?.(event);
      }}
    />
  );
}
