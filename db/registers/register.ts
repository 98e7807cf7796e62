// What every register is made of: its fields (with the ledger column each one is read from),
// its key, its zod schema (the rules of registers.md that one record can check by itself) and
// its relation checks (the rules that need the database: references, uniqueness, overlaps).
// The API, the importer and the UI forms all read these; the rules live nowhere else.

import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { RegisterDatabase } from '../database.ts';
import { mayBeTownship, officeKinds, type OfficeKind } from '../settings/office-kinds.ts';
import type { ListName, Vocabulary } from './vocabulary.ts';
import { isIsoDate, type Read } from './values.ts';

z.config(z.locales.zhCN());
// A value that is missing altogether says so plainly, rather than naming the expected type.
z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null) ? '必须填写' : undefined,
});

/** How a ledger cell is read into a field. */
export type FieldKind =
  | 'text'
  | 'date'
  | 'money' // yuan in the ledger, integer fen in the record
  | 'int'
  | 'yesNo'
  | 'code' // one label of a list → its code
  | 'codeSet' // labels separated by 、 → codes
  | 'idNumber'
  | 'office' // office name → office id (import creates offices it has not seen)
  | 'custom'; // read by the field's own `read` (organisation by name, mediators, parties, stint …)

/** Reads a ledger cell that names other records; `record` holds the fields read before it. */
export type CustomReader = (text: string, record: RegisterRecord, db: RegisterDatabase, memo?: ImportMemo) => Read<unknown>;

/**
 * What readers and relation checks may keep for the rest of one import pass, to spare a query
 * per row: records of the registers a sheet names. The pass writes a register's rows before
 * the rows that name them and never after, so what is kept stays true for the pass.
 */
export type ImportMemo = Map<string, unknown>;

/** The value kept in the memo under `key`, else looked up (and kept, when there is a memo). */
export function remembered<T>(memo: ImportMemo | undefined, key: string, lookup: () => T): T {
  if (memo?.has(key)) return memo.get(key) as T;
  const value = lookup();
  memo?.set(key, value);
  return value;
}

export interface FieldSpec {
  /** Field of the record = column of the table. */
  readonly name: string;
  /** Column header of the ledger and label of the form field. */
  readonly header: string;
  readonly kind: FieldKind;
  /** The ledger must have this column. */
  readonly requiredColumn: boolean;
  readonly list?: ListName;
  /** Smallest allowed value of an int field. */
  readonly min?: number;
  readonly read?: CustomReader;
  /** How a custom field is written in a ledger cell, the inverse of `read` (db/export/ledger-rows.ts). */
  readonly ledger?: LedgerText;
  /** How the value is kept in its column, when that differs from the record's form. */
  readonly stored?: StoredForm;
  /** The field holds the id of a record of another register (ids, when `many`). */
  readonly refersTo?: RecordReference;
}

/** What a reference field points at: records of `register`; a list of them when `many`. */
export interface RecordReference {
  readonly register: RegisterName;
  readonly many?: true;
}

export interface LedgerText {
  /** SQL over the table aliased `t`: the cell's text (a name, names joined by 、, a 身份证号码). */
  readonly sql: string;
  /** The text is a 身份证号码: masked unless full numbers are asked for. */
  readonly idNumber?: true;
}

export interface StoredForm {
  encode(value: unknown): unknown;
  decode(stored: unknown): unknown;
}

export type RegisterRecord = Record<string, unknown>;

export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/** Context for the checks that need the database. */
export interface RelationContext {
  readonly db: RegisterDatabase;
  /** The id of the record being updated (absent on create). */
  readonly id?: number;
  /** The offices not deleted, when the caller keeps them at hand (the importer does), to save a query per row. */
  readonly liveOffices?: ReadonlySet<number>;
  /** The import pass's memo (the importer gives it). */
  readonly memo?: ImportMemo;
}

