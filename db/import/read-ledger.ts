// Reading ledger files (台账) as streams of raw rows, so that a file of any size is read in
// bounded memory: .csv through PapaParse's streaming mode (UTF-8 with or without BOM, or
// GB18030/GBK, detected from the file's first bytes: Chinese Excel saves CSV as GBK), .xlsx
// through exceljs's streaming WorkbookReader. Knows nothing of registers; it finds sheets, rows
// and cells, and the merged cells of a sheet.
//
// A workbook is parsed once: its rows are kept in temporary files (RowSpool) that each pass of
// the import reads back, sheet by sheet, in the order the registers need.
//
// Merged cells: the streaming WorkbookReader skips <mergeCell> (and the sheet XML lists them
// after the rows), so the head pass unzips each sheet part with JSZip and scans its tail for
// them before any row is read.
//
// Hostile files: bytes that are no zip are refused before anything is unzipped; a spreadsheet
// formula gives its cached result, and one without a result, or with an error as result, is an
// UnreadableCell that the importer reports for its row; text that begins with = is just text.

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import Papa from 'papaparse';

/**
 * A cell whose value the file does not hold: a formula saved without its result (files made by
 * programs rather than Excel or WPS), or an error value (#DIV/0!, #N/A). It reads as what the
 * cell shows in the spreadsheet, and says why it cannot be imported.
 */
export class UnreadableCell {
  constructor(
    readonly shown: string,
    readonly reason: string,
  ) {}

  toString(): string {
    return this.shown;
  }
}

/** A cell as the file holds it: spreadsheets keep real numbers, dates and booleans. */
export type RawCell = string | number | boolean | Date | UnreadableCell | null;

export interface RawRow {
  /** Row number as Excel shows it (the header is usually row 1). */
  readonly rowNumber: number;
  readonly cells: readonly RawCell[];
}

/** A rectangle of merged cells: rows as Excel numbers them, columns from 0. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A ledger file: its bytes in memory (from the API), or a path to read as a stream (the CLI). */
export type LedgerSource = { readonly name: string; readonly content: Buffer } | { readonly name: string; readonly path: string };

/** The top of a sheet, read to find its header and register before the rows are streamed. */
export interface SheetHead {
  /** Which sheet of the file (its position in the workbook's parts). */
  readonly index: number;
  readonly sheet: string;
  readonly rows: readonly RawRow[];
  readonly merges: readonly CellRange[];
}

export interface LedgerHeads {
  readonly kind: 'csv' | 'xlsx';
  /** Which text encoding a CSV is read in (for the import summary). */
  readonly encoding?: string;
  readonly sheets: SheetHead[];
  /** A workbook's rows, parsed once and kept on disk for the import's passes; null for a CSV (read again from its file). */
  readonly spool: RowSpool | null;
}

/**
 * The rows of a workbook's sheets in temporary files, one JSON line a row: the workbook is
 * unzipped and parsed once, and each pass reads back only the sheet it needs, in any order.
 */
export class RowSpool {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-import-'));
  private readonly files = new Map<number, { fd: number; path: string; pending: string[] }>();

  add(index: number, row: RawRow): void {
    let file = this.files.get(index);
    if (!file) {
      const filePath = path.join(this.dir, `${index}.jsonl`);
      file = { fd: fs.openSync(filePath, 'w'), path: filePath, pending: [] };
      this.files.set(index, file);
    }
    file.pending.push(JSON.stringify([row.rowNumber, row.cells.map(encodeCell)]));
    if (file.pending.length >= BATCH_ROWS) this.write(file);
  }

  /** Closes the files written. */
  finish(): void {
    for (const file of this.files.values()) {
      this.write(file);
      fs.closeSync(file.fd);
    }
  }

