// Importing ledgers (台账) as registers.md §4 says: every row of every file is read and checked
// before anything stays written; a file with any problem is rejected whole (and files that only
// made sense with it are rejected too); rows are upserted by their key, so importing the same
// ledger twice changes nothing; each import is logged with what it changed, for undo.
//
// The work runs in one transaction that is rolled back unless every remaining file is clean,
// so the checks that need the database (references, uniqueness, overlaps) see exactly the
// rows that will be written, in the order registers depend on each other.

import path from 'node:path';
import type { RegisterDatabase } from '../database.ts';
import { registers } from '../registers/index.ts';
import {
  findByKey,
  type FieldSpec,
  type ImportMemo,
  type KeyRow,
  type RecordKey,
  type RegisterDefinition,
  type RegisterRecord,
} from '../registers/register.ts';
import {
  checkRelations,
  insertRecord,
  loadVocabulary,
  parseRecord,
  readRecord,
  recordFields,
  updateRecord,
  type FieldErrors,
} from '../registers/store.ts';
import type { Read } from '../registers/values.ts';
import { ownershipProblem } from '../exchange/ownership.ts';
import { officeKindOfName } from '../settings/office-kinds.ts';
import type { Vocabulary } from '../registers/vocabulary.ts';
import { cellText, readCell, type CellContext } from './cells.ts';
import { headerKey } from './header-words.ts';
import { RecordAssembler, type LedgerRecord } from './layout.ts';
import { rememberMapping, type ImportMapping } from './mapping.ts';
import { planLedgers, type PlannedLedgers, type SheetPlan, type UnknownColumn } from './plan-ledgers.ts';
import { readSheetRows, type LedgerSource } from './read-ledger.ts';
import { readListValue } from './value-words.ts';
import { WrittenRows, rowOf, rowSource, sheetOf, type RowSource } from './written-rows.ts';

export type { LedgerSource } from './read-ledger.ts';
export type { UnknownColumn } from './plan-ledgers.ts';

/** A ledger file handed over in memory (the API); the CLI hands paths (`LedgerSource`). */
export interface LedgerInput {
  /** File name as the user chose it; a CSV's base name can name its register. */
  readonly name: string;
  readonly content: Buffer;
}

export interface ImportProblem {
  readonly file: string;
  readonly sheet: string | null;
  /** Row number as Excel shows it; null for a problem of the whole file or sheet. */
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly reason: string;
  /** The whole problem in one Chinese sentence: 人民调解案件 第12行 受理日期「2024-13-01」不是有效日期 */
  readonly message: string;
}

