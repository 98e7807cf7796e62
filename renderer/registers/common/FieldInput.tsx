// The input for one field, chosen by its kind: text, date, amount in 元, whole number, 是/否,
// a code (searchable select), a set of codes, an office, a 身份证号码 (custom fields have the
// view's own editors). Selects are searchable and keyboard-driven: type to filter, the
// first match is highlighted, Enter picks it.

import { Checkbox, MultiSelect, Select, TextInput, Textarea } from '@mantine/core';
import { memo } from 'react';
import { readIdNumber, readMoneyFen, readWholeNumber } from '../../../db/registers/values.ts';
import { formatFen } from '../../common/format.ts';
import { readIdNumberText } from './field-values.ts';
import { DateField } from './DateField.tsx';
import { picksOnEnterAttribute } from './enter-navigation.ts';
import type { Catalogue, FieldDescription } from './types.ts';
import { TypedInput } from './TypedInput.tsx';

export interface FieldInputProps {
  readonly field: FieldDescription;
  readonly value: unknown;
  /** Sets a field's value by name (stable, so an unchanged field does not redraw). */
  readonly set: (name: string, value: unknown) => void;
  readonly error: string | undefined;
  readonly catalogue: Catalogue;
  readonly disabled?: boolean;
  readonly description?: string;
}

/** Text fields that take several lines (Shift+Enter for a new line; Enter moves on). */
const multilineFields = new Set(['note']);

export const isMultiline = (field: FieldDescription) => field.kind === 'text' && multilineFields.has(field.name);

/**
 * Options shared by selects and multi-selects: searchable, the first match highlighted. The
 * first option is also highlighted when the dropdown opens: Mantine otherwise looks for the
 * chosen option on a timer, which can fire after fast typing and leave Enter picking nothing.
 */
export const comboBehaviour = {
  searchable: true,
  selectFirstOptionOnChange: true,
  selectFirstOptionOnDropdownOpen: true,
  nothingFoundMessage: '没有匹配项',
  maxDropdownHeight: 280,
} as const;

/** A single select also never drops its value when Enter confirms the option already chosen. */
export const selectBehaviour = { ...comboBehaviour, allowDeselect: false } as const;

export function codeOptions(catalogue: Catalogue, list: string | undefined) {
  return (catalogue.lists.get(list ?? '') ?? []).map((item) => ({ value: item.code, label: item.label }));
}

const readMoney = (text: string) => {
  const fen = readMoneyFen(text);
  return fen.ok ? { ok: true as const, value: formatFen(fen.value) } : fen;
};

/** 男 · 1949-12-31 出生, read from a valid number. */
function idNumberFacts(text: string): string | undefined {
  const facts = readIdNumber(text);
  return facts.ok ? `${facts.value.sex === 'male' ? '男' : '女'} · ${facts.value.birthDate} 出生` : undefined;
}

/** The input for a field of a generated kind; redraws only when its own props change. */
export const FieldInput = memo(function FieldInput({ field, value, set, error, catalogue, disabled, description }: FieldInputProps) {
  const common = { label: field.header, error, disabled, description };
  const text = (value as string | null) ?? '';
  const onChange = (next: unknown) => set(field.name, next);
  switch (field.kind) {
    case 'date':
      return <DateField {...common} value={text} onChange={onChange} />;
    case 'money':
      return <TypedInput {...common} value={text} onChange={onChange} normalise={readMoney} rightSection="元" placeholder="0.00" inputMode="decimal" />;
    case 'int':
      return (
        <TypedInput
          {...common}
          value={text}
          onChange={onChange}
          normalise={(typed) => {
            const read = readWholeNumber(typed, field.min ?? 0);
            return read.ok ? { ok: true, value: String(read.value) } : read;
          }}
          inputMode="numeric"
        />
      );
    case 'idNumber':
      return (
        <TypedInput
          {...common}
          description={description ?? idNumberFacts(text)}
          value={text}
          onChange={onChange}
          normalise={readIdNumberText}
          maxLength={18}
          autoComplete="off"
        />
      );
    case 'yesNo':
      return (
        <Checkbox
          label={field.header}
          checked={Boolean(value)}
          onChange={(event) => onChange(event.currentTarget.checked)}
          error={error}
          disabled={disabled}
          mt="lg"
        />
      );
    case 'code':
      return (
        <Select
          {...common}
          {...selectBehaviour}
          clearable={!field.requiredColumn}
          data={codeOptions(catalogue, field.list)}
          value={(value as string | null) ?? null}
          onChange={onChange}
        />
      );
    case 'codeSet':
      return (
        <MultiSelect
          {...common}
          {...comboBehaviour}
          {...picksOnEnterAttribute}
          clearable
          data={codeOptions(catalogue, field.list)}
          value={(value as string[] | null) ?? []}
          onChange={onChange}
        />
      );
    case 'office':
      return (
        <Select
          {...common}
          {...selectBehaviour}
          data={catalogue.offices.map((office) => ({ value: String(office.id), label: office.name }))}
          value={(value as string | null) ?? null}
          onChange={onChange}
        />
      );
    default:
      return isMultiline(field) ? (
        <Textarea {...common} value={text} onChange={(event) => onChange(event.currentTarget.value)} autosize minRows={2} maxRows={6} />
      ) : (
        <TextInput {...common} value={text} onChange={(event) => onChange(event.currentTarget.value)} autoComplete="off" />
      );
  }
});