  async read(index: number, take: (rows: RawRow[]) => boolean): Promise<void> {
    const file = this.files.get(index);
    if (!file) return;
    const lines = readline.createInterface({ input: fs.createReadStream(file.path, { highWaterMark: CHUNK_BYTES }), crlfDelay: Infinity });
    let batch: RawRow[] = [];
    try {
      for await (const line of lines) {
        const [rowNumber, cells] = JSON.parse(line) as [number, unknown[]];
        batch.push({ rowNumber, cells: cells.map(decodeCell) });
        if (batch.length >= BATCH_ROWS) {
          if (!take(batch)) return;
          batch = [];
        }
      }
      if (batch.length > 0) take(batch);
    } finally {
      lines.close();
    }
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private write(file: { fd: number; pending: string[] }): void {
    if (file.pending.length === 0) return;
    fs.writeSync(file.fd, `${file.pending.join('\n')}\n`);
    file.pending.length = 0;
  }
}

function encodeCell(cell: RawCell): unknown {
  if (cell instanceof Date) return { d: cell.getTime() };
  if (cell instanceof UnreadableCell) return { u: [cell.shown, cell.reason] };
  return cell;
}

function decodeCell(value: unknown): RawCell {
  if (value === null || typeof value !== 'object') return value as RawCell;
  if ('d' in value) return new Date((value as { d: number }).d);
  const [shown, reason] = (value as { u: [string, string] }).u;
  return new UnreadableCell(shown, reason);
}

export class LedgerFileError extends Error {
  override readonly name = 'LedgerFileError';
}

/** How many rows from the top are read to find the header (titles, 填报单位 lines and two header rows fit). */
export const HEAD_ROWS = 30;

/** Rows handed on at once while streaming. */
const BATCH_ROWS = 2000;

/** Bytes read at once from a file or buffer. */
const CHUNK_BYTES = 1024 * 1024;

function kindOf(name: string): 'csv' | 'xlsx' {
  const extension = path.extname(name).toLowerCase();
  if (extension === '.xlsx' || extension === '.xlsm') return 'xlsx';
  if (extension === '.csv' || extension === '.txt') return 'csv';
  if (extension === '.xls' || extension === '.et' || extension === '.wps') {
    throw new LedgerFileError(`文件「${path.basename(name)}」是旧版 Excel/WPS 格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入`);
  }
  throw new LedgerFileError(`文件「${path.basename(name)}」不是 .xlsx 或 .csv 台账文件`);
}

function byteStream(source: LedgerSource): Readable {
  if ('path' in source) return fs.createReadStream(source.path, { highWaterMark: CHUNK_BYTES });
  const content = source.content;
  return Readable.from(
    (function* () {
      for (let at = 0; at < content.length; at += CHUNK_BYTES) yield content.subarray(at, at + CHUNK_BYTES);
    })(),
  );
}

function firstBytes(source: LedgerSource, length: number): Buffer {
  if (!('path' in source)) return source.content.subarray(0, length);
  const fd = fs.openSync(source.path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function wholeFile(source: LedgerSource): Buffer {
  return 'path' in source ? fs.readFileSync(source.path) : source.content;
}

/** The top of every sheet of a file, with its merged cells. */
export async function readHeads(source: LedgerSource): Promise<LedgerHeads> {
  const kind = kindOf(source.name);
  if ('path' in source) checkReadable(source.path, source.name);
  return kind === 'xlsx' ? workbookHeads(source) : csvHeads(source);
}

/** A file named by its path must be there and readable (it may have gone since it was chosen). */
function checkReadable(file: string, name: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new LedgerFileError(`无法读取文件「${path.basename(name)}」：文件不存在或没有读取权限`);
  }
}

/**
 * Streams the rows of one sheet, in batches, to `take`; `take` returns false to stop early.
 * Blank rows are handed on too (the importer reports them), except a CSV's final line break.
 */
export async function readSheetRows(
  source: LedgerSource,
  heads: LedgerHeads,
  index: number,
  take: (rows: RawRow[]) => boolean,
): Promise<void> {
  if (heads.spool) await heads.spool.read(index, take);
  else await csvRows(source, heads.encoding!, take);
}

/** Every row of every sheet at once: for small files and tests. */
export async function readAllRows(source: LedgerSource): Promise<{ heads: LedgerHeads; rows: RawRow[][] }> {
  const heads = await readHeads(source);
  const rows: RawRow[][] = [];
  for (const sheet of heads.sheets) {
    const sheetRows: RawRow[] = [];
    await readSheetRows(source, heads, sheet.index, (batch) => {
      sheetRows.push(...batch);
      return true;
    });
    rows.push(sheetRows);
  }
  heads.spool?.dispose();
  return { heads, rows };
}

// ---- .xlsx ---------------------------------------------------------------------------------

type WorksheetReader = AsyncIterable<ExcelJS.Row> & { id: string | number };

interface StreamingWorkbook extends AsyncIterable<WorksheetReader> {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/**
 * exceljs's streaming reader decodes each chunk of a part's XML on its own, so a Chinese
 * character cut by a chunk boundary comes out as U+FFFD; its shared strings and sheets are
 * handed to it in chunks that end on whole UTF-8 characters.
 */
async function* wholeCharacters(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    const bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = utf8Boundary(bytes);
    carry = end < bytes.length ? bytes.subarray(end) : null;
    if (end > 0) yield bytes.subarray(0, end);
  }
  if (carry) yield carry;
}

type ReaderInternals = {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown>;
};
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: unknown, options: unknown) => ReaderInternals;

class WholeCharacterReader extends BaseReader {
  override _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    return super._parseSharedStrings(Readable.from(wholeCharacters(entry)));
  }

