// A ledger as an Excel workbook laid out the way an office prints its 台账: a merged title row,
// a 填报单位 / 导出时间 line, the header row (序号, then the register's columns), one bordered row
// per record; A4 landscape with every column fitted to the page width, the header row repeated
// on every page, 「第 N 页 共 M 页」 in the footer, the header frozen on screen. Dates are Excel
// dates shown YYYY-MM-DD, money numbers in 元 with two decimals, text as text (formula-safety.ts
// keeps it so). The sheet is named after the register and its header row is the importer's,
// so the importer reads the ledger back. Also the empty import template of a register.
// Builds bytes; writes no file.

import ExcelJS from 'exceljs';
import { UserError } from '../errors.ts';
import type { Vocabulary } from '../registers/vocabulary.ts';
import type { RegisterDefinition } from '../registers/register.ts';
import { neutraliseWorkbook } from './formula-safety.ts';
import type { LedgerCell, LedgerColumn } from './ledger-rows.ts';

export interface LedgerSheet {
  /** The register's Chinese name: the sheet's name. */
  readonly sheetName: string;
  /** 城西司法所人民调解案件登记台账（2024年1月1日—2024年12月31日） */
  readonly title: string;
  /** 填报单位：城西司法所, two ideographic spaces, 导出时间：2026年12月2日 10:15 */
  readonly subtitle: string;
  readonly columns: readonly LedgerColumn[];
  readonly rows: readonly (readonly LedgerCell[])[];
}

/** Rows above the first record: title, 填报单位 line, header. */
const LEDGER_HEADER_ROW = 3;

const SERIAL_HEADER = '序号';
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const borders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = '宋体';

/** Column widths in characters: a Chinese character counts two. */
const NARROWEST = 6;
const WIDEST = 30;

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}

const yuanFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const numberFormats: Partial<Record<LedgerColumn['kind'], string>> = { date: 'yyyy-mm-dd', money: '#,##0.00', int: '0' };

/** A cell as the sheet holds it: a date as a date, money in 元. */
function sheetValue(column: LedgerColumn, cell: LedgerCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (column.kind === 'date' && typeof cell === 'string') {
    const [year, month, day] = cell.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(year, month - 1, day));
  }
  if (column.kind === 'money') return (cell as number) / 100;
  return cell;
}

/** How a cell reads, for the column's width. */
function shownWidth(column: LedgerColumn, cell: LedgerCell): number {
  if (cell === null) return 0;
  if (column.kind === 'date') return 10;
  if (column.kind === 'money') return yuanFormat.format((cell as number) / 100).length;
  return displayWidth(String(cell));
}

function printSetup(sheet: ExcelJS.Worksheet, headerRow: number): void {
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
}

/** The most records one sheet holds: Excel's 1,048,576 rows, less the three above the records. */
const LEDGER_SHEET_RECORDS = 1_048_576 - LEDGER_HEADER_ROW;

export async function buildLedgerWorkbook(ledger: LedgerSheet): Promise<Buffer> {
  if (ledger.rows.length > LEDGER_SHEET_RECORDS) {
    const count = (n: number) => n.toLocaleString('zh-CN');
    throw new UserError(
      `${ledger.sheetName}共 ${count(ledger.rows.length)} 条，超过 Excel 一张工作表能容纳的 ${count(LEDGER_SHEET_RECORDS)} 条：请按单位或期间分开导出，或导出 CSV`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(ledger.sheetName);
  const columnCount = ledger.columns.length + 1;

  sheet.mergeCells(1, 1, 1, columnCount);
  const title = sheet.getCell(1, 1);
  title.value = ledger.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;

  sheet.mergeCells(2, 1, 2, columnCount);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = ledger.subtitle;
  subtitle.font = { name: FONT, size: 11 };
  subtitle.alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.getRow(2).height = 20;

  const header = sheet.getRow(LEDGER_HEADER_ROW);
  header.values = [SERIAL_HEADER, ...ledger.columns.map((column) => column.header)];
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = borders;
  });

  const widths = [displayWidth(String(ledger.rows.length)) + 2, ...ledger.columns.map((column) => displayWidth(column.header))];
  ledger.rows.forEach((cells, index) => {
    const row = sheet.getRow(LEDGER_HEADER_ROW + 1 + index);
    row.values = [index + 1, ...cells.map((cell, column) => sheetValue(ledger.columns[column]!, cell))];
    cells.forEach((cell, column) => {
      widths[column + 1] = Math.max(widths[column + 1]!, shownWidth(ledger.columns[column]!, cell));
    });
  });

  const fitted = widths.map((width) => Math.min(WIDEST, Math.max(NARROWEST, width + 2)));
  fitted.forEach((width, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = width;
    const kind = index === 0 ? 'int' : ledger.columns[index - 1]!.kind;
    const wraps = widths[index]! + 2 > WIDEST;
    const horizontal = kind === 'money' || kind === 'int' ? (index === 0 ? 'center' : 'right') : kind === 'date' ? 'center' : 'left';
    column.eachCell({ includeEmpty: true }, (cell, rowNumber) => {
      if (rowNumber <= LEDGER_HEADER_ROW) return;
      cell.font = { name: FONT, size: 10 };
      cell.border = borders;
      cell.alignment = { horizontal, vertical: 'middle', wrapText: wraps };
      const format = numberFormats[kind];
      if (format) cell.numFmt = format;
    });
  });

  printSetup(sheet, LEDGER_HEADER_ROW);
  neutraliseWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What a column takes, for the note on its header in a template. */
function columnNote(register: RegisterDefinition, vocabulary: Vocabulary, index: number): string {
  const field = register.fields[index]!;
  const rule = field.requiredColumn ? '必填列' : '可不填';
  const values = field.list ? `；可填：${vocabulary.items(field.list).map((item) => item.label).join('、')}` : '';
  const kinds: Partial<Record<typeof field.kind, string>> = {
    date: '；日期，如 2024-03-01',
    money: '；金额（元），最多两位小数',
    int: `；整数${field.min === undefined ? '' : `，不小于 ${field.min}`}`,
    yesNo: '；是 或 否',
    idNumber: '；18位身份证号码',
    codeSet: '；可填多个，用「、」分隔',
  };
  return `${field.header}：${rule}${kinds[field.kind] ?? ''}${values}`;
}

/** An empty ledger to fill in: the register's header row (each header with a note of what it takes), frozen, ready to import. */
export async function buildTemplateWorkbook(register: RegisterDefinition, columns: readonly LedgerColumn[], vocabulary: Vocabulary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(register.title);
  const header = sheet.getRow(1);
  header.values = columns.map((column) => column.header);
  header.height = 24;
  header.eachCell((cell, column) => {
    cell.font = { name: FONT, size: 11, bold: true, color: { argb: columns[column - 1]!.required ? 'FFC00000' : 'FF000000' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = borders;
    cell.note = columnNote(register, vocabulary, column - 1);
  });
  columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.min(WIDEST, Math.max(NARROWEST + 6, displayWidth(column.header) + 4));
    const format = numberFormats[column.kind];
    if (format) sheetColumn.numFmt = format;
    if (column.kind === 'text') sheetColumn.numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
