// The report's Excel and Word exports at a bureau with a joined office carry the office's
// 数据截至, as the report page shows it: a sheet 「数据截至」 and a 附注 under the Word draft's date,
// each warning when the office's last package is older than the period's end. A bureau with no
// office joined exports neither.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { applyPackage, exchangeStatus, inviteOffice, joinCounty, makePackage } from '../../db/exchange/exchange.ts';
import { buildReportDocument } from '../../db/export/report-document.ts';
import { buildReportWorkbook } from '../../db/export/report-workbook.ts';
import type { Scope } from '../../db/report/engine.ts';
import { USER, officeId } from '../exchange/county.ts';
import { paragraphs } from './read-exports.ts';

let bureau: RegisterDatabase;
let office: RegisterDatabase;
/** The office package's time as people read it (local, to the minute), and the year it was made in. */
let madeAt: string;
let madeYear: number;

beforeAll(() => {
  bureau = openDatabase(':memory:', { create: true });
  office = openDatabase(':memory:', { create: true });
  officeId(bureau, '城东司法所');
  joinCounty(office, inviteOffice(bureau, '城西司法所', USER).file, USER);
  applyPackage(bureau, makePackage(office, { user: USER }).file, USER);
  const made = new Date(exchangeStatus(bureau).offices[0]!.dataAsOf!);
  const two = (n: number) => String(n).padStart(2, '0');
  madeAt = `${made.getFullYear()}-${two(made.getMonth() + 1)}-${two(made.getDate())} ${two(made.getHours())}:${two(made.getMinutes())}`;
  madeYear = made.getFullYear();
});

afterAll(() => {
  bureau.close();
  office.close();
});

const year = (y: number): Scope => ({ from: `${y}-01-01`, to: `${y}-12-31`, officeId: null });

async function dataAsOfSheet(db: RegisterDatabase, scope: Scope): Promise<string[] | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildReportWorkbook(db, scope)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('数据截至');
  if (!sheet) return null;
  const lines: string[] = [];
  sheet.eachRow((row) => lines.push(String(row.getCell(1).value)));
  return lines;
}

async function documentText(db: RegisterDatabase, scope: Scope): Promise<string[]> {
  const zip = await JSZip.loadAsync(await buildReportDocument(db, scope, `${madeYear + 1}-01-10`));
  return paragraphs(await zip.file('word/document.xml')!.async('string'));
}

describe('the Excel export', () => {
  it('has a sheet 数据截至 with the office’s time, for a period it covers', async () => {
    expect(await dataAsOfSheet(bureau, year(madeYear - 1))).toEqual(['各司法所的数据截至时间：', `城西司法所 · 数据截至 ${madeAt}`]);
  });

  it('warns when the office’s last package is older than the period’s end', async () => {
    expect(await dataAsOfSheet(bureau, year(madeYear))).toEqual([
      '各司法所的数据截至时间（1 个所的数据早于统计期末，数字可能不全，请先导入其最新数据包）：',
      `城西司法所 · 数据截至 ${madeAt}，早于统计期末 ${madeYear}-12-31，该所的数字可能不全`,
    ]);
  });

  it('shows only the office of a one-office report, and nothing for an office that has not joined', async () => {
    const east = bureau.prepare("SELECT id FROM office WHERE name = '城东司法所'").pluck().get() as number;
    const west = bureau.prepare("SELECT id FROM office WHERE name = '城西司法所'").pluck().get() as number;
    expect(await dataAsOfSheet(bureau, { ...year(madeYear - 1), officeId: east })).toBeNull();
    expect(await dataAsOfSheet(bureau, { ...year(madeYear - 1), officeId: west })).toEqual(['各司法所的数据截至时间：', `城西司法所 · 数据截至 ${madeAt}`]);
  });

  it('is left out where no office has joined', async () => {
    expect(await dataAsOfSheet(office, year(madeYear))).toBeNull();
  });
});

describe('the Word draft', () => {
  it('ends with a 附注 under the date: the office’s 数据截至, with the warning when it is older than the period’s end', async () => {
    expect((await documentText(bureau, year(madeYear - 1))).at(-1)).toBe(`（各司法所的数据截至时间：城西司法所 · 数据截至 ${madeAt}。）`);
    const stale = await documentText(bureau, year(madeYear));
    expect(stale.at(-2)).toBe(`${madeYear + 1}年1月10日`);
    expect(stale.at(-1)).toBe(
      `（各司法所的数据截至时间（1 个所的数据早于统计期末，数字可能不全，请先导入其最新数据包）：城西司法所 · 数据截至 ${madeAt}，早于统计期末 ${madeYear}-12-31，该所的数字可能不全。）`,
    );
  });

  it('has no 附注 where no office has joined', async () => {
    expect((await documentText(office, year(madeYear))).at(-1)).toBe(`${madeYear + 1}年1月10日`);
  });
});