export interface RegisterDefinition {
  /** API name, e.g. `mediationCase`. */
  readonly name: RegisterName;
  readonly table: string;
  /** Chinese name = the ledger's sheet name. */
  readonly title: string;
  readonly group: BusinessLine;
  /** Its page: the path segment under its line's (`cases` → #/mediation/cases) and its name in the navigation. */
  readonly page: { readonly path: string; readonly label: string };
  readonly fields: readonly FieldSpec[];
  /** What identifies a record (import upserts by it; no two records share it). */
  readonly keyOf: (record: RegisterRecord) => RecordKey;
  /** SQL expression of the office a row belongs to, over the table aliased `t`. */
  readonly officeSql: string;
  /** Column that puts a record in a period (受理日期, 日期 …). */
  readonly dateColumn: string;
  /** States a list can be narrowed to (在矫, 已解矫 …), by code: a label and a SQL condition over `t`. */
  readonly statuses?: Readonly<Record<string, RecordStatus>>;
  /** Columns the list's text search looks in. */
  readonly searchColumns: readonly string[];
  /** Columns holding 身份证号码, searched only when the text could be part of one (they are long to read). */
  readonly idNumberColumns?: readonly string[];
  /** Extra display columns for lists: SQL expression → alias. */
  readonly listJoins?: string;
  readonly listColumns?: string;
  /** Aliases of `listColumns` that hold a 身份证号码: masked in lists like the fields of kind idNumber. */
  readonly listIdNumbers?: readonly string[];
  readonly schema: (vocabulary: Vocabulary) => z.ZodType<RegisterRecord>;
  readonly checkRelations: (record: RegisterRecord, context: RelationContext) => FieldProblem[];
  /** What of the stored record an import keeps when the ledger carries less (e.g. party details). */
  readonly keepOnImport?: (imported: RegisterRecord, stored: RegisterRecord) => RegisterRecord;
  /** Columns worked out from the record and written with its row (e.g. the parties' names, for search). */
  readonly derivedColumns?: Readonly<Record<string, (record: RegisterRecord) => unknown>>;
  /** Child rows written beside the main row (parties, mediators, attendees). */
  readonly children?: ChildTables;
}

export interface RecordStatus {
  readonly label: string;
  readonly where: string;
}

export interface RecordKey {
  /** SQL condition over the table aliased `t`. */
  readonly where: string;
  readonly params: readonly unknown[];
  /** The field a clash is reported on, and what the clash is called. */
  readonly field: string;
  readonly what: string;
}

export interface ChildTables {
  /** Fields of the record that are stored in child tables, not columns. */
  readonly fields: readonly string[];
  /** Those of them that hold ids of records of another register. */
  readonly refersTo?: Readonly<Record<string, RecordReference>>;
  read(db: RegisterDatabase, id: number): RegisterRecord;
  /** `replacing`: the record is being updated and has child rows to replace; a new one has none. */
  write(db: RegisterDatabase, id: number, record: RegisterRecord, replacing: boolean): void;
}

/** Every register's API name, in one place: the contract, permissions and handlers derive from it. */
export const registerNames = [
  'mediationOrg',
  'mediator',
  'mediationCase',
  'disputeSweep',
  'legalAidCase',
  'consultation',
  'dutyShift',
  'correctionStint',
  'correctionEvent',
  'correctionActivity',
  'investigation',
  'remoteVisit',
  'legalAdviser',
  'legalAdviserService',
  'publicityActivity',
  'resettlement',
] as const;

export type RegisterName = (typeof registerNames)[number];

/**
 * The business lines (业务条线), in one place: the report's sections and the navigation's groups,
 * in this order. Each gives the first segment of its pages' paths, the icon the navigation draws
 * (a name renderer/common/Navigation.tsx knows), whether its group starts open, and the register
 * its group lists first (the others follow in the order of db/registers/index.ts).
 */
export const businessLineDeclarations = [
  { name: '人民调解', path: 'mediation', icon: 'users', open: true, first: 'mediationCase' },
  { name: '法律援助', path: 'legal-aid', icon: 'scale', open: true, first: 'legalAidCase' },
  { name: '社区矫正', path: 'correction', icon: 'gavel', open: true, first: 'correctionStint' },
  { name: '村(居)法律顾问', path: 'legal-advisers', icon: 'briefcase', open: false, first: 'legalAdviserService' },
  { name: '普法', path: 'publicity', icon: 'speakerphone', open: false, first: 'publicityActivity' },
  { name: '安置帮教', path: 'resettlement', icon: 'heartHandshake', open: false, first: 'resettlement' },
] as const satisfies readonly BusinessLineDeclaration[];

export interface BusinessLineDeclaration {
  /** 人民调解 … */
  readonly name: string;
  /** First segment of its pages' paths: `mediation` → #/mediation/cases. */
  readonly path: string;
  readonly icon: string;
  /** Its navigation group starts open (the others are folded, so the navigation fits 768 pixels). */
  readonly open: boolean;
  /** The register its navigation group lists first. */
  readonly first: RegisterName;
}

