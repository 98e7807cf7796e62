// A ledger as CSV: UTF-8 with a BOM (so Excel and WPS open it as Chinese text), the header row,
// then one line per record — nothing above the header and no 序号, so the importer takes the file
// back as it is. Dates YYYY-MM-DD, money in 元 with two decimals, 是/否; text that a spreadsheet
// would take for a formula gets formula-safety.ts's apostrophe. Builds bytes; writes no file.

import Papa from 'papaparse';
import { neutraliseFormulaText } from './formula-safety.ts';
import type { LedgerCell, LedgerColumn } from './ledger-rows.ts';

const BOM = '\uFEFF';

/** Integer fen (never negative) as yuan with two decimals, exactly: 1234550 → "12345.50". */
function yuanText(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function csvCell(column: LedgerColumn, cell: LedgerCell): string {
  if (cell === null) return '';
  if (column.kind === 'money') return yuanText(cell as number);
  if (typeof cell === 'number') return String(cell);
  return neutraliseFormulaText(cell);
}

export function buildLedgerCsv(columns: readonly LedgerColumn[], rows: readonly (readonly LedgerCell[])[]): Buffer {
  const lines = [columns.map((column) => column.header), ...rows.map((row) => row.map((cell, index) => csvCell(columns[index]!, cell)))];
  return Buffer.from(`${BOM}${Papa.unparse(lines, { newline: '\r\n' })}\r\n`, 'utf8');
}
