// Formula injection in what the app exports: text that begins with = + - @ (or a tab or a
// carriage return) leaves as text with OWASP's leading apostrophe — office and bureau names in
// the report workbook, user names and values in the audit log's export — and no exported sheet
// holds a formula. Numbers, negative ones too, stay numbers.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../db/api/contract.ts';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { neutraliseFormulaText } from '../../db/export/formula-safety.ts';

const formulaStart = /^[=+\-@\t\r]/;

const hostileOffices = ['=HYPERLINK("http://example.com","点我")', '+86城西司法所', '-城东司法所', '@SUM(1,2)司法所'];
const hostileBureau = '=1+1区司法局';
const hostileUser = "=cmd|' /C calc'!A0";

let db: RegisterDatabase;
let call: ApiCall;

async function exported(method: string, input: unknown): Promise<Buffer> {
  const result = (await call(method, input)) as ApiResult<{ content: string }>;
  if (!result.ok) throw new Error(result.error.message);
  return Buffer.from(result.value.content, 'base64');
}

/** Every text cell of every sheet, as a spreadsheet reads it. */
async function textCells(xlsx: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    ),
  );
  return texts;
}

async function formulas(xlsx: Buffer): Promise<number> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheets = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/);
  const xml = await Promise.all(sheets.map((sheet) => sheet.async('string')));
  return xml.join('').split('<f>').length - 1;
}

beforeAll(async () => {
  db = openDatabase(':memory:', { create: true });
  call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: hostileUser, today: () => '2024-12-31' });
  for (const name of hostileOffices) expect((await call('office.create', { name })).ok).toBe(true);
  expect((await call('settings.update', { bureauName: hostileBureau })).ok).toBe(true);
  expect((await call('disputeSweep.create', { record: { swept_on: '2024-05-01', office_id: 2, sweeps: 3, note: '-1' } })).ok).toBe(true);
});

describe('neutraliseFormulaText', () => {
  it('puts an apostrophe before text a spreadsheet would run, and leaves other text alone', () => {
    expect(['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1'].map(neutraliseFormulaText)).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\t=1", "'\r=1"]);
    expect(['城西司法所', '1-2', '—', "'=1", ' =1', ''].map(neutraliseFormulaText)).toEqual(['城西司法所', '1-2', '—', "'=1", ' =1', '']);
  });
});

describe('the report workbook', () => {
  it('shows office and bureau names that look like formulas as text, and holds no formula', async () => {
    const xlsx = await exported('report.exportXlsx', { from: '2024-01-01', to: '2024-12-31' });
    const texts = await textCells(xlsx);
    expect(texts.filter((text) => formulaStart.test(text))).toEqual([]);
    for (const name of hostileOffices) expect(texts).toContain(`'${name}`);
    expect(texts).toContain(`'${hostileBureau}2024年人民调解工作统计表`);
    expect(await formulas(xlsx)).toBe(0);
  });

  it('keeps figures as numbers', async () => {
    const xlsx = await exported('report.exportXlsx', { from: '2024-01-01', to: '2024-12-31', officeId: 2 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('指标明细')!;
    const sweeps = sheet.getColumn(sheet.columnCount).values.findIndex((value) => value === 'mediation.sweeps');
    expect(sheet.getCell(sweeps, 2).value).toBe(3);
  });
});

describe('the audit log’s export', () => {
  it('shows a user name and values that look like formulas as text, and holds no formula', async () => {
    const entries = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const xlsx = await exported('audit.export', {});
    const texts = await textCells(xlsx);
    expect(texts.filter((text) => formulaStart.test(text))).toEqual([]);
    // Every entry was made by that user: the offices, the bureau name, the sweep, the exports above.
    expect(texts.filter((text) => text === `'${hostileUser}`)).toHaveLength(entries as number);
    expect(await formulas(xlsx)).toBe(0);
  });
});
