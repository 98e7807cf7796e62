// The report as an Excel workbook (.xlsx): a sheet 「指标明细」 with every indicator (its
// Chinese label, the scope's figure, each office's own figure, and last its 指标编号), and one printable sheet per
// business line laid out as the statistical tables bureaus hand in (title, merged two-level
// headers, a row per office and a 合计 row, A4 landscape fitted to the page width); at a bureau
// with joined offices, a sheet 「数据截至」 with each office's 数据截至 and the report page's warning
// when one is older than the period's end.
// Every figure comes from runReport (an office's rates and 万元 are the office's own report,
// never computed here). It must not write to the database or to disk: it returns the bytes.
//
// Cells: counts and sums are number cells; rates and 万元 number cells with format 0.00; a
// figure the report gives as null (a rate over 0) is the text 「—」, as indicators.md shows
// it, so that it reads as "not applicable" rather than as a blank nobody filled in.
// Office names and other text are written as string cells, which Excel does not evaluate; text
// that begins with = + - @ (an office named 「=1+1」, a bureau name in a title) also gets the
// leading apostrophe of formula-safety.ts, so it stays text when the cell is edited, copied or
// the sheet saved as CSV.

import ExcelJS from 'exceljs';
import type { RegisterDatabase } from '../database.ts';
import { dataAsOfHeading, type OfficeDataAsOf } from '../exchange/data-as-of.ts';
import { dataAsOf } from '../exchange/exchange.ts';
import { runReport, type Figures, type Period, type Scope } from '../report/engine.ts';
import { indicatorDefinitions, lineReports } from '../report/indicators.ts';
import type { Heading, LineTable } from '../report/lines/line.ts';
import type { IndicatorDefinition } from '../report/measures.ts';
import type { BusinessLine } from '../registers/register.ts';
import { neutraliseWorkbook } from './formula-safety.ts';
import { bureauName, localTime, officesInScope, periodName, type Office } from './report-scope.ts';

/** A row of a business line's table: an office's own figures, or the scope's 合计. */
interface FigureRow {
  readonly name: string;
  readonly figures: Figures;
  readonly total: boolean;
}

interface WorkbookContent {
  /** Who and when, for the tables' titles: 「××司法局2024年」 or 「城西司法所2024年1—10月」. */
  readonly title: string;
  /** 填报单位 */
  readonly bureau: string;
  readonly period: Period;
  readonly generatedAt: string;
  readonly definitions: ReadonlyMap<string, IndicatorDefinition>;
  /** The scope's figures (whole bureau or the one office). */
  readonly total: Figures;
  readonly offices: readonly { readonly office: Office; readonly figures: Figures }[];
}

