// Ledgers as offices keep them (registers.md §5), built from the sample county's clean CSVs in
// every layout of §5 — each phenomenon alone, all of them mixed, and one workbook per office
// with a sheet per year — import without a question and give expected.json's figures; the
// preview says how each sheet was read: register and why, header rows, skipped rows, columns
// and converted values.

import { describe, expect, it } from 'vitest';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { importLedgers, type ImportOutcome, type LedgerInput } from '../../db/import/import-ledger.ts';
import { runReport } from '../../db/report/engine.ts';
import { noExtraFigures, readExpected } from '../support/cli.ts';
import { countyWorkbook, officeWorkbooks, type Layout } from './office-ledgers.ts';

const expected = readExpected();

async function importInto(files: LedgerInput[]): Promise<{ db: RegisterDatabase; outcome: ImportOutcome }> {
  const db = openDatabase(':memory:', { create: true });
  const outcome = await importLedgers(db, files, { user: '测试' });
  return { db, outcome };
}

/** The sample's figures; its ledgers keep none of the registers of registers.md §6. */
function expectSampleFigures(db: RegisterDatabase): void {
  for (const expectedCase of expected.cases) {
    const officeId =
      expectedCase.office === null ? null : (db.prepare('SELECT id FROM office WHERE name = ?').get(expectedCase.office) as { id: number }).id;
    const report = runReport(db, { from: expectedCase.from, to: expectedCase.to, officeId });
    expect(report.indicators, `${expectedCase.from}–${expectedCase.to} ${expectedCase.office ?? '全县'}`).toEqual({ ...expectedCase.indicators, ...noExtraFigures() });
  }
}

const everything: Layout = {
  anyNames: true,
  titleRows: true,
  twoLevel: true,
  extraRowsAndColumns: true,
  mergedDown: true,
  synonyms: true,
  spellings: true,
};

const phenomena: [string, Layout][] = [
  ['sheets named anything', { anyNames: true }],
  ['a title, a 填报单位 line and a blank row above the header', { titleRows: true }],
  ['two-level headers with ticked results', { twoLevel: true }],
  ['序号, an empty column, blank, 合计 and footer rows', { extraRowsAndColumns: true }],
  ['cells merged down over a case’s party rows', { mergedDown: true }],
  ['the header words of §5', { synonyms: true }],
  ['the value spellings of §5', { spellings: true }],
  ['all of them at once', everything],
];

describe('a county workbook laid out as offices keep it', () => {
  it.each(phenomena)('%s: imports without a problem and gives the expected figures', async (_title, layout) => {
    const { db, outcome } = await importInto([await countyWorkbook(layout)]);
    try {
      expect(outcome.problems).toEqual([]);
      expect(outcome.unknownColumns).toEqual([]);
      expect(outcome.readings.map((reading) => reading.register).sort()).toEqual(Object.keys(expected.rows).sort());
      expectSampleFigures(db);
    } finally {
      db.close();
    }
  }, 120_000);
});

describe('one workbook per office, a sheet per register and year', () => {
  it.each([
    ['named by year and register', {}],
    ['named anything, in every layout at once', everything],
  ] as [string, Layout][])('%s: imports in one go and gives the expected figures', async (_title, layout) => {
    const files = await officeWorkbooks(layout);
    expect(files.length).toBe(expected.offices.length);
    const { db, outcome } = await importInto(files);
    try {
      expect(outcome.problems).toEqual([]);
      expect(new Set(outcome.readings.map((reading) => `${reading.file}|${reading.register}`)).size).toBeLessThan(outcome.readings.length);
      expectSampleFigures(db);
    } finally {
      db.close();
    }
  }, 120_000);
});

describe('the preview of a ledger laid out as offices keep it', () => {
  it('says per sheet which register and why, where the header is, what was skipped, mapped and converted', async () => {
    const db = openDatabase(':memory:', { create: true });
    const outcome = await importLedgers(db, [await countyWorkbook(everything)], { user: '测试', preview: true });
    db.close();
    expect(outcome.problems).toEqual([]);
    const cases = outcome.readings.find((reading) => reading.register === '人民调解案件')!;
    expect(cases.sheet).toBe('城关调解台账');
    expect(cases.why).toMatch(/^表头与「人民调解案件」的必填列对上 \d+\/\d+ 列，是各种台账中最多的$/);
    // Title, 填报单位 line and blank row above; the group row and the sub-header row.
    expect(cases.headerRows).toEqual([4, 5]);
    expect(cases.skipped.find((skip) => skip.reason === '表头以上的标题行')).toMatchObject({ count: 2, rows: [1, 2] });
    expect(cases.skipped.find((skip) => skip.reason === '合计行')?.count).toBe(1);
    expect(cases.skipped.find((skip) => skip.reason === '表尾说明')?.count).toBe(2);
    const cleanRows = expected.rows['人民调解案件']!;
    expect(cases.skipped.find((skip) => skip.reason === '空行')?.count).toBe(Math.floor((cleanRows - 1) / 50) + 1);
    expect(cases.columns).toContainEqual({ from: '序号', to: null, note: '顺序号' });
    expect(cases.columns).toContainEqual({ from: '调处结果成功', to: '调解结果', note: '打勾即「成功」' });
    expect(cases.columns).toContainEqual({ from: '涉案金额（万元）', to: '涉及金额(元)', note: '万元，已换算为元' });
    expect(cases.columns).toContainEqual({ from: '纠纷类别', to: '纠纷类型' });
    const marriage = cases.conversions.find((conversion) => conversion.from === '婚姻家庭纠纷')!;
    expect(marriage).toMatchObject({ field: '纠纷类型', to: '婚姻家庭' });
    expect(marriage.count).toBeGreaterThan(0);
    expect(cases.conversions.find((conversion) => conversion.from === '成功')).toMatchObject({ field: '调解结果', to: '调解成功' });
    const stints = outcome.readings.find((reading) => reading.register === '社区矫正对象')!;
    expect(stints.columns).toContainEqual({ from: '矫正期限起', to: '矫正起始日期' });
    expect(stints.conversions.find((conversion) => conversion.from === '暂监外')).toMatchObject({ to: '暂予监外执行' });
  }, 120_000);
});
