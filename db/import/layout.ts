// How one sheet of a ledger is laid out (registers.md §4 and §5): which register it is and why,
// which row is its header (one row, or a group row above a sub-header row), what each column
// is (a field, a ticked value of a field, a column to ignore, or unknown), and — as its rows
// stream past — which rows are data, which are skipped and why, and which rows a cell merged
// down a column makes one record. Reads no file and writes nothing.

import type { FieldSpec, RegisterDefinition } from '../registers/register.ts';
import { registers } from '../registers/index.ts';
import { cellText } from './cells.ts';
import { fieldForHeader, headerKey, isTenThousandHeader, RUNNING_NUMBER_HEADERS } from './header-words.ts';
import type { ImportMapping } from './mapping.ts';
import type { CellRange, RawCell, RawRow, SheetHead } from './read-ledger.ts';
import { isTicked } from './value-words.ts';

/** What one column of the sheet is. */
export type ColumnUse =
  | { readonly kind: 'field'; readonly column: number; readonly header: string; readonly field: FieldSpec; readonly tenThousands: boolean; readonly mapped?: boolean }
  | { readonly kind: 'tick'; readonly column: number; readonly header: string; readonly field: FieldSpec; readonly value: string }
  | { readonly kind: 'ignored'; readonly column: number; readonly header: string; readonly why: string }
  | { readonly kind: 'unknown'; readonly column: number; readonly header: string };

export interface SheetLayout {
  readonly sheet: string;
  readonly index: number;
  readonly register: RegisterDefinition;
  /** Why the sheet was read as its register, in Chinese. */
  readonly why: string;
  /** Excel row numbers of the header (two for a group row over sub-headers). */
  readonly headerRows: readonly number[];
  readonly columns: readonly ColumnUse[];
  /** Required fields no column gives. */
  readonly missing: readonly FieldSpec[];
  /** The header as written, column by column: what a remembered mapping is keyed by. */
  readonly headerSignature: string;
  readonly merges: readonly CellRange[];
}

/** A sheet no register fits, with why. */
export interface UnreadSheet {
  readonly unread: true;
  readonly sheet: string;
  readonly why: string;
}

/** Rows skipped while streaming, by reason: how many, and the first row numbers. */
export type SkippedRows = Map<string, { count: number; rows: number[] }>;

/** The row numbers a skip reason quotes in full. */
const QUOTED_ROWS = 20;

function headerCells(head: SheetHead, rowNumber: number): readonly RawCell[] {
  return head.rows.find((row) => row.rowNumber === rowNumber)?.cells ?? [];
}

/**
 * A cell's text, the top-left cell's when it lies in a merged range: any range for a group row,
 * only one merged down from above for a header row of its own (a cell merged across columns
 * there is a group whose sub-headers are below it).
 */
function mergedText(head: SheetHead, rowNumber: number, column: number, across = true): string {
  const range = head.merges.find(
    (r) => r.top <= rowNumber && rowNumber <= r.bottom && r.left <= column && column <= r.right && (across || r.left === column),
  );
  if (range) return cellText(headerCells(head, range.top)[range.left] ?? null);
  return cellText(headerCells(head, rowNumber)[column] ?? null);
}

interface NamedColumn {
  readonly column: number;
  /** The header as written (group+sub for a two-level header). */
  readonly name: string;
  readonly group: string | null;
  readonly sub: string;
}

/** Column names of a header at `rowNumber`, with the row above as its group row when `twoLevel`. */
function namedColumns(head: SheetHead, rowNumber: number, twoLevel: boolean, width: number): NamedColumn[] {
  const columns: NamedColumn[] = [];
  for (let column = 0; column < width; column++) {
    const sub = mergedText(head, rowNumber, column, twoLevel);
    const top = twoLevel ? mergedText(head, rowNumber - 1, column) : '';
    if (!twoLevel || top === '' || top === sub) columns.push({ column, name: sub, group: null, sub });
    else if (sub === '') columns.push({ column, name: top, group: null, sub: top });
    else columns.push({ column, name: `${top}${sub}`, group: top, sub });
  }
  return columns;
}

function isRunningNumber(head: SheetHead, headerRow: number, column: number): boolean {
  const values = head.rows
    .filter((row) => row.rowNumber > headerRow)
    .map((row) => cellText(row.cells[column] ?? null))
    .filter((text) => text !== '');
  if (values.length === 0) return false;
  const numbers = values.map(Number);
  return numbers.every((n, at) => Number.isInteger(n) && (at === 0 || n === numbers[at - 1]! + 1)) && values.length >= 1;
}

function columnHasData(head: SheetHead, headerRow: number, column: number): boolean {
  return head.rows.some((row) => row.rowNumber > headerRow && cellText(row.cells[column] ?? null) !== '');
}