export async function buildReportWorkbook(db: RegisterDatabase, scope: Scope): Promise<Buffer> {
  const officeId = scope.officeId ?? null;
  const report = runReport(db, { from: scope.from, to: scope.to, officeId });
  const offices = officesInScope(db, { ...scope, officeId }).map((office) => ({
    office,
    figures: office.id === officeId ? report.indicators : runReport(db, { ...scope, officeId: office.id }).indicators,
  }));
  const bureau = bureauName(db);
  const content: WorkbookContent = {
    title: `${report.office ?? bureau}${periodName(report.from, report.to)}`,
    bureau,
    period: { from: report.from, to: report.to },
    generatedAt: report.generatedAt,
    definitions: new Map(indicatorDefinitions(db).map((definition) => [definition.id, definition])),
    total: report.indicators,
    offices,
  };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '司法台账';
  workbook.created = new Date(report.generatedAt);
  addIndicatorSheet(workbook, content);
  const rows: FigureRow[] = [
    ...offices.map(({ office, figures }) => ({ name: office.name, figures, total: false })),
    ...(officeId === null ? [{ name: '合计', figures: report.indicators, total: true }] : []),
  ];
  for (const { line, table } of lineReports) addLineSheet(workbook, line, table, content, rows);
  addDataAsOfSheet(workbook, dataAsOf(db, report.to, report.office));
  neutraliseWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---- 指标明细 ---------------------------------------------------------------------------------

function addIndicatorSheet(workbook: ExcelJS.Workbook, content: WorkbookContent): void {
  const sheet = workbook.addWorksheet('指标明细', {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    pageSetup: { ...printSetup, printTitlesRow: '1:1' },
    headerFooter: pageFooter,
  });
  const officeNames = content.offices.map(({ office }) => office.name);
  sheet.columns = [
    { header: '指标', width: 34 },
    { header: '合计', width: 12 },
    ...officeNames.map((name) => ({ header: name, width: Math.max(12, displayWidth(name) + 2) })),
    { header: '指标编号', width: 46 },
  ];
  const figureSets = [content.total, ...content.offices.map(({ figures }) => figures)];
  for (const definition of content.definitions.values()) {
    const row = sheet.addRow([definition.label]);
    figureSets.forEach((figures, index) => setFigure(row.getCell(2 + index), definition, figures[definition.id] ?? null));
    row.getCell(2 + figureSets.length).value = definition.id;
  }
  sheet.eachRow((row, rowNumber) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = thinBorder;
      cell.font = { ...bodyFont, bold: rowNumber === 1 };
    }),
  );
  sheet.getRow(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

// ---- 数据截至 ----------------------------------------------------------------------------------

function addDataAsOfSheet(workbook: ExcelJS.Workbook, entries: readonly OfficeDataAsOf[]): void {
  if (entries.length === 0) return;
  const sheet = workbook.addWorksheet('数据截至', { pageSetup: printSetup, headerFooter: pageFooter });
  sheet.columns = [{ width: 90 }];
  sheet.addRow([`${dataAsOfHeading(entries)}：`]).font = { ...bodyFont, bold: true };
  for (const entry of entries) sheet.addRow([entry.text]).font = bodyFont;
}

// ---- the register tables ----------------------------------------------------------------------

const headerRows = { group: 3, leaf: 4 } as const;

function addLineSheet(
  workbook: ExcelJS.Workbook,
  line: BusinessLine,
  table: LineTable,
  content: WorkbookContent,
  rows: readonly FigureRow[],
): void {
  const columns = table.headings.flatMap((heading) => ('columns' in heading ? heading.columns : [heading]));
  const width = 1 + columns.length;
  const sheet = workbook.addWorksheet(line, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: headerRows.leaf }],
    pageSetup: { ...printSetup, printTitlesRow: `${headerRows.group}:${headerRows.leaf}` },
    headerFooter: pageFooter,
  });

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = `${content.title}${line}工作统计表`;
  title.font = { name: '宋体', size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 36;

  sheet.mergeCells(2, 1, 2, width);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value =
    `填报单位：${content.bureau}\u3000\u3000统计期间：${content.period.from}至${content.period.to}\u3000\u3000单位：${table.units}`;
  subtitle.font = bodyFont;
  subtitle.alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.getRow(2).height = 22;

  writeHeader(sheet, table.headings);
  rows.forEach((row, index) => {
    const sheetRow = sheet.getRow(headerRows.leaf + 1 + index);
    sheetRow.getCell(1).value = row.name;
    columns.forEach((column, columnIndex) => {
      const definition = content.definitions.get(column.id)!;
      setFigure(sheetRow.getCell(2 + columnIndex), definition, row.figures[column.id] ?? null);
    });
    sheetRow.height = 20;
  });
  const lastRow = headerRows.leaf + rows.length;
  for (let rowNumber = headerRows.group; rowNumber <= lastRow; rowNumber++) {
    const total = rows[rowNumber - headerRows.leaf - 1]?.total ?? false;
    const isHeader = rowNumber <= headerRows.leaf;
    for (let column = 1; column <= width; column++) {
      const cell = sheet.getCell(rowNumber, column);
      cell.border = thinBorder;
      cell.font = { ...bodyFont, bold: isHeader || total };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: isHeader || column === 1 };
    }
  }

  sheet.mergeCells(lastRow + 1, 1, lastRow + 1, width);
  const note = sheet.getCell(lastRow + 1, 1);
  note.value =
    `说明：比率按各单位本身的数据计算，不由各单位相加；数据按导出时台账计算（生成于 ${localTime(content.generatedAt)}）。`;
  note.font = { ...bodyFont, size: 9 };

  sheet.getColumn(1).width = Math.max(12, ...rows.map((row) => displayWidth(row.name) + 2));
  for (let column = 2; column <= width; column++) sheet.getColumn(column).width = 10;
}

/** Rows 3–4: a group's header merged across its columns, a lone column's header down both rows. */
function writeHeader(sheet: ExcelJS.Worksheet, headings: readonly Heading[]): void {
  const { group, leaf } = headerRows;
  sheet.mergeCells(group, 1, leaf, 1);
  sheet.getCell(group, 1).value = '单位';
  let column = 2;
  for (const heading of headings) {
    if ('columns' in heading) {
      sheet.mergeCells(group, column, group, column + heading.columns.length - 1);
      sheet.getCell(group, column).value = heading.header;
      heading.columns.forEach((leafColumn, index) => {
        sheet.getCell(leaf, column + index).value = leafColumn.header;
      });
      column += heading.columns.length;
    } else {
      sheet.mergeCells(group, column, leaf, column);
      sheet.getCell(group, column).value = heading.header;
      column += 1;
    }
  }
  sheet.getRow(group).height = 30;
  sheet.getRow(leaf).height = 45;
}

// ---- cells and print --------------------------------------------------------------------------

const bodyFont: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const thinBorder: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const printSetup: Partial<ExcelJS.PageSetup> = {
  paperSize: 9, // A4
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

const pageFooter: Partial<ExcelJS.HeaderFooter> = { oddFooter: '&C第 &P 页，共 &N 页' };

/** A figure as the report gives it: a number cell (2 decimals for rates and 万元), or 「—」 for null. */
function setFigure(cell: ExcelJS.Cell, definition: IndicatorDefinition, value: number | null): void {
  if (value === null) {
    cell.value = '—';
    cell.alignment = { horizontal: 'center' };
    return;
  }
  cell.value = value;
  cell.numFmt = definition.kind === 'rate' || definition.unit === 'wan' ? '0.00' : '0';
}

/** Columns a text takes in a fixed-width view: a CJK character counts as two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}