  override _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown> {
    return super._parseWorksheet(wholeCharacters(iterator), sheetNo);
  }
}

function openWorkbook(source: LedgerSource): StreamingWorkbook {
  const input = 'path' in source ? source.path : byteStream(source);
  return new WholeCharacterReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamingWorkbook;
}

const notWorkbook = (name: string) =>
  new LedgerFileError(`文件「${path.basename(name)}」不是有效的 Excel 工作簿（.xlsx），可能已损坏或并非 Excel 文件`);

async function workbookHeads(source: LedgerSource): Promise<LedgerHeads> {
  const zipBytes = wholeFile(source);
  if (!isZip(zipBytes)) throw notWorkbook(source.name);
  let merges: Map<number, CellRange[]>;
  try {
    merges = await mergedRanges(zipBytes);
  } catch {
    throw notWorkbook(source.name);
  }
  const heads: { index: number; rows: RawRow[] }[] = [];
  const spool = new RowSpool();
  const reader = openWorkbook(source);
  try {
    for await (const worksheet of reader) {
      const index = Number(worksheet.id);
      const rows: RawRow[] = [];
      for await (const row of worksheet) {
        const raw = rawRow(row);
        if (rows.length < HEAD_ROWS) rows.push(raw);
        spool.add(index, raw);
      }
      heads.push({ index, rows });
    }
    spool.finish();
  } catch {
    spool.finish();
    spool.dispose();
    throw notWorkbook(source.name);
  }
  const names = sheetNames(reader);
  return {
    kind: 'xlsx',
    spool,
    sheets: heads
      .sort((a, b) => a.index - b.index)
      .map((head) => ({ ...head, sheet: names.get(head.index) ?? `Sheet${head.index}`, merges: merges.get(head.index) ?? [] })),
  };
}

/** Sheet part number (xl/worksheets/sheetN.xml) → the name the workbook gives it. */
function sheetNames(reader: StreamingWorkbook): Map<number, string> {
  const names = new Map<number, string>();
  for (const sheet of reader.model?.sheets ?? []) {
    const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target ?? '';
    const part = /sheet(\d+)\.xml$/.exec(target);
    if (part) names.set(Number(part[1]), sheet.name.trim());
  }
  return names;
}

function rawRow(row: ExcelJS.Row): RawRow {
  const values = row.values as ExcelJS.CellValue[];
  const cells: RawCell[] = [];
  for (let column = 1; column < values.length; column++) cells.push(cellValue(values[column]));
  return { rowNumber: row.number, cells };
}

function isZip(bytes: Buffer): boolean {
  return bytes.length > 22 && bytes.readUInt32LE(0) === 0x04034b50;
}

/** Sheet part number → its merged ranges, scanned from the part's XML as it unzips. */
async function mergedRanges(zipBytes: Buffer): Promise<Map<number, CellRange[]>> {
  const zip = await JSZip.loadAsync(zipBytes);
  const result = new Map<number, CellRange[]>();
  for (const entry of Object.values(zip.files)) {
    const part = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.name);
    if (!part) continue;
    const ranges: CellRange[] = [];
    let carry = '';
    await new Promise<void>((resolve, reject) => {
      entry
        .nodeStream('nodebuffer')
        .on('data', (chunk: Buffer) => {
          const text = carry + chunk.toString('latin1');
          const pattern = /<mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"/g;
          let match: RegExpExecArray | null;
          let consumed = 0;
          while ((match = pattern.exec(text))) {
            ranges.push(rangeOf(match[1]!, match[2]!));
            consumed = pattern.lastIndex;
          }
          carry = text.slice(Math.max(consumed, text.length - 64));
        })
        .on('end', resolve)
        .on('error', reject);
    });
    result.set(Number(part[1]), ranges);
  }
  return result;
}

function cellAddress(ref: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column: column - 1 };
}

function rangeOf(from: string, to: string): CellRange {
  const a = cellAddress(from);
  const b = cellAddress(to);
  return { top: a.row, left: a.column, bottom: b.row, right: b.column };
}

function cellValue(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return formulaValue(value);
    if ('text' in value) return String(value.text);
    if ('error' in value) return new UnreadableCell(String(value.error), `是错误值 ${String(value.error)}`);
  }
  return String(value);
}

const NO_FORMULA_RESULT =
  '是公式，但文件中没有它的计算结果（没有保存结果，或结果是错误值）：请在 Excel 或 WPS 中打开该文件，改正公式、保存后再导入';

