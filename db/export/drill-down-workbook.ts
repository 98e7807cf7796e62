// The records behind one figure (report.drillDown, every page) as an Excel workbook: one sheet
// titled with the figure, the period and the scope, then the rows under their Chinese column
// titles; amounts in 元 as numbers with two decimals, personal numbers masked, text neutralised
// against formulas. It returns the bytes; it writes nothing.

import ExcelJS from 'exceljs';
import { maskDrillDown } from '../audit/personal-numbers.ts';
import type { RegisterDatabase } from '../database.ts';
import { drillDown, officeNameOf, type DrillDownOptions } from '../report/engine.ts';
import { neutraliseWorkbook } from './formula-safety.ts';

export async function buildDrillDownWorkbook(db: RegisterDatabase, options: Omit<DrillDownOptions, 'offset' | 'limit'>): Promise<Buffer> {
  const { total } = drillDown(db, { ...options, limit: 0 });
  const found = maskDrillDown(drillDown(db, { ...options, offset: 0, limit: total }));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '司法台账';
  const sheet = workbook.addWorksheet('记录明细', { views: [{ state: 'frozen', ySplit: 2 }] });
  const keys = found.columns.map((column) => column.key);
  const scope = officeNameOf(db, options.officeId ?? null) ?? '全局';
  sheet.addRow([`${found.label}（${options.from} 至 ${options.to}，${scope}）共 ${total} 条`]).font = { bold: true };
  const header = sheet.addRow(found.columns.map((column) => column.title));
  header.font = { bold: true };
  for (const row of found.rows) {
    const added = sheet.addRow(keys.map((key) => (key.endsWith('Fen') && typeof row[key] === 'number' ? (row[key] as number) / 100 : (row[key] ?? ''))));
    keys.forEach((key, index) => {
      if (key.endsWith('Fen')) added.getCell(index + 1).numFmt = '#,##0.00';
    });
  }
  found.columns.forEach(({ key, title }, index) => {
    sheet.getColumn(index + 1).width = Math.max(10, title.length * 2 + 4, key.endsWith('No') ? 24 : 0);
  });
  neutraliseWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
