// Reading ledger files (台账) into sheets of raw cells: .xlsx through exceljs, .csv in UTF-8
// (with or without BOM) or GB18030/GBK (detected: Chinese Excel saves CSV as GBK) through
// csv-parse and iconv-lite. Knows nothing of registers; it only finds rows and cells.
//
// Hostile files: a file over LEDGER_FILE_LIMIT_MB is refused before anything is decoded (a
// 100 MB CSV already takes about a gigabyte once split into cells); a spreadsheet formula
// gives its cached result, and one without a result, or with an error as result, is an
// UnreadableCell that the importer reports for its row; text that begins with = is text.

import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import path from 'node:path';

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

export interface RawSheet {
  readonly file: string;
  readonly sheet: string;
  /** Header cells by column index, as written (not yet matched). */
  readonly headerRows: readonly RawRow[];
  readonly rows: readonly RawRow[];
}

export class LedgerFileError extends Error {
  override readonly name = 'LedgerFileError';
}

export interface LedgerFile {
  readonly sheets: RawSheet[];
  /** Which text encoding a CSV was read in (for the import summary). */
  readonly encoding?: string;
}

/** How many rows from the top may hold the header (ledgers often carry a title row above it). */
const HEADER_SEARCH_ROWS = 5;

/**
 * The largest ledger file taken, in MB. A county's ledger for a year is a few MB; reading a
 * file this size takes about a gigabyte of memory (measured in test/trust/hostile-files.test.ts),
 * which an office PC still has.
 */
export const LEDGER_FILE_LIMIT_MB = 100;

/** Why a file of `bytes` is refused, or null when its size is fine; callers that read from disk ask before reading. */
export function ledgerSizeProblem(file: string, bytes: number): string | null {
  if (bytes <= LEDGER_FILE_LIMIT_MB * 1024 * 1024) return null;
  const megabytes = bytes / (1024 * 1024);
  return `文件「${path.basename(file)}」过大（${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)}MB），单个台账文件不能超过${LEDGER_FILE_LIMIT_MB}MB，请分开导入`;
}

export async function readLedgerFile(file: string, content: Buffer): Promise<LedgerFile> {
  const tooLarge = ledgerSizeProblem(file, content.length);
  if (tooLarge) throw new LedgerFileError(tooLarge);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xlsx' || extension === '.xlsm') return readWorkbook(file, content);
  if (extension === '.csv' || extension === '.txt') return readCsv(file, content);
  if (extension === '.xls' || extension === '.et' || extension === '.wps') {
    throw new LedgerFileError(`文件「${path.basename(file)}」是旧版 Excel/WPS 格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入`);
  }
  throw new LedgerFileError(`文件「${path.basename(file)}」不是 .xlsx 或 .csv 台账文件`);
}

async function readWorkbook(file: string, content: Buffer): Promise<LedgerFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new LedgerFileError(`文件「${path.basename(file)}」不是有效的 Excel 工作簿（.xlsx），可能已损坏或并非 Excel 文件`);
  }
  const sheets: RawSheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: RawRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: RawCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellValue(cell.value);
      });
      rows.push({ rowNumber: row.number, cells: Array.from(cells, (cell) => cell ?? null) });
    });
    sheets.push({
      file,
      sheet: worksheet.name.trim(),
      headerRows: rows.slice(0, HEADER_SEARCH_ROWS),
      rows,
    });
  });
  return { sheets };
}

