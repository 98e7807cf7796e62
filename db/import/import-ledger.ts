// Importing ledgers (台账) as registers.md §4 says: every row of every file is read and checked
// before anything stays written; a file with any problem is rejected whole (and files that only
// made sense with it are rejected too); rows are upserted by their key, so importing the same
// ledger twice changes nothing; each import is logged with what it changed, for undo.
//
// The work runs in one transaction that is rolled back unless every remaining file is clean,
// so the checks that need the database (references, uniqueness, overlaps) see exactly the
// rows that will be written, in the order registers depend on each other.

import path from 'node:path';
import { noProgress, type ProgressSink } from '../api/progress.ts';
import type { RegisterDatabase } from '../database.ts';
import { registerBySheet, registers } from '../registers/index.ts';
import { findByKey, type ImportMemo, type RegisterDefinition, type RegisterRecord } from '../registers/register.ts';
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
import { toHalfWidth } from '../registers/values.ts';
import { ownershipProblem } from '../exchange/ownership.ts';
import { cellText, readCell, type CellContext } from './cells.ts';
import { LedgerFileError, readLedgerFile, type RawCell, type RawRow, type RawSheet } from './read-ledger.ts';

export interface LedgerInput {
  /** File name as the user chose it; a CSV's base name names its sheet. */
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
}

