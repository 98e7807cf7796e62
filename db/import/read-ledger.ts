// Reading ledger files (台账) into sheets of raw cells: .xlsx through exceljs, .csv in UTF-8
// (with or without BOM) or GB18030/GBK (detected: Chinese Excel saves CSV as GBK) through
// PapaParse (chosen over csv-parse: four times faster on a county's ledger, the same quoting
// rules) and iconv-lite. Knows nothing of registers; it only finds rows and cells.
//
// Hostile files: a file over LEDGER_FILE_LIMIT_MB, or a workbook whose parts unzip to more
// than that, is refused before anything is decoded or unzipped (memory grows about twenty
// times a file's size while it is read and checked); a spreadsheet formula gives its cached
// result, and one without a result, or with an error as result, is an UnreadableCell that the
// importer reports for its row; text that begins with = is just text.

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
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
 * The largest ledger taken, in MB: a CSV file, or what a workbook's parts unzip to. The sample
 * county's three years are 2.4 MB of CSV; a 50 MB CSV (about a million rows) takes about a
 * gigabyte of memory to read and check, and a workbook that unzips to 50 MB (about 170,000
 * rows) as much — what an office PC can spare beside the app.
 */
const LEDGER_FILE_LIMIT_MB = 50;

const LIMIT_BYTES = LEDGER_FILE_LIMIT_MB * 1024 * 1024;

const megabytes = (bytes: number) => {
  const mb = bytes / (1024 * 1024);
  return mb < 10 ? mb.toFixed(1) : String(Math.round(mb));
};

/** Why a file of `bytes` is refused, or null when its size is fine; callers that read from disk ask before reading. */
export function ledgerSizeProblem(file: string, bytes: number): string | null {
  if (bytes <= LIMIT_BYTES) return null;
  return `文件「${path.basename(file)}」过大（${megabytes(bytes)}MB），单个台账文件不能超过${LEDGER_FILE_LIMIT_MB}MB，请分开导入`;
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
  const notWorkbook = () =>
    new LedgerFileError(`文件「${path.basename(file)}」不是有效的 Excel 工作簿（.xlsx），可能已损坏或并非 Excel 文件`);
  const unzipped = unzippedSize(content);
  if (unzipped === null) throw notWorkbook();
  if (unzipped > LIMIT_BYTES) {
    throw new LedgerFileError(
      `工作簿「${path.basename(file)}」内容过多（解压后${megabytes(unzipped)}MB），单个台账工作簿解压后不能超过${LEDGER_FILE_LIMIT_MB}MB，请分成几个文件导入`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw notWorkbook();
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

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/**
 * What the parts of a zip (an .xlsx) unzip to, as its central directory declares, read before
 * anything is unzipped; null when the bytes are no zip. A part too large for 32 bits (ZIP64)
 * counts as 4 GB: no ledger comes near it.
 */
function unzippedSize(zip: Buffer): number | null {
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let at = zip.length - 22; at >= searchFrom; at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return 2 ** 32;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
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
  const parsed = Papa.parse<string[]>(text, { delimiter });
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  if (broken) {
    const line = broken.row === undefined ? null : broken.row + 1;
    throw new LedgerFileError(
      `文件「${path.basename(file)}」无法按 CSV 读取${line ? `（第${line}行附近）` : ''}：引号或分隔符不配对`,
    );
  }
  // The line break that ends the file ends its last row; it starts none.
  const last = parsed.data.at(-1);
  const records = last?.length === 1 && last[0] === '' ? parsed.data.slice(0, -1) : parsed.data;
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
