// 导出台账 on the sample county, read back with exceljs and as text: every register's ledger
// carries 序号 and the columns of registers.md §1–3 (read from the spec itself); the .xlsx is
// laid out for printing (title, 填报单位 line, header repeated on every page, A4 landscape fitted
// to the width, page numbers, borders, frozen header) and shows values as the app does; the
// rows are the list's as narrowed; 身份证号码 are masked unless a 管理员 or 录入员 asks for them
// in full, which the audit log records as a view; an office account gets its own office's
// rows only; the import templates are empty ledgers the importer takes; and `cli ledger`
// refuses bad arguments in Chinese with exit code 2.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR, type Access } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { buildLedgerWorkbook } from '../../db/export/ledger-workbook.ts';
import { importLedgers } from '../../db/import/import-ledger.ts';
import { registers } from '../../db/registers/index.ts';
import { readExpected, runCli, sampleDir, tempDir } from '../support/cli.ts';

const expected = readExpected();
const csvDir = path.join(sampleDir, 'csv');
const BUREAU = '潮州市湘桥区司法局';
/** 2026-12-02 10:15 local time: the 导出时间 of every export here. */
const now = new Date(2026, 11, 2, 10, 15);

/** The columns of each sheet of registers.md §1–3, read from the spec's tables. */
function specColumns(): Map<string, string[]> {
  const spec = fs.readFileSync(path.resolve(sampleDir, '../../spec/registers.md'), 'utf8');
  const sheets = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of spec.split('\n')) {
    const heading = /^### .*sheet `([^`]+)`/.exec(line);
    if (heading) {
      current = [];
      sheets.set(heading[1]!, current);
      continue;
    }
    if (line.startsWith('#')) current = null;
    const cell = /^\| ([^|]+?) \|/.exec(line);
    if (current && cell && cell[1] !== 'column' && !cell[1]!.startsWith('---')) current.push(cell[1]!);
  }
  return sheets;
}

/** The sample's own ledger as rows of cells (its CSVs hold no quoted commas). */
function fixtureRows(title: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(path.join(csvDir, `${title}.csv`), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, index) => [names[index]!, cell])));
}

let db: RegisterDatabase;
let west: number;
let east: number;

function dispatcher(access: Access, user: string): ApiCall {
  return createDispatcher({ access, db, user, today: () => '2025-03-01', now: () => now });
}

let admin: ApiCall;
let viewer: ApiCall;
let westClerk: ApiCall;

interface Exported {
  readonly fileName: string;
  readonly content: string;
  readonly rows: number;
  readonly fullIdNumbers: number;
}

