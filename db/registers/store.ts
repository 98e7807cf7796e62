// Reading and writing register records: validation (schema, then relations), insert, update,
// soft delete, restore, get and list. One implementation for every register, driven by its
// definition; the API and the importer both write through here.

import type { RegisterDatabase } from '../database.ts';
import { keyTaken, statement, type RegisterDefinition, type RegisterRecord, type RelationContext } from './register.ts';
import { Vocabulary } from './vocabulary.ts';

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
  readonly insertSql: string;
  readonly updateSql: string;
}

const writeShapes = new WeakMap<RegisterDefinition, WriteShape>();

function writeShape(register: RegisterDefinition): WriteShape {
  let shape = writeShapes.get(register);
  if (!shape) {
    const childFields = new Set(register.children?.fields ?? []);
    const columns = register.fields.map((field) => field.name).filter((name) => !childFields.has(name));
    shape = {
      columns,
      insertSql: `INSERT INTO ${register.table} (${[...columns, 'created_at', 'updated_at'].join(', ')})
    VALUES (${[...columns, 'created_at', 'updated_at'].map(() => '?').join(', ')})`,
      updateSql: `UPDATE ${register.table} SET ${columns.map((column) => `${column} = ?`).join(', ')},
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), deleted_at = NULL WHERE id = ?`,
    };
    writeShapes.set(register, shape);
  }
  return shape;
}

function columnsOf(register: RegisterDefinition): readonly string[] {
  return writeShape(register).columns;
}

/** The record's column values in the table's column order; SQLite takes numbers, text and null, flags are 0/1. */
function columnValues(columns: readonly string[], record: RegisterRecord): unknown[] {
  const values = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const value = record[columns[i]!];
    values[i] = typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null);
  }
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
  const { columns, insertSql } = writeShape(register);
  const values = columnValues(columns, record);
  const now = timestamp();
  values.push(now, now);
  const id = Number(statement(db, insertSql).run(values).lastInsertRowid);
  register.children?.write(db, id, record);
  return id;
}

export function updateRecord(db: RegisterDatabase, register: RegisterDefinition, id: number, record: RegisterRecord): void {
  const { columns, updateSql } = writeShape(register);
  const values = columnValues(columns, record);
  values.push(id);
  statement(db, updateSql).run(values);
  register.children?.write(db, id, record);
}

/** The stored record (columns and child rows), or undefined. */
export function readRecord(db: RegisterDatabase, register: RegisterDefinition, id: number): RegisterRecord | undefined {
  const row = statement(db, `SELECT * FROM ${register.table} WHERE id = ?`).get(id) as RegisterRecord | undefined;
  if (!row) return undefined;
  for (const field of register.fields) {
    if (field.kind === 'yesNo') row[field.name] = row[field.name] === 1;
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

export function listRecords(db: RegisterDatabase, register: RegisterDefinition, query: ListQuery): ListPage {
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
  const search = query.search?.trim();
  if (search) {
    const couldBeIdNumber = /^[\dXx]{4,18}$/.test(search);
    const columns = [
      ...register.searchColumns,
      ...(couldBeIdNumber ? (register.idNumberColumns ?? []) : []),
      "ifnull(f.name, '')",
    ];
    where.push(`(${columns.map((column) => `${column} LIKE @search ESCAPE '\\'`).join(' OR ')})`);
    params.search = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  const filterable = new Set(columnsOf(register));
  for (const [column, value] of Object.entries(query.filters ?? {})) {
    if (!filterable.has(column)) continue;
    where.push(`t.${column} = @filter_${column}`);
    params[`filter_${column}`] = value;
  }
  const sort = query.sort && sortableColumns(register).includes(query.sort) ? query.sort : register.dateColumn;
  const from = `FROM ${register.table} t ${register.listJoins ?? ''} LEFT JOIN office f ON f.id = ${register.officeSql}
    WHERE ${where.join(' AND ')}`;
  // Without a search the conditions read only the register's own table (the office through
  // officeSql), and its joins (list joins are inner joins along foreign keys) change no count:
  // counting without them spares a join per row of a long register.
  const countFrom = search ? from : `FROM ${register.table} t WHERE ${where.join(' AND ')}`;
  const total = (db.prepare(`SELECT count(*) AS n ${countFrom}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT t.*, f.name AS office_name${register.listColumns ? `, ${register.listColumns}` : ''} ${from}
       ORDER BY t.${sort} ${query.descending ? 'DESC' : 'ASC'}, t.id ${query.descending ? 'DESC' : 'ASC'}
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: query.limit, offset: query.offset }) as RegisterRecord[];
  return { total, rows };
}
