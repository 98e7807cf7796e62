// The record forms' pickers: a searchable select of one value and one of several, with the
// form's shared behaviour (renderer/registers/common/enter-navigation.ts does the keys). Text
// typed into a picker that matches no option is never dropped: when the picker is left it stays
// in the input with the field error 不在可选项中, and the form refuses to save while it is there
// (reported through UnmatchedTextContext). Text that is exactly an option's label picks it.

import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { createContext, useContext, useEffect, useRef, useState, type FocusEvent } from 'react';

export const UNMATCHED_TEXT = '不在可选项中';

/** Tells the form that field `name` holds text matching no option (or no longer does: null). */
export type UnmatchedTextReport = (name: string, text: string | null) => void;

export const UnmatchedTextContext = createContext<UnmatchedTextReport>(() => undefined);

export interface PickerOption {
  readonly value: string;
  readonly label: string;
}

/** Searchable, the first match highlighted (also when the list opens: Mantine otherwise looks for the chosen option on a timer, which can fire after fast typing). */
export const comboBehaviour = {
  searchable: true,
  selectFirstOptionOnChange: true,
  selectFirstOptionOnDropdownOpen: true,
  nothingFoundMessage: '没有匹配项',
  maxDropdownHeight: 280,
} as const;

/** A single select also never drops its value when Enter confirms the option already chosen. */
export const selectBehaviour = { ...comboBehaviour, allowDeselect: false } as const;

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The unmatched text of one picker, kept in the input and reported to the form. */
function useUnmatchedText(name: string) {
  const report = useContext(UnmatchedTextContext);
  const [unmatched, setUnmatched] = useState<string | null>(null);
  const keep = (text: string | null) => {
    setUnmatched(text);
    report(name, text);
  };
  // A picker that leaves the form (a field hidden again) takes its problem with it.
  useEffect(() => () => report(name, null), [name, report]);
  return { unmatched, keep };
}

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  /** The form field this picker fills (for the unmatched-text report). */
  readonly name: string;
  readonly data: readonly PickerOption[];
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
};

/** One value from a list. */
export function Picker({ name, data, value, onChange, error, onBlur, ...rest }: PickerProps) {
  const { unmatched, keep } = useUnmatchedText(name);
  const [search, setSearch] = useState('');
  const labelOfValue = data.find((option) => option.value === value)?.label ?? '';

  const leave = (event: FocusEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value.trim();
    onBlur?.(event);
    if (text === '' || sameText(text, labelOfValue)) return keep(null);
    const exact = data.find((option) => sameText(option.label, text));
    if (exact) {
      keep(null);
      onChange(exact.value);
      return;
    }
    keep(text);
    setSearch(text);
  };

  return (
    <Select
      {...selectBehaviour}
      {...rest}
      data={data as PickerOption[]}
      value={value}
      onChange={(next) => {
        keep(null);
        onChange(next);
      }}
      onOptionSubmit={(picked) => {
        keep(null);
        setSearch(data.find((option) => option.value === picked)?.label ?? '');
      }}
      searchValue={search}
      onSearchChange={setSearch}
      onBlur={leave}
      error={unmatched !== null ? UNMATCHED_TEXT : error}
    />
  );
}

type MultiPickerProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  readonly name: string;
  readonly data: readonly PickerOption[];
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
};

/** Several values from a list. */
export function MultiPicker({ name, data, value, onChange, error, onBlur, ...rest }: MultiPickerProps) {
  const { unmatched, keep } = useUnmatchedText(name);
  const [search, setSearch] = useState('');
  /** Set while leaving with unmatched text: Mantine empties the search after our blur handler. */
  const keepingText = useRef(false);

  const leave = (event: FocusEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value.trim();
    onBlur?.(event);
    if (text === '') return keep(null);
    const exact = data.find((option) => sameText(option.label, text));
    if (exact) {
      keep(null);
      if (!value.includes(exact.value)) onChange([...value, exact.value]);
      return;
    }
    keep(text);
    keepingText.current = true;
  };

  return (
    <MultiSelect
      {...comboBehaviour}
      {...rest}
      data={data as PickerOption[]}
      value={value as string[]}
      onChange={(next) => {
        keep(null);
        onChange(next);
      }}
      searchValue={search}
      onSearchChange={(next) => {
        if (keepingText.current && next === '') {
          keepingText.current = false;
          return;
        }
        setSearch(next);
      }}
      onBlur={leave}
      error={unmatched !== null ? UNMATCHED_TEXT : error}
    />
  );
}