function cellValue(value: ExcelJS.CellValue): RawCell {
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

/** A formula's cached result (what Excel showed when the file was saved), or why there is none. */
function formulaValue(value: ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue): RawCell {
  const shown = `=${'formula' in value && value.formula ? value.formula : (value as ExcelJS.CellSharedFormulaValue).sharedFormula}`;
  const result = value.result;
  if (result === undefined || result === null) {
    return new UnreadableCell(shown, '是公式，但文件中没有保存计算结果：请在 Excel 或 WPS 中打开该文件、保存后再导入');
  }
  if (typeof result === 'object' && 'error' in result) {
    return new UnreadableCell(shown, `是公式，计算结果为错误值 ${String(result.error)}`);
  }
  return cellValue(result as ExcelJS.CellValue);
}

function decodeText(file: string, content: Buffer): { text: string; encoding: string } {
  if (content.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) {
    return { text: content.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  }
  if (content[0] === 0xff && content[1] === 0xfe) return { text: iconv.decode(content.subarray(2), 'utf16le'), encoding: 'UTF-16' };
  if (content.subarray(0, 4096).includes(0)) {
    throw new LedgerFileError(`文件「${path.basename(file)}」不是文本格式的 CSV 文件`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(content, 'gb18030'), encoding: 'GB18030' };
  }
}

function readCsv(file: string, content: Buffer): LedgerFile {
  const { text, encoding } = decodeText(file, content);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = detectDelimiter(firstLine);
  let records: string[][];
  try {
    records =
      splitCsv(text, delimiter, encoding === 'UTF-16') ??
      (parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][]);
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new LedgerFileError(
      `文件「${path.basename(file)}」无法按 CSV 读取${line ? `（第${line}行附近）` : ''}：引号或分隔符不配对`,
    );
  }
  const rows = records.map((cells, index) => ({ rowNumber: index + 1, cells }));
  return {
    sheets: [{ file, sheet: path.basename(file, path.extname(file)).trim(), headerRows: rows.slice(0, HEADER_SEARCH_ROWS), rows }],
    encoding,
  };
}

function detectDelimiter(headerLine: string): string {
  const counts = [',', '\t', ';'].map((candidate) => [candidate, headerLine.split(candidate).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const loneSurrogate = /\p{Cs}/u;

/**
 * Splits CSV text into records exactly as csv-parse does with the options `readCsv` gives it
 * (the first line break outside quotes — CRLF, LF or CR — is the record delimiter from then
 * on; a leading BOM is dropped; `""` inside quotes is one quote; an empty line is one empty
 * field; a last line without characters is no record), several times faster. Returns
 * undefined for what csv-parse rejects or might read differently (stray quotes, a quote left
 * open, lone surrogates, which only UTF-16 text can hold), so that csv-parse reads it and
 * gives its own message.
 */
function splitCsv(text: string, delimiter: string, mayHoldLoneSurrogates: boolean): string[][] | undefined {
  if (mayHoldLoneSurrogates && loneSurrogate.test(text)) return undefined;
  const length = text.length;
  let recordDelimiter: string | null = null;
  // Next delimiter and next line break at or after the current position (-1: none left).
  let nextDelimiter = -2;
  let nextBreak = -2;
  const fieldEnd = (from: number): number => {
    if (nextDelimiter !== -1 && nextDelimiter < from) nextDelimiter = text.indexOf(delimiter, from);
    if (nextBreak !== -1 && nextBreak < from) {
      if (recordDelimiter !== null) nextBreak = text.indexOf(recordDelimiter, from);
      else {
        const cr = text.indexOf('\r', from);
        const lf = text.indexOf('\n', from);
        nextBreak = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
      }
    }
    if (nextDelimiter === -1) return nextBreak === -1 ? length : nextBreak;
    return nextBreak === -1 ? nextDelimiter : Math.min(nextDelimiter, nextBreak);
  };
  /** Length of the record delimiter at `at` (found on the first line break, as csv-parse finds it); 0 when none. */
  const lineBreakAt = (at: number): number => {
    if (recordDelimiter === null) {
      const code = text.charCodeAt(at);
      if (code === CR) recordDelimiter = text.charCodeAt(at + 1) === LF ? '\r\n' : '\r';
      else if (code === LF) recordDelimiter = '\n';
      else return 0;
      nextBreak = -2;
      return recordDelimiter.length;
    }
    return text.startsWith(recordDelimiter, at) ? recordDelimiter.length : 0;
  };
  const records: string[][] = [];
  let record: string[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    if (at >= length && record.length === 0) return records;
    if (text.charCodeAt(at) === QUOTE) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return undefined;
        if (text.charCodeAt(quote + 1) === QUOTE) {
          value += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += text.slice(from, quote);
        at = quote + 1;
        break;
      }
      if (at < length && !text.startsWith(delimiter, at) && lineBreakAt(at) === 0) return undefined;
      record.push(value);
    } else {
      const end = fieldEnd(at);
      const value = text.slice(at, end);
      if (value.includes('"')) return undefined;
      record.push(value);
      at = end;
    }
    if (at >= length) {
      records.push(record);
      return records;
    }
    if (text.startsWith(delimiter, at)) {
      at += delimiter.length;
      continue;
    }
    at += lineBreakAt(at);
    records.push(record);
    record = [];
  }
}