export interface SheetSummary {
  readonly file: string;
  readonly sheet: string;
  readonly rows: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** How a sheet was read, for the preview: nothing is guessed silently. */
export interface SheetReading {
  readonly file: string;
  readonly sheet: string;
  readonly register: string;
  /** Why it was read as that register. */
  readonly why: string;
  readonly headerRows: readonly number[];
  /** Each column: the header as written → the field it gives (null: ignored, with why). */
  readonly columns: { readonly from: string; readonly to: string | null; readonly note?: string }[];
  readonly skipped: { readonly reason: string; readonly count: number; readonly rows: number[] }[];
  /** Values read as another: 婚姻家庭纠纷 → 婚姻家庭, with how many rows. */
  readonly conversions: { readonly field: string; readonly from: string; readonly to: string; readonly count: number }[];
}

/** A value outside its field's list that no word or mapping explains: the user maps it. */
export interface UnknownValue {
  readonly file: string;
  readonly sheet: string;
  readonly register: string;
  /** The field's header (the key of MAPPING.json's `values`). */
  readonly field: string;
  readonly value: string;
  readonly count: number;
  readonly firstRow: number;
  /** The list's canonical values. */
  readonly choices: string[];
}

export interface ImportOutcome {
  /** True when every file was accepted. */
  readonly ok: boolean;
  /** The import log entry; absent when nothing was written (a preview, or everything rejected). */
  readonly importId: number | null;
  readonly sheets: SheetSummary[];
  readonly problems: ImportProblem[];
  /** Things worth knowing that stop nothing: ignored sheets and columns, encodings. */
  readonly notices: string[];
  readonly rejectedFiles: string[];
  readonly officesCreated: string[];
  readonly readings: SheetReading[];
  readonly unknownColumns: UnknownColumn[];
  readonly unknownValues: UnknownValue[];
  /** The registers a file can be read as (for the choice when its name and columns do not say). */
  readonly registerChoices: string[];
}

/** Rows read from the files, checked, and written so far. */
export interface ImportProgress {
  readonly file: string;
  readonly sheet: string;
  readonly read: number;
  readonly checked: number;
  readonly written: number;
}

export interface ImportOptions {
  /** Check and count, then roll everything back. */
  readonly preview?: boolean;
  readonly user: string;
  /** The user's answers for unknown columns and values (MAPPING.json). */
  readonly mapping?: ImportMapping;
  /** The register of CSV files whose name and columns do not say it (the user's choice). */
  readonly register?: string;
  /** Told every few thousand rows and at the end of each sheet. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /**
   * An office account's import: only rows of this office are written; a row of another office
   * (or naming an office that does not exist) is a problem, so its file is refused whole.
   */
  readonly office?: { readonly id: number; readonly name: string } | null;
}

/** How the reason for a row of another office (in an office account's import) begins. */
const OTHER_OFFICE_ROW = '这一行属于';

/** The problems that are rows of another office, in an office account's import. */
export function otherOfficeRows(outcome: ImportOutcome): ImportProblem[] {
  return outcome.problems.filter((problem) => problem.reason.startsWith(OTHER_OFFICE_ROW));
}

/** The most of a cell a problem quotes: a cell of a megabyte still makes a one-line message. */
const QUOTED_CHARACTERS = 100;

function describe(problem: Omit<ImportProblem, 'message'>): ImportProblem {
  const where = [problem.sheet ?? path.basename(problem.file), problem.row ? `第${problem.row}行` : '']
    .filter(Boolean)
    .join(' ');
  const value =
    problem.value !== null && problem.value.length > QUOTED_CHARACTERS ? `${problem.value.slice(0, QUOTED_CHARACTERS)}…` : problem.value;
  const what = problem.column ? `${problem.column}「${value ?? ''}」` : '';
  return { ...problem, value, message: `${where} ${what}${problem.reason}` };
}

/** Header cells as people write them: stray spaces, full-width brackets. */
export const normaliseHeader = (cell: unknown): string => headerKey(cellText(cell as never));

/** What a pass changed, for undo: a changed row with what it held before, or a run of rows it added (consecutive ids, kept as one entry so a county of millions of rows costs little memory). */
interface ChangeLog {
  tbl: string;
  rowId: number;
  lastRowId: number | null;
  before: RegisterRecord | null;
}

function logAdded(changes: ChangeLog[], tbl: string, rowId: number): void {
  const previous = changes.at(-1);
  if (previous && previous.before === null && previous.tbl === tbl && previous.lastRowId === rowId - 1) previous.lastRowId = rowId;
  else changes.push({ tbl, rowId, lastRowId: rowId, before: null });
}

interface PassResult {
  problems: ImportProblem[];
  sheets: SheetSummary[];
  readings: SheetReading[];
  unknownValues: UnknownValue[];
  changes: ChangeLog[];
  officesCreated: string[];
}

/**
 * The most problems one sheet lists in full: a ledger with a wrong column has a problem in
 * every row, and hundreds of thousands of messages help nobody and cost memory. The rows after
 * are still checked, and their problems counted.
 */
const PROBLEMS_PER_SHEET = 1000;

/** How often progress is told, in rows. */
const PROGRESS_ROWS = 20_000;

/**
 * Writes one checked record: added when its key is new, updated when it differs from what is
 * stored; refused when the stored or written row is not the importing account's (`owned`).
 * The row is remembered in `written` with its key and `source`.
 */
function writeRecord(
  db: RegisterDatabase,
  register: RegisterDefinition,
  record: RegisterRecord,
  key: RecordKey,
  existing: KeyRow | undefined,
  written: { rows: WrittenRows; source: RowSource; changes: ChangeLog[] },
  owned: (id: number) => boolean,
): 'added' | 'updated' | 'unchanged' | 'refused' {
  const { rows, source, changes } = written;
  if (existing === undefined) {
    const id = insertRecord(db, register, record);
    rows.add(key.params, id, source);
    // Written, then checked: the register's own SQL says whose the row is (for 调解案件, its organisation's office).
    if (!owned(id)) return 'refused';
    logAdded(changes, register.table, id);
    return 'added';
  }
  const existingId = existing.id;
  rows.keep(key.params, existingId, source);
  if (!owned(existingId)) return 'refused';
  const before = readRecord(db, register, existingId)!;
  const merged = register.keepOnImport ? register.keepOnImport(record, before) : record;
  if (existing.deleted_at === null && sameFields(register, before, merged)) return 'unchanged';
  updateRecord(db, register, existingId, merged);
  changes.push({ tbl: register.table, rowId: existingId, lastRowId: null, before });
  return 'updated';
}

/** One pass over the planned sheets, streaming their rows and writing as it goes (the caller commits or rolls back). */
async function runPass(
  db: RegisterDatabase,
  vocabulary: Vocabulary,
  plans: SheetPlan[],
  onProgress: ImportOptions['onProgress'],
  ownOffice: ImportOptions['office'],
): Promise<PassResult> {
  const problems: ImportProblem[] = [];
  const changes: ChangeLog[] = [];
  const officesCreated: string[] = [];
  const readings: SheetReading[] = [];
  const unknownValues: UnknownValue[] = [];
  const offices = db.prepare('SELECT id, name, deleted_at FROM office').all() as {
    id: number;
    name: string;
    deleted_at: string | null;
  }[];
  const officeIds = new Map(offices.map((office) => [office.name, office.id]));
  const liveOffices = new Set(offices.filter((office) => office.deleted_at === null).map((office) => office.id));
  const officeId = (name: string): number => {
    const existing = officeIds.get(name);
    // An office account adds no offices: an unknown name is refused as not existing.
    if (existing !== undefined || name === '' || ownOffice) return existing ?? 0;
    const id = Number(db.prepare('INSERT INTO office (name, kind) VALUES (?, ?)').run(name, officeKindOfName(name)).lastInsertRowid);
    officeIds.set(name, id);
    liveOffices.add(id);
    officesCreated.push(name);
    logAdded(changes, 'office', id);
    return id;
  };
  const memo: ImportMemo = new Map();
  const sheets: SheetSummary[] = [];
  // The rows each table has been given in this pass, with the sheet (its place in the pass) and row that gave them.
  const writtenRows = new Map<string, WrittenRows>();
  const ordered = registers.flatMap((register) => plans.filter((plan) => plan.layout.register === register));
  for (const [planIndex, plan] of ordered.entries()) {
    const { layout, source } = plan;
    const { register } = layout;
    const file = source.name;
    const summary = { file, sheet: layout.sheet, rows: 0, added: 0, updated: 0, unchanged: 0 };
    if (!writtenRows.has(register.table)) writtenRows.set(register.table, new WrittenRows(!db.prepare(`SELECT 1 FROM ${register.table} LIMIT 1`).get()));
    const tableRows = writtenRows.get(register.table)!;
    const fieldIndex = new Map(register.fields.map((field, index) => [field.name, index]));
    const headerOf = new Map(register.fields.map((field) => [field.name, field.header]));
    const writtenHeaderOf = new Map<string, string>();
    const tenThousands = new Set<string>();
    for (const use of layout.columns) {
      if (use.kind !== 'field' && use.kind !== 'tick') continue;
      if (!writtenHeaderOf.has(use.field.name)) writtenHeaderOf.set(use.field.name, use.kind === 'tick' ? use.header.slice(0, -use.value.length) : use.header);
      if (use.kind === 'field' && use.tenThousands) tenThousands.add(use.field.name);
    }
    const conversions = new Map<string, { field: string; from: string; to: string; count: number }>();
    const unknown = new Map<string, UnknownValue & { count: number }>();
    let listed = 0;
    let unlisted = 0;
    let current: LedgerRecord = { rowNumber: 0, cells: [] };
    const convert = (field: FieldSpec, from: string, to: string) => {
      const key = `${field.header}\u0000${from}`;
      const entry = conversions.get(key);
      if (entry) entry.count++;
      else conversions.set(key, { field: field.header, from, to, count: 1 });
    };
    const readList = (field: FieldSpec, text: string): Read<string> => {
      const read = readListValue(field, text, vocabulary, plan.mapping.values[field.header], writtenHeaderOf.get(field.name) ?? field.header);
      if (read.ok) {
        if (read.convertedTo !== undefined) convert(field, text, read.convertedTo);
        return { ok: true, value: read.code };
      }
      const key = `${field.header}\u0000${text}`;
      const entry = unknown.get(key);
      if (entry) entry.count++;
      else {
        unknown.set(key, {
          file,
          sheet: layout.sheet,
          register: register.title,
          field: field.header,
          value: text,
          count: 1,
          firstRow: current.rowNumber,
          choices: vocabulary.items(field.list!).map((item) => item.label),
        });
      }
      return read;
    };
    const rowProblem = (record: LedgerRecord, field: string | null, reason: string) => {
      if (listed >= PROBLEMS_PER_SHEET) {
        unlisted++;
        return;
      }
      listed++;
      const index = field === null ? undefined : fieldIndex.get(field);
      problems.push(
        describe({
          file,
          sheet: layout.sheet,
          row: record.rowNumber,
          column: field ? (headerOf.get(field) ?? field) : null,
          value: index === undefined ? null : cellText(record.cells[index] ?? null),
          reason,
        }),
      );
    };
    const officeOfRow = db.prepare(`SELECT ${register.officeSql} AS id, f.name FROM ${register.table} t LEFT JOIN office f ON f.id = ${register.officeSql} WHERE t.id = ?`);
    /** Whether the stored row `id` is the office account's own; a problem on the row when not. */
    const ownRow = (record: LedgerRecord, id: number): boolean => {
      if (!ownOffice) return true;
      const office = officeOfRow.get(id) as { id: number | null; name: string | null } | undefined;
      if (office?.id === ownOffice.id) return true;
      rowProblem(record, null, `${OTHER_OFFICE_ROW}「${office?.name ?? '其他单位'}」：您的账号只能导入本单位（${ownOffice.name}）的记录`);
      return false;
    };
    const reportFieldErrors = (record: LedgerRecord, fieldErrors: FieldErrors) => {
      for (const [field, reason] of Object.entries(fieldErrors)) rowProblem(record, headerOf.has(field) ? field : null, reason);
    };
    const pendingIndex = fieldIndex.get('result');
    const closedIndex = fieldIndex.get('closed_on');
    const resultIsMediation = pendingIndex !== undefined && register.fields[pendingIndex]!.list === 'mediationResult';
    const cellContext: CellContext = {
      db,
      readList,
      inTenThousands: (field) => tenThousands.has(field.name),
      record: {},
      officeId,
      memo,
    };

    const check = (record: LedgerRecord) => {
      current = record;
      summary.rows++;
      const fields: RegisterRecord = {};
      const context = { ...cellContext, record: fields };
      let readable = true;
      register.fields.forEach((field, index) => {
        const cell = record.cells[index] ?? null;
        const text = cellText(cell);
        if (text === '') return;
        const read = readCell(field, cell, context, text);
        if (read.ok) fields[field.name] = read.value;
        else {
          readable = false;
          rowProblem(record, field.name, read.reason);
        }
      });
      if (!readable) return;
      // 调解结果 left empty on a case with no 结案日期 is a case still being mediated (§5).
      if (resultIsMediation && fields.result === undefined && writtenHeaderOf.has('result') && cellText(record.cells[closedIndex!] ?? null) === '') {
        fields.result = 'pending';
        convert(register.fields[pendingIndex]!, '（空）', vocabulary.labelOf('mediationResult', 'pending')!);
      }
      const parsed = parseRecord(register, vocabulary, fields);
      if (!parsed.ok) {
        reportFieldErrors(record, parsed.fieldErrors);
        return;
      }
      // 数据交换: a record of another site's office is changed there, not here.
      const notOurs = ownershipProblem(db, register, parsed.record);
      if (notOurs) {
        rowProblem(record, null, notOurs);
        return;
      }
      // The key is looked up once: the row found is the record's own, so only the other relations are checked.
      const key = register.keyOf(parsed.record);
      const existing = tableRows.mayHold(key.params) ? findByKey(db, register.table, key) : undefined;
      const relationContext = existing ? { db, id: existing.id, liveOffices, memo } : { db, liveOffices, memo };
      const relationErrors = checkRelations(register, parsed.record, relationContext, false);
      if (relationErrors) {
        reportFieldErrors(record, relationErrors);
        return;
      }
      const earlier = existing && tableRows.sourceOf(existing.id);
      if (earlier !== undefined && sheetOf(earlier) === planIndex) {
        rowProblem(record, null, `与第${rowOf(earlier)}行重复（${key.what}相同）`);
        return;
      }
      const source = rowSource(planIndex, record.rowNumber);
      const written = writeRecord(db, register, parsed.record, key, existing, { rows: tableRows, source, changes }, (id) => ownRow(record, id));
      if (written !== 'refused') summary[written]++;
    };

    const assembler = new RecordAssembler(layout, plan.head, check);
    let read = 0;
    const tell = () =>
      onProgress?.({ file, sheet: layout.sheet, read, checked: summary.rows, written: summary.added + summary.updated });
    await readSheetRows(source, plan.heads, layout.index, (rows) => {
      for (const row of rows) {
        assembler.push(row);
        if (++read % PROGRESS_ROWS === 0) tell();
      }
      return true;
    });
    assembler.flush();
    tell();
    if (unlisted > 0) {
      problems.push(
        describe({
          file,
          sheet: layout.sheet,
          row: null,
          column: null,
          value: null,
          reason: `另有${unlisted}处问题未列出（每张表只列出前${PROBLEMS_PER_SHEET}处），请改正后重新导入`,
        }),
      );
    }
    sheets.push(summary);
    unknownValues.push(...unknown.values());
    readings.push({
      file,
      sheet: layout.sheet,
      register: register.title,
      why: layout.why,
      headerRows: layout.headerRows,
      columns: layout.columns.map((use) =>
        use.kind === 'field'
          ? { from: use.header, to: use.field.header, ...(use.tenThousands ? { note: '万元，已换算为元' } : use.mapped ? { note: '按映射' } : {}) }
          : use.kind === 'tick'
            ? { from: use.header, to: use.field.header, note: `打勾即「${use.value}」` }
            : use.kind === 'ignored'
              ? { from: use.header, to: null, note: use.why }
              : { from: use.header, to: null, note: '不认识，已忽略' },
      ),
      skipped: [...assembler.skipped].map(([reason, entry]) => ({ reason, ...entry })),
      conversions: [...conversions.values()],
    });
  }
  return { problems, sheets, readings, unknownValues, changes, officesCreated };
}

/** Compares what the ledger says with what is stored, in the stored form (flags as 0/1). */
function sameFields(register: RegisterDefinition, stored: RegisterRecord, imported: RegisterRecord): boolean {
  const canonical = (record: RegisterRecord) =>
    JSON.stringify(recordFields(register, record), (_key, value: unknown) => {
      if (typeof value === 'boolean') return Number(value);
      if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return [...value].sort();
      return value ?? null;
    });
  return canonical(stored) === canonical(imported);
}

/**
 * Imports ledger files: their layouts are worked out first, then every row is streamed, checked
 * and written in one transaction, which is committed only when what remains is clean.
 */
export async function importLedgers(
  db: RegisterDatabase,
  inputs: readonly LedgerSource[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const vocabulary = loadVocabulary(db);
  const planned = await planLedgers(db, vocabulary, inputs, { mapping: options.mapping, register: options.register });
  try {
    return await importPlanned(db, vocabulary, inputs, planned, options);
  } finally {
    for (const heads of planned.heads) heads.spool?.dispose();
  }
}

async function importPlanned(
  db: RegisterDatabase,
  vocabulary: Vocabulary,
  inputs: readonly LedgerSource[],
  planned: PlannedLedgers,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const problems: ImportProblem[] = planned.fileProblems.map((problem) =>
    describe({ file: problem.file, sheet: problem.sheet, row: null, column: null, value: null, reason: problem.reason }),
  );
  const rejected = new Set(planned.fileProblems.map((problem) => problem.file));
  const notices = [...planned.notices];

  // Passes: a file with problems is dropped and the rest tried again without it, until what
  // remains is clean (a file of cases can fail because the mediators it names were rejected).
  // What a big ledger writes in its one transaction stays in the connection's page cache
  // (database.ts gives every connection up to 256 MiB), not spilled to the WAL and read back.
  let readings: SheetReading[] = [];
  let unknownValues: UnknownValue[] = [];
  for (;;) {
    const remaining = planned.plans.filter((plan) => !rejected.has(plan.source.name));
    if (remaining.length === 0) return finish(null, [], []);
    db.exec('BEGIN IMMEDIATE');
    let pass: PassResult;
    try {
      pass = await runPass(db, vocabulary, remaining, options.onProgress, options.office);
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    if (readings.length === 0) {
      readings = pass.readings;
      unknownValues = pass.unknownValues;
    }
    if (pass.problems.length > 0) {
      db.exec('ROLLBACK');
      for (const problem of pass.problems) {
        rejected.add(problem.file);
        problems.push(problem);
      }
      continue;
    }
    if (options.preview) {
      db.exec('ROLLBACK');
      return finish(null, pass.sheets, pass.officesCreated);
    }
    try {
      const importId = logImport(db, inputs, pass, options.user);
      for (const plan of remaining) rememberMapping(db, plan.layout.headerSignature, answersFor(plan));
      db.exec('COMMIT');
      return finish(importId, pass.sheets, pass.officesCreated);
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  function finish(importId: number | null, sheets: SheetSummary[], officesCreated: string[]): ImportOutcome {
    return {
      ok: rejected.size === 0,
      importId,
      sheets,
      problems,
      notices,
      rejectedFiles: [...rejected],
      officesCreated,
      readings,
      unknownColumns: planned.unknownColumns,
      unknownValues,
      registerChoices: registers.map((register) => register.title),
    };
  }
}

/** The answers of the user's mapping that concern a sheet: its columns, and its fields' values. */
function answersFor(plan: SheetPlan): ImportMapping {
  const headers = new Set(plan.layout.columns.map((use) => use.header));
  const fields = new Set(plan.layout.register.fields.map((field) => field.header));
  return {
    columns: Object.fromEntries(Object.entries(plan.mapping.columns).filter(([header]) => headers.has(header))),
    values: Object.fromEntries(Object.entries(plan.mapping.values).filter(([field]) => fields.has(field))),
  };
}

function logImport(db: RegisterDatabase, inputs: readonly LedgerSource[], pass: PassResult, user: string): number {
  const importId = Number(
    db
      .prepare('INSERT INTO import_log (imported_by, files, summary) VALUES (?, ?, ?)')
      .run(user, JSON.stringify(inputs.map((input) => path.basename(input.name))), JSON.stringify(pass.sheets))
      .lastInsertRowid,
  );
  const insert = db.prepare(
    'INSERT INTO import_change (import_id, seq, tbl, row_id, last_row_id, before_json) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // Rows the import added are logged as runs of consecutive ids; a changed row as itself.
  const entries = pass.changes.map((change) => ({ ...change, before: change.before === null ? null : JSON.stringify(change.before) }));
  entries.forEach((entry, seq) => insert.run(importId, seq, entry.tbl, entry.rowId, entry.lastRowId, entry.before));
  return importId;
}
