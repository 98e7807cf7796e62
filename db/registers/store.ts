// Reading and writing register records: validation (schema, then relations), insert, update,
// soft delete, restore, get and list. One implementation for every register, driven by its
// definition; the API and the importer both write through here.

import type { RegisterDatabase } from '../database.ts';
import {
  keyTaken,
  statement,
  type FieldSpec,
  type RegisterDefinition,
  type RegisterRecord,
  type RelationContext,
} from './register.ts';
import { Vocabulary } from './vocabulary.ts';
import { checkOwnership } from '../exchange/ownership.ts';

export type FieldErrors = Record<string, string>;

export type Validated = { ok: true; record: RegisterRecord } | { ok: false; fieldErrors: FieldErrors };

export function loadVocabulary(db: RegisterDatabase): Vocabulary {
  return new Vocabulary(
    statement(db, 'SELECT list, code, label FROM list_item ORDER BY list, sort').all() as {
      list: string;
      code: string;
      label: string;
    }[],
  );
}

/** Schemas are built once per vocabulary (the lists change only in settings). */
const schemaCache = new WeakMap<Vocabulary, Map<string, ReturnType<RegisterDefinition['schema']>>>();

function schemaOf(register: RegisterDefinition, vocabulary: Vocabulary) {
  let schemas = schemaCache.get(vocabulary);
  if (!schemas) {
    schemas = new Map();
    schemaCache.set(vocabulary, schemas);
  }
  let schema = schemas.get(register.name);
  if (!schema) {
    schema = register.schema(vocabulary);
    schemas.set(register.name, schema);
  }
  return schema;
}

/**
 * A record's field errors in one line, each named by its field: 「结案日期：早于受理日期；案件编号已存在」.
 * A message that already names its field (案件编号已存在, 至少填写一名调解员) is not prefixed again.
 */
export function fieldErrorsSentence(register: RegisterDefinition, fieldErrors: FieldErrors): string {
  const headerOf = new Map(register.fields.map((field) => [field.name, field.header]));
  return Object.entries(fieldErrors)
    .map(([field, message]) => {
      const header = headerOf.get(field);
      return header === undefined || message.includes(header) ? message : `${header}：${message}`;
    })
    .join('；');
}

function addError(errors: FieldErrors, field: string, message: string): void {
  errors[field] = errors[field] ? `${errors[field]}；${message}` : message;
}

/** The record's own rules (zod): the canonical record, or what is wrong with each field. */
export function parseRecord(register: RegisterDefinition, vocabulary: Vocabulary, input: unknown): Validated {
  const parsed = schemaOf(register, vocabulary).safeParse(input);
  if (parsed.success) return { ok: true, record: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) addError(fieldErrors, String(issue.path[0] ?? ''), issue.message);
  return { ok: false, fieldErrors };
}

/**
 * The rules that need the database, for a parsed record. `checkKey` false skips the key check,
 * for a caller that has just looked the key up and passes that row's id (the importer).
 */
export function checkRelations(
  register: RegisterDefinition,
  record: RegisterRecord,
  context: RelationContext,
  checkKey = true,
): FieldErrors | null {
  const problems = checkKey
    ? [...keyTaken(register, record, context), ...register.checkRelations(record, context)]
    : register.checkRelations(record, context);
  if (problems.length === 0) return null;
  const fieldErrors: FieldErrors = {};
  for (const { field, reason } of problems) addError(fieldErrors, field, reason);
  return fieldErrors;
}

/** The record's own rules (zod), then the rules that need the database. */
export function validateRecord(
  db: RegisterDatabase,
  register: RegisterDefinition,
  vocabulary: Vocabulary,
  input: unknown,
  id?: number,
): Validated {
  const parsed = parseRecord(register, vocabulary, input);
  if (!parsed.ok) return parsed;
  const fieldErrors = checkRelations(register, parsed.record, id === undefined ? { db } : { db, id });
  return fieldErrors ? { ok: false, fieldErrors } : parsed;
}

/** What writing a register's rows needs, worked out once per register. */
interface WriteShape {
  /** Fields stored as columns of the table (the others live in child tables). */
  readonly columns: readonly string[];
  /** Each written column's value from a record: the fields' columns, then the derived ones. */
  readonly values: readonly ((record: RegisterRecord) => unknown)[];
  readonly insertSql: string;
  readonly updateSql: string;
}

const writeShapes = new WeakMap<RegisterDefinition, WriteShape>();