async function exported(call: ApiCall, input: Record<string, unknown>): Promise<Exported> {
  const result = await call('ledger.export', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Exported;
}

async function workbookOf(file: { content: string }): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** CSV text as rows of cells (a quoted cell may hold a comma). */
function csvRows(file: { content: string }): string[][] {
  const text = Buffer.from(file.content, 'base64').toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((match) => match[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

const lastAudit = () =>
  db.prepare('SELECT action, user, details FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; user: string; details: string };

beforeAll(async () => {
  db = openDatabase(':memory:', { create: true });
  const inputs = fs.readdirSync(csvDir).map((file) => ({ name: file, content: fs.readFileSync(path.join(csvDir, file)) }));
  expect((await importLedgers(db, inputs, { user: '测试' })).problems).toEqual([]);
  const officeId = (name: string) => db.prepare('SELECT id FROM office WHERE name = ?').pluck().get(name) as number;
  west = officeId('城西司法所');
  east = officeId('城南司法所');
  admin = dispatcher(BUREAU_ADMINISTRATOR, '管理员');
  viewer = dispatcher({ role: 'viewer', officeId: null, officeName: null }, '查看员');
  westClerk = dispatcher({ role: 'clerk', officeId: west, officeName: '城西司法所' }, '城西录入员');
  expect(await admin('settings.update', { bureauName: BUREAU })).toMatchObject({ ok: true });
}, 120_000);

describe('the columns of every ledger', () => {
  const spec = specColumns();

  it('reads every register sheet of registers.md', () => {
    expect([...spec.keys()].sort()).toEqual(registers.map((register) => register.title).sort());
  });

  it.each(registers.map((register) => ({ name: register.name, title: register.title })))(
    '$title: 序号 and the spec’s columns in the .xlsx, the spec’s columns in the CSV',
    async ({ name, title }) => {
      const narrow = { register: name, from: '2024-01-01', to: '2024-01-31' };
      const sheet = (await workbookOf(await exported(admin, { ...narrow, format: 'xlsx' }))).getWorksheet(title)!;
      const header = rowValues(sheet, 3) as string[];
      expect(header[0]).toBe('序号');
      expect(header.slice(1).sort()).toEqual([...spec.get(title)!].sort());
      const csvHeader = csvRows(await exported(admin, { ...narrow, format: 'csv' }))[0]!;
      expect(csvHeader).toEqual(header.slice(1));
    },
  );
});

describe('the .xlsx of 城西司法所’s mediation cases of 2024', () => {
  let file: Exported;
  let sheet: ExcelJS.Worksheet;
  const cityWest2024 = expected.cases.find((c) => c.office === '城西司法所' && c.from === '2024-01-01' && c.to === '2024-12-31')!;

  beforeAll(async () => {
    file = await exported(admin, { register: 'mediationCase', format: 'xlsx', officeId: west, from: '2024-01-01', to: '2024-12-31' });
    sheet = (await workbookOf(file)).getWorksheet('人民调解案件')!;
  });

  it('is named, titled and dated for the office and period', () => {
    expect(file.fileName).toBe('城西司法所人民调解案件台账2024年.xlsx');
    expect(sheet.getCell('A1').value).toBe('城西司法所人民调解案件登记台账（2024年1月1日—2024年12月31日）');
    expect(sheet.getCell('A2').value).toBe('填报单位：城西司法所\u3000\u3000导出时间：2026年12月2日 10:15');
    // 序号 and the twenty columns of 人民调解案件: A to U.
    expect(sheet.model.merges.sort()).toEqual(['A1:U1', 'A2:U2']);
  });

  it('has a row for each case the report counts as received there, numbered from 1', () => {
    const received = cityWest2024.indicators['mediation.cases.received']!;
    expect(file.rows).toBe(received);
    expect(sheet.rowCount).toBe(3 + received);
    expect(sheet.getCell(4, 1).value).toBe(1);
    expect(sheet.getCell(3 + received, 1).value).toBe(received);
  });

  it('shows a case as the ledger it came from wrote it', () => {
    const source = fixtureRows('人民调解案件').find((row) => row['案件编号'] === '(2024)城西调字第0001号')!;
    const header = rowValues(sheet, 3) as string[];
    let rowNumber = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(2).value === source['案件编号']) rowNumber = number;
    });
    const cell = (column: string) => sheet.getCell(rowNumber, header.indexOf(column) + 1);
    for (const column of ['调解组织', '案件来源', '纠纷类型', '当事人', '案件难度', '调解员', '调解结果', '协议形式', '履行情况', '防止民转刑', '防止自杀']) {
      expect(cell(column).value, column).toBe(source[column]);
    }
    expect(cell('不成功去向').value).toBeNull();
    expect(cell('受理日期').value).toEqual(new Date(Date.UTC(2024, 1, 3)));
    expect(cell('受理日期').numFmt).toBe('yyyy-mm-dd');
    expect(cell('涉及金额(元)').value).toBe(Number(source['涉及金额(元)']));
    expect(cell('涉及金额(元)').numFmt).toBe('#,##0.00');
    expect(cell('涉及人数').value).toBe(2);
    expect(cell('案件编号').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
  });

  it('prints on A4 landscape, all columns on the page width, the header row on every page, numbered pages', () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    for (let column = 1; column <= 21; column++) {
      expect(sheet.getColumn(column).width).toBeGreaterThanOrEqual(6);
      expect(sheet.getColumn(column).width).toBeLessThanOrEqual(30);
    }
  });
});

describe('a ledger longer than one Excel sheet', () => {
  it('is refused as .xlsx with a message saying what to do instead', async () => {
    const columns = [{ header: '日期', kind: 'date' as const, idNumber: false, required: true }];
    const rows = Array.from({ length: 1_048_574 }, () => ['2024-01-01']);
    await expect(buildLedgerWorkbook({ sheetName: '社区矫正事件', title: '', subtitle: '', columns, rows })).rejects.toThrow(
      '社区矫正事件共 1,048,574 条，超过 Excel 一张工作表能容纳的 1,048,573 条：请按单位或期间分开导出，或导出 CSV',
    );
  });
});

describe('titles and file names', () => {
  it('names the bureau for all offices, and no period when the list has none', async () => {
    const all = await workbookOf(await exported(admin, { register: 'mediationCase', format: 'xlsx', from: '2024-01-01', to: '2024-12-31' }));
    expect(all.getWorksheet('人民调解案件')!.getCell('A1').value).toBe(`${BUREAU}人民调解案件登记台账（2024年1月1日—2024年12月31日）`);
    const orgs = await exported(admin, { register: 'mediationOrg', format: 'xlsx' });
    expect(orgs.fileName).toBe(`${BUREAU}调解组织台账.xlsx`);
    expect((await workbookOf(orgs)).getWorksheet('调解组织')!.getCell('A1').value).toBe(`${BUREAU}调解组织登记台账`);
    expect((await exported(admin, { register: 'mediationOrg', format: 'csv' })).fileName).toBe('调解组织.csv');
  });
});

describe('the rows of the list as narrowed', () => {
  it('are the list’s rows in the list’s order, with search, status, filters and sort', async () => {
    const query = { search: '城西调字', status: 'closed', filters: { dispute_type: 'neighbour' }, sort: 'received_on', descending: true };
    const list = await admin('mediationCase.list', { ...query, limit: 500 });
    const listed = (list as { ok: true; value: { total: number; rows: { case_no: string }[] } }).value;
    const source = fixtureRows('人民调解案件').filter(
      (row) => row['案件编号']!.includes('城西调字') && row['调解结果'] !== '调解中' && row['纠纷类型'] === '邻里',
    );
    expect(listed.total).toBe(source.length);
    const rows = csvRows(await exported(admin, { register: 'mediationCase', format: 'csv', ...query }));
    expect(rows.slice(1).map((row) => row[0])).toEqual(listed.rows.map((row) => row.case_no));
  });
});

describe('身份证号码 in a ledger', () => {
  const withNumbers = () => fixtureRows('法律援助案件').filter((row) => row['身份证号码'] !== '');
  const idColumn = (rows: string[][]) => rows.slice(1).map((row) => row[rows[0]!.indexOf('身份证号码')]!);

  it('are masked unless asked for, and the export is logged as an export', async () => {
    const rows = csvRows(await exported(viewer, { register: 'legalAidCase', format: 'csv' }));
    const numbers = idColumn(rows).filter((cell) => cell !== '');
    expect(numbers).toHaveLength(withNumbers().length);
    expect(numbers.every((cell) => /^\d{4}\*{10}[\dX]{4}$/.test(cell))).toBe(true);
    const known = rows.find((row) => row[0] === '(2023)湘法援字第0001号')!;
    expect(known).toContain('4451**********4815');
    expect(lastAudit()).toMatchObject({ action: 'export', user: '查看员' });
    expect(JSON.parse(lastAudit().details)).toMatchObject({ register: '法律援助案件', format: 'csv', rows: expected.rows['法律援助案件'], fullIdNumbers: 0 });
  });

  it('are in full for a 管理员 who asks, and that export is logged as a view of personal numbers', async () => {
    const file = await exported(admin, { register: 'legalAidCase', format: 'xlsx', fullIdNumbers: true });
    expect(file.fullIdNumbers).toBe(withNumbers().length);
    const sheet = (await workbookOf(file)).getWorksheet('法律援助案件')!;
    const header = rowValues(sheet, 3) as string[];
    const shown = new Set<string>();
    sheet.eachRow((row, number) => {
      if (number > 3) shown.add(String(row.getCell(header.indexOf('身份证号码') + 1).value));
    });
    expect(shown.has('445102199909034815')).toBe(true);
    expect(lastAudit()).toMatchObject({ action: 'view', user: '管理员' });
    expect(JSON.parse(lastAudit().details)).toMatchObject({ register: '法律援助案件', fullIdNumbers: withNumbers().length, fileName: file.fileName });
  });

  it('are refused in full to a 查看 account, with nothing logged', async () => {
    const before = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const refused = await viewer('ledger.export', { register: 'correctionStint', format: 'csv', fullIdNumbers: true });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden', message: '您的账号（查看，局机关）无权导出完整的身份证号码（导出的台账中身份证号码已脱敏）' } });
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });
});

describe('an office account', () => {
  it('takes out its own office’s rows when it names no office', async () => {
    const file = await exported(westClerk, { register: 'disputeSweep', format: 'xlsx' });
    expect(file.rows).toBe(fixtureRows('矛盾纠纷排查').filter((row) => row['单位'] === '城西司法所').length);
    const sheet = (await workbookOf(file)).getWorksheet('矛盾纠纷排查')!;
    expect(sheet.getCell('A1').value).toBe('城西司法所矛盾纠纷排查登记台账');
    const header = rowValues(sheet, 3) as string[];
    const offices = new Set<unknown>();
    sheet.eachRow((row, number) => number > 3 && offices.add(row.getCell(header.indexOf('单位') + 1).value));
    expect([...offices]).toEqual(['城西司法所']);
  });

  it('is refused another office’s ledger', async () => {
    expect(await westClerk('ledger.export', { register: 'disputeSweep', format: 'csv', officeId: east })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });
});

describe('import templates', () => {
  it.each(registers.map((register) => ({ name: register.name, title: register.title })))(
    '$title: an empty ledger with its header row, as .xlsx and CSV, that the importer takes',
    async ({ name, title }) => {
      const xlsx = (await admin('ledger.template', { register: name, format: 'xlsx' })) as { ok: true; value: Exported };
      expect(xlsx.value.fileName).toBe(`${title}导入模板.xlsx`);
      const sheet = (await workbookOf(xlsx.value)).getWorksheet(title)!;
      const header = rowValues(sheet, 1) as string[];
      expect([...header].sort()).toEqual([...specColumns().get(title)!].sort());
      expect(sheet.rowCount).toBe(1);
      const csv = (await admin('ledger.template', { register: name, format: 'csv' })) as { ok: true; value: Exported };
      expect(csv.value.fileName).toBe(`${title}.csv`);
      expect(Buffer.from(csv.value.content, 'base64').toString('utf8')).toBe(`\uFEFF${header.join(',')}\r\n`);
      for (const template of [xlsx.value, csv.value]) {
        const outcome = await importLedgers(db, [{ name: template.fileName, content: Buffer.from(template.content, 'base64') }], { user: '测试', preview: true });
        expect(outcome.problems).toEqual([]);
        expect(outcome.sheets).toMatchObject([{ sheet: title, rows: 0 }]);
      }
    },
  );

  it('notes on each header what the column takes', async () => {
    const xlsx = (await admin('ledger.template', { register: 'mediationCase', format: 'xlsx' })) as { ok: true; value: Exported };
    const sheet = (await workbookOf(xlsx.value)).getWorksheet('人民调解案件')!;
    const header = rowValues(sheet, 1) as string[];
    const note = (column: string) => {
      const value = sheet.getCell(1, header.indexOf(column) + 1).note;
      return typeof value === 'string' ? value : (value?.texts ?? []).map((part) => part.text).join('');
    };
    expect(note('调解结果')).toBe('调解结果：必填列；可填：调解中、调解成功、调解不成功');
    expect(note('结案日期')).toBe('结案日期：可不填；日期，如 2024-03-01');
  });
});

describe('cli ledger', () => {
  const dir = tempDir('ledger-cli');
  const dbFile = path.join(dir, 'county.sqlite');

  beforeAll(() => {
    const imported = runCli(['import', '--db', dbFile, ...fs.readdirSync(csvDir).map((file) => path.join(csvDir, file))]);
    expect(imported.status).toBe(0);
  }, 120_000);

  it('writes the ledger of one office and period', async () => {
    const out = path.join(dir, '城西2024.xlsx');
    const run = runCli(['ledger', '--db', dbFile, '--register', '人民调解案件', '--from', '2024-01-01', '--to', '2024-12-31', '--office', '城西司法所', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const received = expected.cases.find((c) => c.office === '城西司法所' && c.from === '2024-01-01' && c.to === '2024-12-31')!.indicators['mediation.cases.received'];
    expect(run.stdout).toContain(`已导出人民调解案件台账（${received} 条）`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet('人民调解案件')!.getCell('A1').value).toBe('城西司法所人民调解案件登记台账（2024年1月1日—2024年12月31日）');
  });

  it('writes 身份证号码 in full when asked, and logs that as a view of personal numbers', () => {
    const out = path.join(dir, '法律援助案件.csv');
    const run = runCli(['ledger', '--db', dbFile, '--register', '法律援助案件', '--full-id-numbers', '--out', out]);
    expect(run.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain(',445102199909034815,');
    const written = openDatabase(dbFile, { create: false });
    try {
      const entry = written.prepare("SELECT action, user, details FROM audit_log WHERE method = 'ledger.export' ORDER BY id DESC LIMIT 1").get() as {
        action: string;
        user: string;
        details: string;
      };
      expect(entry.action).toBe('view');
      expect(entry.user).toMatch(/（命令行）$/);
      expect(JSON.parse(entry.details)).toMatchObject({ register: '法律援助案件', rows: expected.rows['法律援助案件'], fullIdNumbers: fixtureRows('法律援助案件').filter((row) => row['身份证号码'] !== '').length });
    } finally {
      written.close();
    }
  });

  it.each([
    [['--register', '调解案件', '--out', `${dir}/x.csv`], '没有名为「调解案件」的台账'],
    [['--register', '人民调解案件'], '缺少 --out 导出文件'],
    [['--out', `${dir}/x.csv`], '缺少 --register 台账名称'],
    [['--register', '人民调解案件', '--out', `${dir}/x.txt`], '应以 .xlsx 或 .csv 结尾'],
    [['--register', '人民调解案件', '--from', '2024-13-01', '--out', `${dir}/x.csv`], '日期「2024-13-01」不是有效日期'],
    [['--register', '人民调解案件', '--from', '2024-12-31', '--to', '2024-01-01', '--out', `${dir}/x.csv`], '起始日期 2024-12-31 晚于截止日期 2024-01-01'],
    [['--register', '人民调解案件', '--office', '城东司法所', '--out', `${dir}/x.csv`], '没有名为「城东司法所」的单位'],
  ])('refuses %j with exit code 2', (args, message) => {
    const run = runCli(['ledger', '--db', dbFile, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(fs.existsSync(path.join(dir, `${dir}/x.csv`))).toBe(false);
  });
});