/** What each named column is in `register`, with the user's mapping applied. */
function useColumns(
  head: SheetHead,
  register: RegisterDefinition,
  named: readonly NamedColumn[],
  headerRow: number,
  mapping: ImportMapping | undefined,
  valueIsLabel: (field: FieldSpec, text: string) => boolean,
): ColumnUse[] {
  const uses: ColumnUse[] = [];
  for (const { column, name, group, sub } of named) {
    const key = headerKey(name);
    if (key === '') {
      if (columnHasData(head, headerRow, column)) {
        if (isRunningNumber(head, headerRow, column)) uses.push({ kind: 'ignored', column, header: `第${column + 1}列`, why: '顺序号' });
        else uses.push({ kind: 'unknown', column, header: `第${column + 1}列（无表头）` });
      }
      continue;
    }
    if (mapping && Object.hasOwn(mapping.columns, name)) {
      const target = mapping.columns[name];
      const field = target === null ? undefined : register.fields.find((f) => f.header === target);
      if (target === null || !field) uses.push({ kind: 'ignored', column, header: name, why: target === null ? '按映射忽略' : `映射到的「${target}」不是本台账的列，已忽略` });
      else uses.push({ kind: 'field', column, header: name, field, tenThousands: isTenThousandHeader(name), mapped: true });
      continue;
    }
    if (RUNNING_NUMBER_HEADERS.has(key) && (key !== '编号' || isRunningNumber(head, headerRow, column))) {
      uses.push({ kind: 'ignored', column, header: name, why: '顺序号' });
      continue;
    }
    if (group !== null) {
      const groupField = fieldForHeader(register, group);
      if (groupField?.list && valueIsLabel(groupField, sub)) {
        uses.push({ kind: 'tick', column, header: name, field: groupField, value: sub });
        continue;
      }
    }
    const field = fieldForHeader(register, sub) ?? (group !== null ? fieldForHeader(register, name) : undefined);
    if (field) uses.push({ kind: 'field', column, header: name, field, tenThousands: isTenThousandHeader(name) });
    else uses.push({ kind: 'unknown', column, header: name });
  }
  return uses;
}

interface Candidate {
  readonly register: RegisterDefinition;
  readonly headerRows: number[];
  readonly columns: ColumnUse[];
  readonly missing: FieldSpec[];
  /** Share of the register's required fields the header gives. */
  readonly requiredShare: number;
  readonly fieldsMatched: number;
  readonly unknown: number;
}

function candidate(register: RegisterDefinition, headerRows: number[], columns: ColumnUse[]): Candidate {
  const given = new Set(columns.flatMap((use) => (use.kind === 'field' || use.kind === 'tick' ? [use.field.name] : [])));
  const required = register.fields.filter((field) => field.requiredColumn);
  const missing = required.filter((field) => !given.has(field.name));
  return {
    register,
    headerRows,
    columns,
    missing,
    requiredShare: (required.length - missing.length) / required.length,
    fieldsMatched: given.size,
    unknown: columns.filter((use) => use.kind === 'unknown').length,
  };
}

/** Whether `a` reads the sheet better than `b`: more required columns, more fields, fewer unknown columns. */
function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return true;
  if (a.requiredShare !== b.requiredShare) return a.requiredShare > b.requiredShare;
  if (a.fieldsMatched !== b.fieldsMatched) return a.fieldsMatched > b.fieldsMatched;
  return a.unknown < b.unknown;
}

/** The least share of a register's required columns a header must give to be read as that register. */
const LEAST_REQUIRED_SHARE = 0.5;

/**
 * The layout of a sheet from its head: the register named by `named` (the sheet or file is
 * named after it, or the user chose it), else the register whose required columns the header
 * matches best; and the header row that matches it best among the head's rows.
 */