function writeShape(register: RegisterDefinition): WriteShape {
  let shape = writeShapes.get(register);
  if (!shape) {
    const childFields = new Set(register.children?.fields ?? []);
    const stored = register.fields.filter((field) => !childFields.has(field.name));
    const columns = stored.map((field) => field.name);
    const derived = Object.entries(register.derivedColumns ?? {});
    const written = [...columns, ...derived.map(([column]) => column)];
    shape = {
      columns,
      values: [...stored.map(storedValue), ...derived.map(([, value]) => value)],
      insertSql: `INSERT INTO ${register.table} (${[...written, 'created_at', 'updated_at'].join(', ')})
    VALUES (${[...written, 'created_at', 'updated_at'].map(() => '?').join(', ')})`,
      updateSql: `UPDATE ${register.table} SET ${written.map((column) => `${column} = ?`).join(', ')},
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), deleted_at = NULL WHERE id = ?`,
    };
    writeShapes.set(register, shape);
  }
  return shape;
}

function columnsOf(register: RegisterDefinition): readonly string[] {
  return writeShape(register).columns;
}

/** A field's column value: SQLite takes numbers, text and null; flags are 0/1. */
function storedValue(field: FieldSpec): (record: RegisterRecord) => unknown {
  const { name, stored } = field;
  if (stored) return (record) => stored.encode(record[name]);
  return (record) => {
    const value = record[name];
    return typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null);
  };
}

/** The record's values in the order of the written columns. */
function columnValues(shape: WriteShape, record: RegisterRecord): unknown[] {
  const values = new Array<unknown>(shape.values.length);
  for (let i = 0; i < shape.values.length; i++) values[i] = shape.values[i]!(record);
  return values;
}

/**
 * The time now as the schema's defaults write it (strftime('%Y-%m-%dT%H:%M:%fZ','now')), made
 * once per millisecond: SQLite working it out for every row is a good part of a bulk import.
 */
function timestamp(): string {
  const now = Date.now();
  if (now !== lastTimestamp.at) lastTimestamp = { at: now, text: new Date(now).toISOString() };
  return lastTimestamp.text;
}

let lastTimestamp = { at: 0, text: '' };

export function insertRecord(db: RegisterDatabase, register: RegisterDefinition, record: RegisterRecord): number {
  checkOwnership(db, register, record);
  const shape = writeShape(register);
  const values = columnValues(shape, record);
  const now = timestamp();
  values.push(now, now);
  const id = Number(statement(db, shape.insertSql).run(values).lastInsertRowid);
  register.children?.write(db, id, record, false);
  return id;
}

export function updateRecord(db: RegisterDatabase, register: RegisterDefinition, id: number, record: RegisterRecord): void {
  checkOwnership(db, register, record, id);
  const shape = writeShape(register);
  const values = columnValues(shape, record);
  values.push(id);
  statement(db, shape.updateSql).run(values);
  register.children?.write(db, id, record, true);
}

/** The stored record (columns and child rows), or undefined. */
export function readRecord(db: RegisterDatabase, register: RegisterDefinition, id: number): RegisterRecord | undefined {
  const row = statement(db, `SELECT * FROM ${register.table} WHERE id = ?`).get(id) as RegisterRecord | undefined;
  if (!row) return undefined;
  for (const field of register.fields) {
    if (field.kind === 'yesNo') row[field.name] = row[field.name] === 1;
    else if (field.stored) row[field.name] = field.stored.decode(row[field.name]);
  }
  return register.children ? { ...row, ...register.children.read(db, id) } : row;
}

/** The record's fields only, as the schema takes them (for comparing and for undo). */
export function recordFields(register: RegisterDefinition, stored: RegisterRecord): RegisterRecord {
  const fields: RegisterRecord = {};
  for (const name of columnsOf(register)) fields[name] = stored[name];
  for (const name of register.children?.fields ?? []) fields[name] = stored[name];
  return fields;
}

export function setDeleted(db: RegisterDatabase, register: RegisterDefinition, id: number, deleted: boolean): boolean {
  checkOwnership(db, register, null, id);
  const sql = deleted
    ? `UPDATE ${register.table} SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND deleted_at IS NULL`
    : `UPDATE ${register.table} SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`;
  return statement(db, sql).run(id).changes === 1;
}

