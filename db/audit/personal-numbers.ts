// Personal numbers (身份证号码, phone numbers) in what the API hands out: masked in lists and
// in the audit log's pages (4451**********1234), in full only in one record's detail view,
// which the audit trail records. Environment-neutral and pure: it copies, never mutates.
// Register lists and drill-downs are masked by what their fields and columns are declared to
// be; the audit log's entries (any table's records, nested) still by their field names.

import type { RegisterDefinition, RegisterRecord } from '../registers/register.ts';
import type { ListPage } from '../registers/store.ts';
import type { DrillDown, DrillDownRow } from '../report/engine.ts';

/** Field names that hold a personal number, in records (id_number, recipient_id_number …) and report rows (idNumber). */
const personalField = /(^|_)id_number$|idNumber$|phone|mobile|(^|_)tel(ephone)?$/i;

export function isPersonalNumberField(name: string): boolean {
  return personalField.test(name);
}

/** 4451**********1234: first four and last four kept, enough to tell people apart, not to copy. */
export function maskPersonalNumber(number: string): string {
  if (number.length > 8) return `${number.slice(0, 4)}${'*'.repeat(number.length - 8)}${number.slice(-4)}`;
  return number.length > 4 ? `${'*'.repeat(number.length - 4)}${number.slice(-4)}` : '*'.repeat(number.length);
}

/** A copy of a register's list page with its personal numbers masked: its fields of kind idNumber and the joined columns it declares. */
export function maskListPage(register: RegisterDefinition, page: ListPage): ListPage {
  const keys = [...register.fields.filter((field) => field.kind === 'idNumber').map((field) => field.name), ...(register.listIdNumbers ?? [])];
  const rows = page.rows.map((row) => {
    const masked: RegisterRecord = { ...row };
    for (const key of keys) if (typeof row[key] === 'string') masked[key] = maskPersonalNumber(row[key]);
    return masked;
  });
  return { ...page, rows };
}

/** A copy of the drill-down with the numbers in its personal-number columns (as its columns declare them) masked. */
export function maskDrillDown(drill: DrillDown): DrillDown {
  const keys = drill.columns.filter((column) => column.personalNumber).map((column) => column.key);
  const rows = drill.rows.map((row) => {
    const masked: Record<string, unknown> = { ...row };
    for (const key of keys) if (typeof row[key] === 'string') masked[key] = maskPersonalNumber(row[key]);
    return masked as DrillDownRow;
  });
  return { ...drill, rows };
}

/** A copy of `value` (rows, records, pages, nested arrays) with every personal number masked. */
export function maskPersonalNumbers<T>(value: T): T {
  return mask(value) as T;
}

function mask(value: unknown, field?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => mask(item, field));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mask(item, key)]));
  if (field !== undefined && isPersonalNumberField(field) && (typeof value === 'string' || typeof value === 'number')) {
    return maskPersonalNumber(String(value));
  }
  return value;
}

/** Where a record holds a personal number: `recipient_id_number`, `parties[1].id_number` … */
export function personalNumberPaths(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => personalNumberPaths(item, `${at}[${index}]`));
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const path = at ? `${at}.${key}` : key;
    if (isPersonalNumberField(key)) return typeof item === 'string' && item !== '' ? [path] : [];
    return personalNumberPaths(item, path);
  });
}

/** The personal numbers a record holds, in full (what an audit search by a full number looks for). */
export function personalNumbers(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(personalNumbers);
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    if (isPersonalNumberField(key)) return typeof item === 'string' || typeof item === 'number' ? [String(item)] : [];
    return personalNumbers(item);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
