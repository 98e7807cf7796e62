// Writing made-up ledger sheets as the files bureaus keep: one CSV per sheet in UTF-8 with a BOM
// (what Excel and WPS read without asking), or several sheets in one .xlsx workbook with real
// date and number cells. Knows nothing of registers or of the county; only columns and cells.

import ExcelJS from 'exceljs';

/** How a column's cells are written in a workbook (CSV writes everything as text). */
export type ColumnKind = 'text' | 'date' | 'number';

export interface Column {
  readonly header: string;
  readonly kind?: ColumnKind;
}

/** A cell: text, a number, or empty; dates are ISO text `YYYY-MM-DD`. */
export type Cell = string | number | null;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Lines are turned into bytes in chunks, so a sheet of millions of rows holds only its bytes. */
const LINES_PER_CHUNK = 20_000;

function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One ledger sheet being filled row by row. */
export class LedgerSheet {
  private readonly chunks: Buffer[] = [];
  private lines: string[] = [];
  /** Kept only for sheets that go into a workbook. */
  private readonly cells: Cell[][] | null;

  constructor(
    readonly name: string,
    readonly columns: readonly Column[],
    keepCells = false,
  ) {
    this.cells = keepCells ? [] : null;
    this.lines.push(columns.map((column) => csvField(column.header)).join(','));
  }

  /** Adds a row; `row` gives each column's cell by header, missing headers are empty. */
  add(row: Readonly<Record<string, Cell | undefined>>): void {
    const cells = this.columns.map((column) => row[column.header] ?? null);
    this.cells?.push(cells);
    this.lines.push(cells.map(csvField).join(','));
    if (this.lines.length >= LINES_PER_CHUNK) this.flush();
  }

  private flush(): void {
    this.chunks.push(Buffer.from(`${this.lines.join('\r\n')}\r\n`, 'utf8'));
    this.lines = [];
  }

  /** `<sheet>.csv` in UTF-8 with BOM, CRLF line ends as Excel writes them. */
  csv(): { name: string; content: Buffer } {
    if (this.lines.length > 0) this.flush();
    return { name: `${this.name}.csv`, content: Buffer.concat([BOM, ...this.chunks]) };
  }

  /** Appends the sheet to a workbook, dates as date cells and counts and money as numbers. */
  addTo(workbook: ExcelJS.Workbook): void {
    if (!this.cells) throw new Error(`工作表「${this.name}」未保留单元格，不能写入工作簿`);
    const worksheet = workbook.addWorksheet(this.name);
    worksheet.addRow(this.columns.map((column) => column.header));
    for (const cells of this.cells) {
      worksheet.addRow(cells.map((cell, index) => workbookValue(this.columns[index]!.kind, cell)));
    }
    this.columns.forEach((column, index) => {
      const sheetColumn = worksheet.getColumn(index + 1);
      sheetColumn.width = column.kind === 'date' ? 12 : Math.max(8, column.header.length * 2 + 2);
      if (column.kind === 'date') sheetColumn.numFmt = 'yyyy-mm-dd';
    });
  }
}

function workbookValue(kind: ColumnKind | undefined, cell: Cell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (kind === 'date' && typeof cell === 'string') {
    return new Date(Date.UTC(Number(cell.slice(0, 4)), Number(cell.slice(5, 7)) - 1, Number(cell.slice(8, 10))));
  }
  if (kind === 'number' && typeof cell === 'string') return Number(cell);
  return cell;
}

/**
 * Sheets as one .xlsx. The cells and the document properties depend only on the sheets; the
 * zip entries carry the time of writing (exceljs sets it), so only those bytes vary.
 */
export async function workbookFile(name: string, sheets: readonly LedgerSheet[], created: Date): Promise<{ name: string; content: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '司法台账';
  workbook.created = created;
  workbook.modified = created;
  for (const sheet of sheets) sheet.addTo(workbook);
  return { name, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
