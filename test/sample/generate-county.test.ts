// The county generator (db/sample): the same seed gives the same bytes, its ledgers have the
// sheets and headers of registers.md and import without a single problem, its size follows
// `scale` (1 ≈ the sample county of the fixtures), and the 示例数据 stops at today.

import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { importLedgers, type LedgerInput } from '../../db/import/import-ledger.ts';
import { readAllRows } from '../../db/import/read-ledger.ts';
import { registerBySheet } from '../../db/registers/index.ts';
import { generateCounty, sampleCountyLedgers, sheetHeaders, sheetNames, type CountyOptions } from '../../db/sample/generate-county.ts';
import { readExpectedWhole } from '../support/cli.ts';

/** The sample county's span: 2022 to the end of February 2025 (expected.json is as of 2025-03-01). */
const likeTheSample: CountyOptions = { seed: 7, scale: 1, firstYear: 2022, lastYear: 2024, until: '2025-02-28' };

const BOM = '\uFEFF';

function csvLines(file: LedgerInput): string[] {
  const text = file.content.toString('utf8');
  expect(text.startsWith(BOM)).toBe(true);
  return text.slice(1).split('\r\n').filter((line) => line !== '');
}

/** Data rows per sheet (the generator writes no quoted line breaks, so a line is a row). */
function rowCounts(files: readonly LedgerInput[]): Record<string, number> {
  return Object.fromEntries(files.map((file) => [file.name.replace(/\.csv$/, ''), csvLines(file).length - 1]));
}

async function importIntoNewDatabase(files: readonly LedgerInput[]) {
  const db = openDatabase(':memory:', { create: true });
  try {
    return await importLedgers(db, files, { user: 'test' });
  } finally {
    db.close();
  }
}

describe('the county generator', () => {
  it('gives the same bytes for the same seed, and another county for another seed', async () => {
    const first = await generateCounty(likeTheSample);
    const second = await generateCounty(likeTheSample);
    expect(second.map((file) => file.name)).toEqual(first.map((file) => file.name));
    second.forEach((file, index) => expect(file.content.equals(first[index]!.content), file.name).toBe(true));
    const other = await generateCounty({ ...likeTheSample, seed: 8 });
    expect(other.find((file) => file.name === '人民调解案件.csv')!.content.equals(first.find((file) => file.name === '人民调解案件.csv')!.content)).toBe(false);
  });

  it('writes the sixteen sheets as UTF-8 CSV with BOM and the headers of registers.md', async () => {
    const files = await generateCounty(likeTheSample);
    expect(files.map((file) => file.name)).toEqual(sheetNames.map((sheet) => `${sheet}.csv`));
    for (const sheet of sheetNames) {
      const header = csvLines(files.find((file) => file.name === `${sheet}.csv`)!)[0]!.split(',');
      expect(header).toEqual(sheetHeaders(sheet));
      const fieldHeaders = registerBySheet.get(sheet)!.fields.map((field) => field.header);
      expect([...header].sort(), sheet).toEqual([...fieldHeaders].sort());
    }
  });

  it('makes ledgers that import with zero problems, about the size of the sample county', async () => {
    const files = await generateCounty(likeTheSample);
    const outcome = await importIntoNewDatabase(files);
    expect(outcome.problems).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.notices.filter((notice) => !notice.includes('编码读取'))).toEqual([]);
    const imported = Object.fromEntries(outcome.sheets.map((sheet) => [sheet.sheet, sheet.added]));
    expect(imported).toEqual(rowCounts(files));
    const sample = readExpectedWhole().rows;
    for (const sheet of sheetNames) {
      expect(imported[sheet]!, sheet).toBeGreaterThan(sample[sheet]! * 0.8);
      expect(imported[sheet]!, sheet).toBeLessThan(sample[sheet]! * 1.2);
    }
  });

  it('keeps the 人民调解 sheets in one workbook when asked, with the same rows as the CSV files', async () => {
    const files = await generateCounty({ ...likeTheSample, workbook: true });
    expect(files.map((file) => file.name)).toEqual(['台账.xlsx', ...sheetNames.slice(3).map((sheet) => `${sheet}.csv`)]);
    const workbook = await readAllRows(files[0]!);
    const csv = await generateCounty(likeTheSample);
    for (const [index, sheet] of workbook.heads.sheets.entries()) {
      const fromCsv = await readAllRows(csv.find((file) => file.name === `${sheet.sheet}.csv`)!);
      expect(workbook.rows[index]!.length, sheet.sheet).toBe(fromCsv.rows[0]!.length);
    }
    expect(workbook.heads.sheets.map((sheet) => sheet.sheet)).toEqual(sheetNames.slice(0, 3));
    const outcome = await importIntoNewDatabase(files);
    expect(outcome.problems).toEqual([]);
  });

  it('grows with the scale: half the scale, about half the cases, events and stints', async () => {
    const whole = rowCounts(await generateCounty(likeTheSample));
    const half = rowCounts(await generateCounty({ ...likeTheSample, scale: 0.5 }));
    for (const sheet of ['人民调解案件', '法律援助案件', '社区矫正对象', '社区矫正事件', '法律咨询'] as const) {
      expect(half[sheet]! / whole[sheet]!, sheet).toBeGreaterThan(0.4);
      expect(half[sheet]! / whole[sheet]!, sheet).toBeLessThan(0.6);
    }
  });

  it('gives newcomers a sample over the three years up to today, with nothing dated after today', async () => {
    const today = '2026-05-20';
    const files = await sampleCountyLedgers(today);
    const outcome = await importIntoNewDatabase(files);
    expect(outcome.problems).toEqual([]);
    const received = columnOf(files, '人民调解案件', '受理日期');
    expect(received.reduce((first, date) => (date < first ? date : first))).toMatch(/^2024-01-/);
    expect(received.reduce((last, date) => (date > last ? date : last)) <= today).toBe(true);
    // Only the end of a correction term or of a 帮教期 lies ahead; everything that happened is dated today at the latest.
    for (const file of files) {
      const [header, ...rows] = csvLines(file).map((line) => line.split(','));
      header!.forEach((column, index) => {
        if (column === '矫正期满日期' || column === '帮教期满日期') return;
        const later = rows.map((row) => row[index]!).filter((cell) => /^\d{4}-\d{2}-\d{2}$/.test(cell) && cell > today);
        expect(later, `${file.name} ${column}`).toEqual([]);
      });
    }
  });
});

function columnOf(files: readonly LedgerInput[], sheet: string, column: string): string[] {
  const [header, ...rows] = csvLines(files.find((file) => file.name === `${sheet}.csv`)!).map((line) => line.split(','));
  const index = header!.indexOf(column);
  return rows.map((row) => row[index]!);
}