export interface ImportOptions {
  /** Check and count, then roll everything back. */
  readonly preview?: boolean;
  readonly user: string;
  /** Files read, then rows checked (and written), as the work goes. */
  readonly onProgress?: ProgressSink;
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

/** Rows between two progress reports. */
const ROWS_PER_REPORT = 2000;

interface SheetPlan {
  readonly raw: RawSheet;
  readonly register: RegisterDefinition;
  /** Field name → column index. */
  readonly columnOf: Map<string, number>;
  readonly headerRow: number;
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

/** A problem of a whole file (not of one of its rows). */
function fileProblem(file: string, reason: string): ImportProblem {
  return describe({ file, sheet: null, row: null, column: null, value: null, reason });
}

/** Header cells as people write them: stray spaces, full-width brackets. */
export function normaliseHeader(cell: RawCell): string {
  return toHalfWidth(cellText(cell)).replace(/\s+/g, '');
}

function planSheet(raw: RawSheet, register: RegisterDefinition, problems: ImportProblem[], notices: string[]): SheetPlan | null {
  const byHeader = new Map(register.fields.map((field) => [normaliseHeader(field.header), field.name]));
  let best = { row: raw.headerRows[0], matches: -1 };
  for (const row of raw.headerRows) {
    const matches = row.cells.filter((cell) => byHeader.has(normaliseHeader(cell))).length;
    if (matches > best.matches) best = { row, matches };
  }
  const columnOf = new Map<string, number>();
  const unknown: string[] = [];
  best.row?.cells.forEach((cell, index) => {
    const header = normaliseHeader(cell);
    const field = byHeader.get(header);
    if (field && !columnOf.has(field)) columnOf.set(field, index);
    else if (header) unknown.push(header);
  });
  const missing = register.fields.filter((field) => field.requiredColumn && !columnOf.has(field.name));
  if (missing.length > 0) {
    problems.push(
      describe({
        file: raw.file,
        sheet: raw.sheet,
        row: null,
        column: null,
        value: null,
        reason: `缺少必填列：${missing.map((field) => `「${field.header}」`).join('')}`,
      }),
    );
    return null;
  }
  if (unknown.length > 0) notices.push(`${raw.sheet}：不认识的列已忽略：${unknown.map((h) => `「${h}」`).join('')}`);
  return { raw, register, columnOf, headerRow: best.row!.rowNumber };
}

interface ChangeLog {
  tbl: string;
  rowId: number;
  before: RegisterRecord | null;
}

interface PassResult {
  problems: ImportProblem[];
  sheets: SheetSummary[];
  changes: ChangeLog[];
  officesCreated: string[];
}

/**
 * The most problems one sheet reports: a ledger with a wrong column reports every row, and
 * hundreds of thousands of messages help nobody and cost memory. The rows after are not checked.
 */
const PROBLEMS_PER_SHEET = 1000;

/** One pass over the planned sheets, writing as it goes (the caller commits or rolls back). */
function runPass(db: RegisterDatabase, plans: SheetPlan[], ownOffice: ImportOptions['office'], progress: (rows: number) => void): PassResult {
  let rowsDone = 0;
  const vocabulary = loadVocabulary(db);
  const problems: ImportProblem[] = [];
  const changes: ChangeLog[] = [];
  const officesCreated: string[] = [];
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
    const id = Number(db.prepare('INSERT INTO office (name) VALUES (?)').run(name).lastInsertRowid);
    officeIds.set(name, id);
    liveOffices.add(id);
    officesCreated.push(name);
    changes.push({ tbl: 'office', rowId: id, before: null });
    return id;
  };
  const memo: ImportMemo = new Map();
  const sheets: SheetSummary[] = [];
  // The keys each table has been given in this pass, with the sheet and row that gave them; a
  // table that was empty when the pass began holds no other key, so it need not be asked.
  const keysWritten = new Map<string, Map<string, { plan: SheetPlan; rowNumber: number }>>();
  const emptyAtStart = new Set<string>();
  const ordered = registers.flatMap((register) => plans.filter((plan) => plan.register === register));
  for (const plan of ordered) {
    const { register, raw } = plan;
    const summary = { file: raw.file, sheet: raw.sheet, rows: 0, added: 0, updated: 0, unchanged: 0 };
    let keys = keysWritten.get(register.table);
    if (!keys) {
      keys = new Map();
      keysWritten.set(register.table, keys);
      if (!db.prepare(`SELECT 1 FROM ${register.table} LIMIT 1`).get()) emptyAtStart.add(register.table);
    }
    const headerOf = new Map(register.fields.map((field) => [field.name, field.header]));
    const rowProblem = (row: RawRow, field: string | null, reason: string) =>
      problems.push(
        describe({
          file: raw.file,
          sheet: raw.sheet,
          row: row.rowNumber,
          column: field ? (headerOf.get(field) ?? field) : null,
          value: field ? cellOf(plan, row.cells, field) : null,
          reason,
        }),
      );
    const columns = register.fields.map((field) => ({ field, index: plan.columnOf.get(field.name) }));
    const officeOfRow = db.prepare(`SELECT ${register.officeSql} AS id, f.name FROM ${register.table} t LEFT JOIN office f ON f.id = ${register.officeSql} WHERE t.id = ?`);
    /** Whether the stored row `id` is the office account's own; a problem on the row when not. */
    const ownRow = (row: RawRow, id: number): boolean => {
      if (!ownOffice) return true;
      const office = officeOfRow.get(id) as { id: number | null; name: string | null } | undefined;
      if (office?.id === ownOffice.id) return true;
      rowProblem(row, null, `${OTHER_OFFICE_ROW}「${office?.name ?? '其他单位'}」：您的账号只能导入本单位（${ownOffice.name}）的记录`);
      return false;
    };
    const problemsBefore = problems.length;
    for (const row of raw.rows) {
      if (++rowsDone % ROWS_PER_REPORT === 0) progress(rowsDone);
      if (row.rowNumber <= plan.headerRow || isBlank(row.cells)) continue;
      if (problems.length - problemsBefore >= PROBLEMS_PER_SHEET) {
        rowProblem(row, null, `问题过多：本表只列出前${PROBLEMS_PER_SHEET}处，从这一行起未再检查，请改正后重新导入`);
        break;
      }
      summary.rows++;
      const record: RegisterRecord = {};
      const cellContext: CellContext = { db, vocabulary, record, officeId, memo };
      let readable = true;
      for (const { field, index } of columns) {
        const cell = index === undefined ? null : (row.cells[index] ?? null);
        const text = cellText(cell);
        if (text === '') continue;
        const read = readCell(field, cell, cellContext, text);
        if (read.ok) record[field.name] = read.value;
        else {
          readable = false;
          rowProblem(row, field.name, read.reason);
        }
      }
      if (!readable) continue;
      const parsed = parseRecord(register, vocabulary, record);
      if (!parsed.ok) {
        reportFieldErrors(row, parsed.fieldErrors);
        continue;
      }
      const notOurs = ownershipProblem(db, register, parsed.record);
      if (notOurs) {
        rowProblem(row, null, notOurs);
        continue;
      }
      // The key is looked up once: the row found is the record's own, so only the other relations are checked.
      const key = register.keyOf(parsed.record);
      const keyText = JSON.stringify(key.params);
      const earlier = keys.get(keyText);
      const existing =
        earlier === undefined && emptyAtStart.has(register.table) ? undefined : findByKey(db, register.table, key);
      const relationContext = existing ? { db, id: existing.id, liveOffices, memo } : { db, liveOffices, memo };
      const relationErrors = checkRelations(register, parsed.record, relationContext, false);
      if (relationErrors) {
        reportFieldErrors(row, relationErrors);
        continue;
      }
      if (earlier?.plan === plan) {
        rowProblem(row, null, `与第${earlier.rowNumber}行重复（${key.what}相同）`);
        continue;
      }
      keys.set(keyText, { plan, rowNumber: row.rowNumber });
      if (existing && !ownRow(row, existing.id)) continue;
      if (!existing) {
        const id = insertRecord(db, register, parsed.record);
        // Written, then checked: the register's own SQL says whose the row is (for 调解案件, its organisation's office).
        if (!ownRow(row, id)) continue;
        changes.push({ tbl: register.table, rowId: id, before: null });
        summary.added++;
        continue;
      }
      const before = readRecord(db, register, existing.id)!;
      const merged = register.keepOnImport ? register.keepOnImport(parsed.record, before) : parsed.record;
      if (!existing.deleted_at && sameFields(register, before, merged)) {
        summary.unchanged++;
        continue;
      }
      updateRecord(db, register, existing.id, merged);
      if (!ownRow(row, existing.id)) continue;
      changes.push({ tbl: register.table, rowId: existing.id, before });
      summary.updated++;
    }
    sheets.push(summary);

    function reportFieldErrors(row: RawRow, fieldErrors: FieldErrors): void {
      for (const [field, reason] of Object.entries(fieldErrors)) rowProblem(row, headerOf.has(field) ? field : null, reason);
    }
  }
  return { problems, sheets, changes, officesCreated };
}

function isBlank(cells: readonly RawCell[]): boolean {
  for (const cell of cells) if (cellText(cell) !== '') return false;
  return true;
}

function cellOf(plan: SheetPlan, cells: readonly RawCell[], field: string): string {
  const index = plan.columnOf.get(field);
  return index === undefined ? '' : cellText(cells[index] ?? null);
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

export async function importLedgers(
  db: RegisterDatabase,
  inputs: readonly LedgerInput[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const problems: ImportProblem[] = [];
  const notices: string[] = [];
  const rejected = new Set<string>();
  const plans: SheetPlan[] = [];
  const onProgress = options.onProgress ?? noProgress;
  for (const [index, input] of inputs.entries()) {
    onProgress({ step: '读取文件', done: index, total: inputs.length, unit: '个文件' });
    try {
      const ledger = await readLedgerFile(input.name, input.content);
      if (ledger.encoding) notices.push(`${path.basename(input.name)}：按 ${ledger.encoding} 编码读取`);
      for (const raw of ledger.sheets) {
        const register = registerBySheet.get(normaliseHeader(raw.sheet));
        if (!register) {
          const csv = ledger.encoding !== undefined;
          if (csv) {
            rejected.add(input.name);
            problems.push(
              fileProblem(
                input.name,
                `无法从文件名判断是哪一种台账：CSV 文件应以台账名称命名，如「人民调解案件.csv」（可用的名称：${[...registerBySheet.keys()].join('、')}）`,
              ),
            );
          } else notices.push(`${path.basename(input.name)}：工作表「${raw.sheet}」不是台账，已忽略`);
          continue;
        }
        const plan = planSheet(raw, register, problems, notices);
        if (plan) plans.push(plan);
        else rejected.add(input.name);
      }
      if (!ledger.sheets.some((sheet) => registerBySheet.has(normaliseHeader(sheet.sheet)))) {
        rejected.add(input.name);
        if (ledger.encoding === undefined) {
          problems.push(
            fileProblem(input.name, `工作簿中没有可导入的工作表（工作表应命名为：${[...registerBySheet.keys()].join('、')}）`),
          );
        }
      }
    } catch (error) {
      if (!(error instanceof LedgerFileError)) throw error;
      rejected.add(input.name);
      problems.push(fileProblem(input.name, error.message));
    }
  }

  // Passes: a file with problems is dropped and the rest tried again without it, until what
  // remains is clean (a file of cases can fail because the mediators it names were rejected).
  // What a big ledger writes in its one transaction stays in the connection's page cache
  // (database.ts gives every connection up to 256 MiB), not spilled to the WAL and read back.
  for (;;) {
    const remaining = plans.filter((plan) => !rejected.has(plan.raw.file));
    if (remaining.length === 0) return finish(null, [], []);
    const rows = remaining.reduce((sum, plan) => sum + plan.raw.rows.length, 0);
    const step = options.preview ? '检查' : '检查并写入';
    const progress = (done: number) => onProgress({ step, done, total: rows, unit: '行' });
    progress(0);
    db.exec('BEGIN IMMEDIATE');
    let pass: PassResult;
    try {
      pass = runPass(db, remaining, options.office, progress);
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
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
      onProgress({ step: '保存', done: rows, total: rows, unit: '行' });
      const importId = logImport(db, inputs, pass, options.user);
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
    };
  }
}

function logImport(db: RegisterDatabase, inputs: readonly LedgerInput[], pass: PassResult, user: string): number {
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
  const entries: { tbl: string; rowId: number; lastRowId: number | null; before: string | null }[] = [];
  for (const change of pass.changes) {
    const previous = entries.at(-1);
    if (change.before) {
      entries.push({ tbl: change.tbl, rowId: change.rowId, lastRowId: null, before: JSON.stringify(change.before) });
    } else if (previous?.before === null && previous.tbl === change.tbl && previous.lastRowId === change.rowId - 1) {
      previous.lastRowId = change.rowId;
    } else {
      entries.push({ tbl: change.tbl, rowId: change.rowId, lastRowId: change.rowId, before: null });
    }
  }
  entries.forEach((entry, seq) => insert.run(importId, seq, entry.tbl, entry.rowId, entry.lastRowId, entry.before));
  return importId;
}