/** A formula's cached result (what Excel showed when the file was saved), or why there is none. */
function formulaValue(value: ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue): RawCell {
  const shown = `=${'formula' in value && value.formula ? value.formula : (value as ExcelJS.CellSharedFormulaValue).sharedFormula}`;
  const result = value.result;
  // The streaming reader gives no result for an error result (#DIV/0!) either.
  if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result))) {
    return new UnreadableCell(shown, NO_FORMULA_RESULT);
  }
  if (typeof result === 'object' && 'error' in result) {
    return new UnreadableCell(shown, `是公式，计算结果为错误值 ${String(result.error)}`);
  }
  return cellValue(result as ExcelJS.CellValue);
}

// ---- .csv ----------------------------------------------------------------------------------

/** How many bytes are looked at to tell the encoding and read the head. */
const SNIFF_BYTES = 256 * 1024;

/** The encoding of a CSV from its first bytes: a BOM, else UTF-8 when they decode as UTF-8, else GB18030. */
function detectEncoding(name: string, start: Buffer): string {
  if (start.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) return 'UTF-8 (BOM)';
  if (start[0] === 0xff && start[1] === 0xfe) return 'UTF-16';
  if (start.subarray(0, 4096).includes(0)) throw new LedgerFileError(`文件「${path.basename(name)}」不是文本格式的 CSV 文件`);
  try {
    // A character cut off at the end of the sample is no reason to doubt it.
    new TextDecoder('utf-8', { fatal: true }).decode(start.subarray(0, utf8Boundary(start)));
    return 'UTF-8';
  } catch {
    return 'GB18030';
  }
}

/** Where the last whole UTF-8 character of `bytes` ends (a character cut off by the sample is left out). */
function utf8Boundary(bytes: Buffer): number {
  for (let lead = bytes.length - 1; lead >= Math.max(0, bytes.length - 4); lead--) {
    const byte = bytes[lead]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return lead + length <= bytes.length ? bytes.length : lead;
  }
  return bytes.length;
}

const iconvName = (encoding: string) => (encoding === 'UTF-16' ? 'utf16le' : encoding === 'GB18030' ? 'gb18030' : 'utf8');

function detectDelimiter(headerLine: string): string {
  const counts = [',', '\t', ';'].map((candidate) => [candidate, headerLine.split(candidate).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

async function csvHeads(source: LedgerSource): Promise<LedgerHeads> {
  const start = firstBytes(source, SNIFF_BYTES);
  const encoding = detectEncoding(source.name, start);
  const rows: RawRow[] = [];
  await csvRows(source, encoding, (batch) => {
    rows.push(...batch.slice(0, HEAD_ROWS - rows.length));
    return rows.length < HEAD_ROWS;
  });
  return { kind: 'csv', encoding, spool: null, sheets: [{ index: 1, sheet: path.basename(source.name, path.extname(source.name)).trim(), rows, merges: [] }] };
}

function csvRows(source: LedgerSource, encoding: string, take: (rows: RawRow[]) => boolean): Promise<void> {
  const text = byteStream(source).pipe(iconv.decodeStream(iconvName(encoding)));
  const head = iconv.decode(firstBytes(source, 64 * 1024), iconvName(encoding));
  const delimiter = detectDelimiter(head.slice(0, head.search(/\r?\n|$/)));
  let rowNumber = 0;
  // A blank line is handed on only when a row follows it: the line break that ends the file starts no row.
  let blanks: RawRow[] = [];
  return new Promise<void>((resolve, reject) => {
    let failed: Error | null = null;
    Papa.parse<string[]>(text as unknown as File, {
      delimiter,
      chunk: (results, parser) => {
        const broken = results.errors.find((error) => error.type === 'Quotes');
        if (broken) {
          failed = new LedgerFileError(
            `文件「${path.basename(source.name)}」无法按 CSV 读取（第${rowNumber + (broken.row ?? 0) + 1}行附近）：引号或分隔符不配对`,
          );
          parser.abort();
          return;
        }
        const batch: RawRow[] = [];
        for (const cells of results.data) {
          rowNumber++;
          const row = { rowNumber, cells };
          if (cells.length === 1 && cells[0] === '') blanks.push(row);
          else {
            if (blanks.length > 0) batch.push(...blanks);
            blanks = [];
            batch.push(row);
          }
        }
        if (batch.length > 0 && !take(batch)) parser.abort();
      },
      complete: () => {
        (text as unknown as Readable).destroy();
        if (failed) reject(failed);
        else resolve();
      },
      error: (error: Error) => reject(new LedgerFileError(`文件「${path.basename(source.name)}」无法读取：${error.message}`)),
    });
  });
}
