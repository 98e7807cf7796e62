// Reading exported files back in tests: the 指标明细 sheet as id → figure per column, cells of
// the register tables by their headers, and the XML parts of a .docx (a zip; jszip is the one
// exceljs brings along).

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return workbook;
}

export type CellFigure = number | string | null;

export interface IndicatorSheet {
  readonly header: string[];
  /** Indicator ids and labels, in sheet order. */
  readonly rows: { readonly id: string; readonly label: string }[];
  /** Column header → id → cell value. */
  readonly columns: Record<string, Record<string, CellFigure>>;
}

export function indicatorSheet(workbook: ExcelJS.Workbook): IndicatorSheet {
  const sheet = workbook.getWorksheet('指标明细');
  if (!sheet) throw new Error('no sheet 指标明细');
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  // 指标 first, then 合计 and each office, 指标编号 last.
  const figureHeaders = header.slice(1, -1);
  const rows: { id: string; label: string }[] = [];
  const columns: Record<string, Record<string, CellFigure>> = Object.fromEntries(figureHeaders.map((name) => [name, {}]));
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const id = row.getCell(header.length).value as string;
    rows.push({ id, label: row.getCell(1).value as string });
    figureHeaders.forEach((name, index) => {
      columns[name]![id] = row.getCell(2 + index).value as CellFigure;
    });
  });
  return { header, rows, columns };
}

/** A report's figures as the sheet should show them: numbers as they are, null as 「—」. */
export function asCells(figures: Record<string, number | null>): Record<string, CellFigure> {
  return Object.fromEntries(Object.entries(figures).map(([id, value]) => [id, value === null ? '—' : value]));
}

/** The value in a register table at the row named `rowName` and the column under `group` (and `leaf`). */
export function tableCell(sheet: ExcelJS.Worksheet, rowName: string, group: string, leaf?: string): CellFigure {
  const groupRow = sheet.getRow(3);
  const leafRow = sheet.getRow(4);
  let column = 0;
  for (let c = 1; c <= sheet.columnCount; c++) {
    const master = groupRow.getCell(c).master;
    if (master.value !== group) continue;
    if (leaf === undefined || leafRow.getCell(c).value === leaf) {
      column = c;
      break;
    }
  }
  if (column === 0) throw new Error(`no column ${group}/${leaf ?? ''} in ${sheet.name}`);
  let found: CellFigure | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === rowName) found = row.getCell(column).value as CellFigure;
  });
  if (found === undefined) throw new Error(`no row ${rowName} in ${sheet.name}`);
  return found;
}

export async function zipPart(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const entry = zip.file(part);
  if (!entry) throw new Error(`no ${part} in ${file}`);
  return entry.async('string');
}

/** The text of each paragraph of a WordprocessingML part. */
export function paragraphs(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .filter((text) => text !== '');
}

/** The XML of the paragraph whose text contains `text`. */
export function paragraphXml(xml: string, text: string): string {
  const found = xml.split('</w:p>').find((paragraph) => paragraphs(`${paragraph}</w:p>`).join('').includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
}