export function sheetLayout(
  head: SheetHead,
  named: { register: RegisterDefinition; why: string } | null,
  mapping: ImportMapping | undefined,
  valueIsLabel: (field: FieldSpec, text: string) => boolean,
): SheetLayout | UnreadSheet {
  const lastHeadRow = head.rows.at(-1)?.rowNumber ?? 0;
  const top: SheetHead = { ...head, merges: head.merges.filter((range) => range.top <= lastHeadRow) };
  const width = Math.max(0, ...head.rows.map((row) => row.cells.length), ...top.merges.map((range) => range.right + 1));
  const rowNumbers = new Set(head.rows.map((row) => row.rowNumber));
  const candidates: Candidate[] = [];
  for (const row of head.rows) {
    if (isBlankRow(row.cells)) continue;
    const shapes: [number[], NamedColumn[]][] = [[[row.rowNumber], namedColumns(top, row.rowNumber, false, width)]];
    if (rowNumbers.has(row.rowNumber - 1)) {
      shapes.push([[row.rowNumber - 1, row.rowNumber], namedColumns(top, row.rowNumber, true, width)]);
    }
    for (const register of named ? [named.register] : registers) {
      for (const [headerRows, columns] of shapes) {
        candidates.push(candidate(register, headerRows, useColumns(head, register, columns, row.rowNumber, mapping, valueIsLabel)));
      }
    }
  }
  let best: Candidate | undefined;
  for (const c of candidates) if (better(c, best)) best = c;
  if (!best || (!named && best.requiredShare < LEAST_REQUIRED_SHARE)) {
    return { unread: true, sheet: head.sheet, why: '表头与任何一种台账的必填列都对不上' };
  }
  if (!named) {
    const rivals = candidates.filter((c) => c.register !== best.register && c.requiredShare === best.requiredShare && c.fieldsMatched === best.fieldsMatched);
    if (rivals.length > 0) {
      return { unread: true, sheet: head.sheet, why: `表头既像「${best.register.title}」又像「${rivals[0]!.register.title}」，无法判断，请指定台账种类` };
    }
  }
  const required = best.register.fields.filter((field) => field.requiredColumn).length;
  const why =
    named?.why ??
    `表头与「${best.register.title}」的必填列对上 ${required - best.missing.length}/${required} 列，是各种台账中最多的`;
  const headerRow = best.headerRows.at(-1)!;
  const signature = namedColumns(top, headerRow, best.headerRows.length === 2, width)
    .map((column) => headerKey(column.name))
    .join('|');
  return {
    sheet: head.sheet,
    index: head.index,
    register: best.register,
    why,
    headerRows: best.headerRows,
    columns: best.columns,
    missing: best.missing,
    headerSignature: signature,
    merges: head.merges.filter((range) => range.top > headerRow),
  };
}

export function isUnread(layout: SheetLayout | UnreadSheet): layout is UnreadSheet {
  return 'unread' in layout;
}

// ---- rows ------------------------------------------------------------------------------------

export function isBlankRow(cells: readonly RawCell[]): boolean {
  for (const cell of cells) if (cellText(cell) !== '') return false;
  return true;
}

const totalWords = ['合计', '小计', '总计', '本页小计', '本页合计', '累计'];
const footerWords = ['注:', '注：', '说明:', '说明：', '备注:', '填表人', '审核人', '负责人', '制表日期', '制表人', '填表日期', '填报人', '填报日期'];
/** The footer words as first cells are compared (worked out once, not for every row). */
const footerKeys = footerWords.map(headerKey);

/** Why a row below the header is not data, or null when it is. Looks at the first filled cell, and at the rest only when it could be a repeated header. */
export function skipReason(cells: readonly RawCell[], headerKeys: readonly string[]): string | null {
  let firstColumn = -1;
  for (let column = 0; column < cells.length; column++) {
    if (cellText(cells[column] ?? null) !== '') {
      firstColumn = column;
      break;
    }
  }
  if (firstColumn < 0) return '空行';
  const first = headerKey(cellText(cells[firstColumn]!));
  if (totalWords.some((word) => first.startsWith(word))) return '合计行';
  if (footerKeys.some((key) => first.startsWith(key))) return '表尾说明';
  if (first === headerKeys[firstColumn] && cells.every((cell, column) => headerKey(cellText(cell)) === (headerKeys[column] ?? ''))) {
    return '重复的表头';
  }
  return null;
}

/** One record as the sheet gives it: a cell per field of the register (null when no column gives it). */
export interface LedgerRecord {
  readonly rowNumber: number;
  readonly cells: RawCell[];
}

/**
 * Turns the sheet's streamed rows into records: skips (and counts) the rows that are no data,
 * fills cells merged down a column into every row they span, joins several columns of one
 * field with 、, takes the ticked column's value, and makes rows that share a merged key
 * cell one record, joining their names.
 */
export class RecordAssembler {
  readonly skipped: SkippedRows = new Map();
  private readonly byField: ColumnUse[][];
  /** Per field, the one plain column that gives it (its cell is kept as the file holds it: dates, numbers). */
  private readonly plainColumn: (number | undefined)[];
  /** Every field is one plain column and no cell is merged down: rows are records as they are. */
  private readonly plain: boolean;
  private readonly keyColumn: number | undefined;
  private readonly headerRow: number;
  private readonly headerKeys: string[];
  /** Merged ranges by their top row, and those that span the current row. */
  private readonly mergesByTop = new Map<number, CellRange[]>();
  private active: { range: CellRange; value: RawCell }[] = [];
  private pending: { rowNumber: number; first: RawCell[]; texts: string[][] } | null = null;
  /** The last row seen: a spreadsheet leaves blank rows out, so a gap in the numbers is blank rows. */
  private lastRow = 0;