export type BusinessLine = (typeof businessLineDeclarations)[number]['name'];

export const businessLines: readonly BusinessLine[] = businessLineDeclarations.map((line) => line.name);

// ---- zod building blocks shared by the registers ----

export const isoDate = z.string().refine(isIsoDate, { message: '不是有效日期（应为 YYYY-MM-DD）' });

export const nonEmptyText = z
  .string()
  .trim()
  .min(1, { message: '不能为空' })
  .max(500, { message: '不能超过500字' });

/** An optional value: missing, null or empty text all mean "not given" and become null. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === undefined || value === '' ? null : value), schema.nullable());
}

export function code(vocabulary: Vocabulary, list: ListName) {
  return z.string().refine((value) => vocabulary.has(list, value), {
    message: `应为 ${vocabulary.labelsText(list)} 之一`,
  });
}

export function wholeNumber(min: number) {
  return z.number().int({ message: '应为整数' }).min(min, { message: `应不小于 ${min}` });
}

/** 是/否: a boolean (0/1 as stored are taken too). */
export const flag = z.preprocess((value) => (value === 1 ? true : value === 0 ? false : value), z.boolean().default(false));

export const idNumberText = z.string().regex(/^\d{17}[\dX]$/, { message: '应为18位（最后一位可为X）' });

export const entityId = z.number().int().positive();

/** Adds a problem to a field from inside a superRefine. */
export function problem(context: z.RefinementCtx, field: string, message: string): void {
  context.addIssue({ code: 'custom', path: [field], message });
}

/** Prepared statements cached per database, so hot checks do not re-parse SQL. */
type AnyStatement = Statement<unknown[]>;

const statementCache = new WeakMap<RegisterDatabase, Map<string, AnyStatement>>();

export function statement(db: RegisterDatabase, sql: string): AnyStatement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare<unknown[]>(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** The row holding a key: its id, and when it was deleted (null when it is not). */
export interface KeyRow {
  readonly id: number;
  readonly deleted_at: string | null;
}

/** Key lookups' SQL by table and condition, built once (the importer looks a key up for every row). */
const keySql = new Map<string, Map<string, string>>();

/** The row that has a record's key, deleted ones too (they can be restored). */
export function findByKey(db: RegisterDatabase, table: string, key: RecordKey): KeyRow | undefined {
  let byWhere = keySql.get(table);
  if (!byWhere) {
    byWhere = new Map();
    keySql.set(table, byWhere);
  }
  let sql = byWhere.get(key.where);
  if (sql === undefined) {
    sql = `SELECT id, deleted_at FROM ${table} t WHERE ${key.where}`;
    byWhere.set(key.where, sql);
  }
  return statement(db, sql).get(...key.params) as KeyRow | undefined;
}

/** Problem when another row already has this record's key. */
export function keyTaken(register: RegisterDefinition, record: RegisterRecord, context: RelationContext): FieldProblem[] {
  const key = register.keyOf(record);
  const row = findByKey(context.db, register.table, key);
  if (!row || row.id === context.id) return [];
  const reason = row.deleted_at ? `${key.what}已存在（在已删除的记录中，可恢复该记录）` : `${key.what}已存在`;
  return [{ field: key.field, reason }];
}

export function officeExists(context: RelationContext, officeId: unknown): FieldProblem[] {
  const exists = context.liveOffices
    ? context.liveOffices.has(officeId as number)
    : statement(context.db, 'SELECT id FROM office WHERE id = ? AND deleted_at IS NULL').get(officeId) !== undefined;
  return exists ? [] : [{ field: 'office_id', reason: '单位不存在' }];
}

/** A record's office that must be a 司法所 (执行地司法所): one in use whose kind (单位类别) may be a 司法所, whatever its name. */
export function townshipOfficeExists(context: RelationContext, officeId: unknown): FieldProblem[] {
  const missing = officeExists(context, officeId);
  if (missing.length > 0) return missing;
  const office = statement(context.db, 'SELECT name, kind FROM office WHERE id = ?').get(officeId) as { name: string; kind: OfficeKind };
  return mayBeTownship(office.kind) ? [] : [{ field: 'office_id', reason: `不是司法所（单位类别为${officeKinds[office.kind]}）` }];
}
