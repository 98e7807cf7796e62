// A field's value in its three forms: as stored (the API record), as the form holds it (what
// the clerk typed) and as shown (lists and details). Typed text is read with the same readers
// the importer uses (db/registers/values.ts), so a date or an amount means the same thing
// whether it was typed or imported; money becomes integer fen without float arithmetic.
// Pure functions: no React, no API calls. Whether a value is allowed is the backend's call.

import { readDate, readIdNumber, readMoneyFen, readWholeNumber, toHalfWidth, type Read } from '../../../db/api/contract.ts';
import { DASH, formatCount, formatDay, formatFen } from '../../common/format.ts';
import type { Catalogue, Derivation, FieldDescription, FormValues } from './types.ts';

/** 4451**********1234: enough to tell people apart in a list, not enough to copy. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return idNumber;
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** A typed date: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日 or 20240301 → `YYYY-MM-DD`. */
export function readTypedDate(text: string): Read<string> {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(toHalfWidth(text).trim());
  const read = readDate(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : text);
  return read.ok ? read : { ok: false, reason: '不是有效日期，请按 2024-03-01 填写' };
}

/** A form value read as a day, `YYYY-MM-DD`, or null while it does not read as one. */
export function typedDay(value: unknown): string | null {
  const read = readTypedDate(String(value ?? ''));
  return read.ok ? read.value : null;
}

/** For `shownWhen`: the field `name` holds something. */
export const filledIn = (name: string) => (values: FormValues) => String(values[name] ?? '').trim() !== '';

/** A typed 身份证号码 in its canonical form (half-width, upper-case X), or why it is not one. */
export function readIdNumberText(text: string): Read<string> {
  const facts = readIdNumber(text);
  return facts.ok ? { ok: true, value: facts.value.idNumber } : facts;
}

export function labelOf(catalogue: Catalogue, list: string | undefined, code: unknown): string {
  if (typeof code !== 'string' || code === '') return DASH;
  return catalogue.lists.get(list ?? '')?.find((item) => item.code === code)?.label ?? code;
}

export function officeName(catalogue: Catalogue, id: unknown): string {
  return catalogue.offices.find((office) => office.id === Number(id))?.name ?? DASH;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** The form value of a new record. */
export function emptyFormValue(field: FieldDescription): unknown {
  switch (field.kind) {
    case 'yesNo':
      return false;
    case 'code':
    case 'office':
      return null;
    case 'codeSet':
      return [];
    default:
      return '';
  }
}

/** Stored value → what the input holds. */
export function toFormValue(field: FieldDescription, stored: unknown): unknown {
  if (isEmpty(stored)) return emptyFormValue(field);
  switch (field.kind) {
    case 'money':
      return formatFen(stored as number);
    case 'int':
      return String(stored);
    case 'yesNo':
      return Boolean(stored);
    case 'office':
      return String(stored);
    default:
      return stored;
  }
}

/** What the input holds → stored value; empty is null (the backend says when it must be given). */
export function toRecordValue(field: FieldDescription, held: unknown): Read<unknown> {
  if (field.kind === 'yesNo') return { ok: true, value: Boolean(held) };
  if (field.kind === 'codeSet') return { ok: true, value: held ?? [] };
  const text = typeof held === 'string' ? held.trim() : held;
  if (isEmpty(text)) return { ok: true, value: null };
  switch (field.kind) {
    case 'date':
      return readTypedDate(text as string);
    case 'money':
      return readMoneyFen(text as string);
    case 'int':
      return readWholeNumber(text as string, field.min ?? 0);
    case 'idNumber':
      return { ok: true, value: toHalfWidth(text as string).toUpperCase() };
    case 'office':
      return { ok: true, value: Number(text) };
    default:
      return { ok: true, value: text };
  }
}

/** A stored value as text for people; 身份证号码 masked unless `fullIdNumber`. */
export function displayValue(
  field: FieldDescription,
  stored: unknown,
  catalogue: Catalogue,
  { fullIdNumber = false } = {},
): string {
  if (field.kind === 'yesNo') return stored ? '是' : '否';
  if (isEmpty(stored)) return DASH;
  switch (field.kind) {
    case 'date':
      return formatDay(stored as string);
    case 'money':
      return formatFen(stored as number);
    case 'int':
      return formatCount(stored as number);
    case 'code':
      return labelOf(catalogue, field.list, stored);
    case 'codeSet': {
      const codes = stored as string[];
      return codes.length ? codes.map((code) => labelOf(catalogue, field.list, code)).join('、') : DASH;
    }
    case 'idNumber':
      return fullIdNumber ? String(stored) : maskIdNumber(String(stored));
    case 'office':
      return officeName(catalogue, stored);
    default:
      return String(stored);
  }
}

/** Sex (and birth date) read from a valid 身份证号码 in `idField`. */
export function fromIdNumber(idField: string, sexField: string, birthDateField?: string): Derivation {
  return {
    note: '由身份证号码得出',
    from: (values) => {
      const facts = readIdNumber(String(values[idField] ?? ''));
      if (!facts.ok) return {};
      return { [sexField]: facts.value.sex, ...(birthDateField ? { [birthDateField]: facts.value.birthDate } : {}) };
    },
  };
}
