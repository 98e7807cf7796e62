// The input for one field, chosen by its kind: text, date, amount in 元, whole number, 是/否,
// a code (searchable select), a set of codes, an office, a 身份证号码 (custom fields have the
// view's own editors). Selects are the form's pickers (./Picker.tsx); an office picker offers
// only the offices the user may choose. Required fields carry the mark (*).

import { Autocomplete, Checkbox, TextInput, Textarea } from '@mantine/core';
import { memo } from 'react';
import { readIdNumber, readMoneyFen, readWholeNumber } from '../../../db/api/contract.ts';
import { formatFen } from '../../common/format.ts';
import { readIdNumberText } from './field-values.ts';
import { DateField } from './DateField.tsx';
import { picksOnEnterAttribute } from './enter-navigation.ts';
import { MultiPicker, Picker } from './Picker.tsx';
import type { Catalogue, FieldDescription, Office } from './types.ts';
import { TypedInput } from './TypedInput.tsx';

export { comboBehaviour, selectBehaviour } from './Picker.tsx';

export interface FieldInputProps {
  readonly field: FieldDescription;
  readonly value: unknown;
  /** Sets a field's value by name (stable, so an unchanged field does not redraw). */
  readonly set: (name: string, value: unknown) => void;
  readonly error: string | undefined;
  readonly catalogue: Catalogue;
  readonly disabled?: boolean;
  readonly description?: string;
  /** The offices an office field offers (the user's own; only 司法所 where the field asks for one). */
  readonly offices?: readonly Office[];
  /** Values already used in a free-text field, offered as the clerk types. */
  readonly suggestions?: readonly string[];
}

/** Text fields that take several lines (Shift+Enter for a new line; Enter moves on). */
const multilineFields = new Set(['note']);

export const isMultiline = (field: FieldDescription) => field.kind === 'text' && multilineFields.has(field.name);

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
export const FieldInput = memo(function FieldInput({ field, value, set, error, catalogue, disabled, description, offices, suggestions }: FieldInputProps) {
  const common = { label: field.header, error, disabled, description, withAsterisk: field.requiredColumn };
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
        <Picker
          {...common}
          name={field.name}
          clearable={!field.requiredColumn}
          data={codeOptions(catalogue, field.list)}
          value={(value as string | null) ?? null}
          onChange={onChange}
        />
      );
    case 'codeSet':
      return (
        <MultiPicker
          {...common}
          {...picksOnEnterAttribute}
          name={field.name}
          clearable
          data={codeOptions(catalogue, field.list)}
          value={(value as string[] | null) ?? []}
          onChange={onChange}
        />
      );
    case 'office':
      return (
        <Picker
          {...common}
          name={field.name}
          data={(offices ?? catalogue.offices).map((office) => ({ value: String(office.id), label: office.name }))}
          value={(value as string | null) ?? null}
          onChange={onChange}
        />
      );
    default:
      if (isMultiline(field)) {
        return <Textarea {...common} value={text} onChange={(event) => onChange(event.currentTarget.value)} autosize minRows={2} maxRows={6} />;
      }
      return suggestions && suggestions.length > 0 ? (
        <Autocomplete {...common} data={suggestions as string[]} value={text} onChange={onChange} autoComplete="off" limit={20} />
      ) : (
        <TextInput {...common} value={text} onChange={(event) => onChange(event.currentTarget.value)} autoComplete="off" />
      );
  }
});
