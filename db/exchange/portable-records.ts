// Records as they travel between sites: the register's fields with every reference to another
// row given by what identifies it on every machine — an office by its name, an organisation,
// mediator or stint by its gid — plus the record's gid, office, deletion and times. Reading one
// from the database and writing one into it (upsert by gid; `fields: null` is a record that no
// longer exists at the sender, e.g. removed by undoing an import).

import type { RegisterDatabase } from '../database.ts';
import { registerByName, registers } from '../registers/index.ts';
import { firstValue, firstValues } from './first-column.ts';
import { findByKey, statement, type RecordReference, type RegisterDefinition, type RegisterRecord } from '../registers/register.ts';
import { insertRecord, loadVocabulary, parseRecord, readRecord, recordFields, updateRecord } from '../registers/store.ts';
import type { Vocabulary } from '../registers/vocabulary.ts';

export interface PortableRecord {
  /** Table. */
  readonly t: string;
  readonly gid: string;
  /** The office the record belongs to (its name). */
  readonly office: string;
  /** The fields, references portable; null: the record no longer exists. */
  readonly fields: RegisterRecord | null;
  readonly deletedAt: string | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

/** A package or join file that cannot be applied: its Chinese reason. */
export class PackageRefused extends Error {
  override readonly name = 'PackageRefused';
}

export const registerByTable = new Map<string, RegisterDefinition>(registers.map((register) => [register.table, register]));

interface Reference {
  readonly field: string;
  /** The table it points into: 'office' (by name) or a register's (by gid). */
  readonly table: string;
  /** A list of references. */
  readonly many: boolean;
}

/** Each register's reference fields, as it declares them: its office, and its fields (and child fields) that refer to records. */
const referencesByTable = new Map<string, readonly Reference[]>(
  registers.map((register) => {
    const toRecords = (field: string, target: RecordReference): Reference => ({
      field,
      table: registerByName.get(target.register)!.table,
      many: target.many === true,
    });
    return [
      register.table,
      [
        ...register.fields.flatMap((field): Reference[] => {
          if (field.kind === 'office') return [{ field: field.name, table: 'office', many: false }];
          return field.refersTo ? [toRecords(field.name, field.refersTo)] : [];
        }),
        ...Object.entries(register.children?.refersTo ?? {}).map(([field, target]) => toRecords(field, target)),
      ],
    ];
  }),
);

function portableRef(db: RegisterDatabase, table: string, id: unknown): string {
  const column = table === 'office' ? 'name' : 'gid';
  const value = firstValue(db, `SELECT ${column} FROM ${table} WHERE id = ?`, id) as string | null | undefined;
  if (!value) throw new Error(`${table} ${String(id)} has no ${column}`);
  return value;
}

function localRef(db: RegisterDatabase, table: string, ref: unknown): number {
  const column = table === 'office' ? 'name' : 'gid';
  const id = firstValue(db, `SELECT id FROM ${table} WHERE ${column} = ?`, ref) as number | undefined;
  if (id === undefined) {
    throw new PackageRefused(
      table === 'office' ? `数据包中的单位「${String(ref)}」在本机不存在` : '数据包中的记录引用了本机没有的记录（数据包不完整）',
    );
  }
  return id;
}

/** The record of `register` with this local id, in portable form; undefined when there is none. */
export function readPortable(db: RegisterDatabase, register: RegisterDefinition, id: number): PortableRecord | undefined {
  const stored = readRecord(db, register, id);
  if (!stored) return undefined;
  const fields = recordFields(register, stored);
  for (const { field: name, table, many } of referencesByTable.get(register.table)!) {
    if (!(name in fields) || fields[name] === null || fields[name] === undefined) continue;
    fields[name] = many
      ? (fields[name] as number[]).map((ref) => portableRef(db, table, ref)).sort()
      : portableRef(db, table, fields[name]);
  }
  const office = firstValue(db, `SELECT f.name FROM ${register.table} t JOIN office f ON f.id = ${register.officeSql} WHERE t.id = ?`, id) as string;
  return {
    t: register.table,
    gid: stored.gid as string,
    office,
    fields,
    deletedAt: (stored.deleted_at as string | null) ?? null,
    createdAt: (stored.created_at as string | null) ?? null,
    updatedAt: (stored.updated_at as string | null) ?? null,
  };
}

/** The record with this gid, in portable form; a record that no longer exists has fields null. */
export function readPortableByGid(db: RegisterDatabase, table: string, gid: string, office: string): PortableRecord {
  const register = registerByTable.get(table)!;
  const id = firstValue(db, `SELECT id FROM ${table} WHERE gid = ?`, gid) as number | undefined;
  const found = id === undefined ? undefined : readPortable(db, register, id);
  return found ?? { t: table, gid, office, fields: null, deletedAt: null, createdAt: null, updatedAt: null };
}

/** Every record of one office, in the order records depend on each other. */
export function officeRecords(db: RegisterDatabase, officeId: number): PortableRecord[] {
  const out: PortableRecord[] = [];
  for (const register of registers) {
    const ids = firstValues(db, `SELECT t.id FROM ${register.table} t WHERE ${register.officeSql} = ? ORDER BY t.id`, officeId) as number[];
    for (const id of ids) out.push(readPortable(db, register, id)!);
  }
  return out;
}

const order = new Map(registers.map((register, index) => [register.table, index]));

/**
 * Writes records into the database (inside the caller's transaction): the records that no
 * longer exist are removed first (dependents first), then the others are upserted by gid in the
 * order records depend on each other. Returns how many were written.
 */
export function writePortables(db: RegisterDatabase, records: readonly PortableRecord[]): number {
  for (const record of records) {
    if (!registerByTable.has(record.t)) throw new PackageRefused(`数据包中有不认识的台账「${record.t}」`);
  }
  const gone = records.filter((record) => record.fields === null).sort((a, b) => order.get(b.t)! - order.get(a.t)!);
  for (const record of gone) statement(db, `DELETE FROM ${record.t} WHERE gid = ?`).run(record.gid);
  const present = records.filter((record) => record.fields !== null).sort((a, b) => order.get(a.t)! - order.get(b.t)!);
  const vocabulary = loadVocabulary(db);
  for (const record of present) writeOne(db, vocabulary, record);
  return records.length;
}

function writeOne(db: RegisterDatabase, vocabulary: Vocabulary, portable: PortableRecord): void {
  const register = registerByTable.get(portable.t)!;
  const input: RegisterRecord = { ...portable.fields };
  for (const { field: name, table, many } of referencesByTable.get(register.table)!) {
    if (!(name in input) || input[name] === null || input[name] === undefined) continue;
    input[name] = many ? (input[name] as string[]).map((ref) => localRef(db, table, ref)) : localRef(db, table, input[name]);
  }
  const parsed = parseRecord(register, vocabulary, input);
  if (!parsed.ok) {
    const detail = Object.entries(parsed.fieldErrors)
      .map(([field, message]) => `${register.fields.find((spec) => spec.name === field)?.header ?? field}${message}`)
      .join('；');
    throw new PackageRefused(`数据包中的${register.title}记录不符合本机的规则：${detail}`);
  }
  let id = firstValue(db, `SELECT id FROM ${register.table} WHERE gid = ?`, portable.gid) as number | undefined;
  if (id === undefined) {
    const key = register.keyOf(parsed.record);
    const clash = findByKey(db, register.table, key);
    if (clash) {
      const owner = firstValue(db, `SELECT f.name FROM ${register.table} t JOIN office f ON f.id = ${register.officeSql} WHERE t.id = ?`, clash.id) as string;
      throw new PackageRefused(`${register.title}的${key.what}「${key.params.join(' ')}」在本机已有另一条记录（属于${owner}），请先核对后再导入`);
    }
    id = insertRecord(db, register, parsed.record);
  } else {
    updateRecord(db, register, id, parsed.record);
  }
  statement(db, `UPDATE ${register.table} SET gid = ?, deleted_at = ?, created_at = ?, updated_at = ? WHERE id = ?`).run(
    portable.gid,
    portable.deletedAt,
    portable.createdAt,
    portable.updatedAt,
    id,
  );
}