export interface ListQuery {
  readonly officeId?: number | null | undefined;
  readonly from?: string | null | undefined;
  readonly to?: string | null | undefined;
  readonly search?: string | null | undefined;
  /** Equality filters on code fields (status, type …). */
  readonly filters?: Record<string, string | number> | undefined;
  /** One of the register's statuses (在矫 …); an unknown one narrows to nothing. */
  readonly status?: string | null | undefined;
  readonly sort?: string | null | undefined;
  readonly descending?: boolean | undefined;
  readonly deleted?: boolean | undefined;
  readonly offset: number;
  readonly limit: number;
}

export interface ListPage {
  readonly total: number;
  readonly rows: RegisterRecord[];
}

export function sortableColumns(register: RegisterDefinition): string[] {
  return ['id', 'updated_at', ...columnsOf(register)];
}

/** `extraColumns`: more SQL select terms over `t` for each row (the ledger export's cells). */
export function listRecords(db: RegisterDatabase, register: RegisterDefinition, query: ListQuery, extraColumns?: string): ListPage {
  const where = [query.deleted ? 't.deleted_at IS NOT NULL' : 't.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  if (query.officeId) {
    where.push(`${register.officeSql} = @officeId`);
    params.officeId = query.officeId;
  }
  if (query.from) {
    where.push(`t.${register.dateColumn} >= @from`);
    params.from = query.from;
  }
  if (query.to) {
    where.push(`t.${register.dateColumn} <= @to`);
    params.to = query.to;
  }
  const filterable = new Set(columnsOf(register));
  for (const [column, value] of Object.entries(query.filters ?? {})) {
    if (!filterable.has(column)) continue;
    where.push(`t.${column} = @filter_${column}`);
    params[`filter_${column}`] = value;
  }
  if (query.status) {
    const status = Object.hasOwn(register.statuses ?? {}, query.status) ? register.statuses![query.status] : undefined;
    where.push(status ? `(${status.where})` : '0');
  }
  const sort = query.sort && sortableColumns(register).includes(query.sort) ? query.sort : register.dateColumn;
  const direction = query.descending ? 'DESC' : 'ASC';
  const select = `SELECT t.*, f.name AS office_name${register.listColumns ? `, ${register.listColumns}` : ''}${extraColumns ? `, ${extraColumns}` : ''}
    FROM ${register.table} t ${register.listJoins ?? ''} LEFT JOIN office f ON f.id = ${register.officeSql}`;
  const search = query.search?.trim();
  if (!search) {
    // The conditions read only the register's own table (the office through officeSql), and
    // its joins (list joins are inner joins along foreign keys) change no count: counting
    // without them spares a join per row of a long register.
    const total = (db.prepare(`SELECT count(*) AS n FROM ${register.table} t WHERE ${where.join(' AND ')}`).get(params) as {
      n: number;
    }).n;
    const rows = db
      .prepare(`${select} WHERE ${where.join(' AND ')} ORDER BY t.${sort} ${direction}, t.id ${direction} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.limit, offset: query.offset }) as RegisterRecord[];
    return { total, rows };
  }
  // A search reads the register once for the ids of every match, in list order (sorted apart:
  // matches are few, and walking a date index to find them costs a row lookup per record),
  // then fetches only the page's rows.
  params.search = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const like = (column: string) => `${column} LIKE @search ESCAPE '\\'`;
  const couldBeIdNumber = /^[\dXx]{4,18}$/.test(search);
  const terms = [...register.searchColumns, ...(couldBeIdNumber ? (register.idNumberColumns ?? []) : [])].map(like);
  // An office's name matches for all its records: the few offices named are found first.
  const offices = db.prepare(`SELECT id FROM office WHERE ${like('name')}`).pluck().all(params) as number[];
  if (offices.length > 0) terms.push(`${register.officeSql} IN (${offices.join(', ')})`);
  // A register with no searchable text (法律咨询, 远程视频会见) matches by office name or not at all.
  const matches = terms.length > 0 ? `(${terms.join(' OR ')})` : '0';
  const ids = db
    .prepare(
      `SELECT t.id FROM ${register.table} t ${register.listJoins ?? ''}
       WHERE ${[...where, matches].join(' AND ')} ORDER BY +t.${sort} ${direction}, t.id ${direction}`,
    )
    .pluck()
    .all(params) as number[];
  const page = ids.slice(query.offset, query.offset + query.limit);
  const rows = db
    .prepare(`${select} WHERE t.id IN (${page.join(', ')}) ORDER BY t.${sort} ${direction}, t.id ${direction}`)
    .all() as RegisterRecord[];
  return { total: ids.length, rows };
}