  constructor(
    private readonly layout: SheetLayout,
    head: SheetHead,
    private readonly emit: (record: LedgerRecord) => void,
  ) {
    const fields = layout.register.fields;
    const fieldIndex = new Map(fields.map((field, index) => [field.name, index]));
    this.byField = fields.map(() => []);
    for (const use of layout.columns) {
      if (use.kind === 'field' || use.kind === 'tick') this.byField[fieldIndex.get(use.field.name)!]!.push(use);
    }
    this.plainColumn = this.byField.map((uses) => (uses.length === 1 && uses[0]!.kind === 'field' ? uses[0]!.column : undefined));
    this.keyColumn = layout.columns.find((use) => use.kind === 'field' && use.field.requiredColumn)?.column;
    this.headerRow = layout.headerRows.at(-1)!;
    this.headerKeys = (head.rows.find((row) => row.rowNumber === this.headerRow)?.cells ?? []).map((cell) => headerKey(cellText(cell)));
    for (const range of layout.merges) {
      if (range.bottom === range.top) continue;
      const list = this.mergesByTop.get(range.top) ?? [];
      list.push(range);
      this.mergesByTop.set(range.top, list);
    }
    this.plain = this.mergesByTop.size === 0 && this.byField.every((uses, index) => uses.length === 0 || this.plainColumn[index] !== undefined);
  }

  /** Rows above and in the header are counted as such; the rest become records or skipped rows. */
  push(row: RawRow): void {
    if (row.rowNumber <= this.headerRow) {
      if (!this.layout.headerRows.includes(row.rowNumber) && !isBlankRow(row.cells)) this.skip(row.rowNumber, '表头以上的标题行');
      this.lastRow = row.rowNumber;
      return;
    }
    for (let blank = Math.max(this.lastRow, this.headerRow) + 1; blank < row.rowNumber; blank++) this.skip(blank, '空行');
    this.lastRow = row.rowNumber;
    if (this.plain) {
      const reason = skipReason(row.cells, this.headerKeys);
      if (reason) this.skip(row.rowNumber, reason);
      else this.emit({ rowNumber: row.rowNumber, cells: this.plainColumn.map((column) => (column === undefined ? null : (row.cells[column] ?? null))) });
      return;
    }
    const { cells, continued } = this.fillMerged(row);
    const reason = skipReason(cells, this.headerKeys);
    if (reason) {
      this.skip(row.rowNumber, reason);
      return;
    }
    const texts = this.byField.map((uses) => this.fieldTexts(uses, cells));
    if (continued && this.pending) {
      this.pending.texts.forEach((list, index) => {
        for (const text of texts[index]!) if (!list.includes(text)) list.push(text);
      });
      return;
    }
    this.flush();
    this.pending = { rowNumber: row.rowNumber, first: this.plainColumn.map((column) => (column === undefined ? null : (cells[column] ?? null))), texts };
  }

  /** Hands on the record still being gathered (call at the end of the sheet). */
  flush(): void {
    if (!this.pending) return;
    const { rowNumber, first, texts } = this.pending;
    this.pending = null;
    const cells = texts.map((list, index) => {
      if (list.length === 0) return null;
      const cell = first[index] ?? null;
      return list.length === 1 && cell !== null && cellText(cell) === list[0] ? cell : list.join('、');
    });
    this.emit({ rowNumber, cells });
  }

  private skip(rowNumber: number, reason: string): void {
    const entry = this.skipped.get(reason) ?? { count: 0, rows: [] };
    entry.count++;
    if (entry.rows.length < QUOTED_ROWS) entry.rows.push(rowNumber);
    this.skipped.set(reason, entry);
  }

  /** The row's cells with merged values filled down, and whether its key cell continues a merge from a row above. */
  private fillMerged(row: RawRow): { cells: readonly RawCell[]; continued: boolean } {
    const starting = this.mergesByTop.get(row.rowNumber);
    if (this.active.length === 0 && !starting) return { cells: row.cells, continued: false };
    this.active = this.active.filter(({ range }) => range.bottom >= row.rowNumber);
    for (const range of starting ?? []) this.active.push({ range, value: row.cells[range.left] ?? null });
    const cells = [...row.cells];
    let continued = false;
    for (const { range, value } of this.active) {
      if (range.top === row.rowNumber) continue;
      cells[range.left] = value;
      if (range.left === this.keyColumn) continued = true;
    }
    return { cells, continued };
  }

  /** The field's texts in this row: each column's, or the ticked column's value. */
  private fieldTexts(uses: readonly ColumnUse[], cells: readonly RawCell[]): string[] {
    const texts: string[] = [];
    for (const use of uses) {
      const text = cellText(cells[use.column] ?? null);
      if (text === '') continue;
      const value = use.kind === 'tick' ? (isTicked(text) ? use.value : '') : text;
      if (value !== '' && !texts.includes(value)) texts.push(value);
    }
    return texts;
  }
}
