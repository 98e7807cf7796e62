// The export of a county other than the sample: a generated one (db/sample/generate-county.ts),
// with one township office renamed 「=1+1」 as a user might type it. Every figure of the
// 指标明细 sheet, in 合计 and in each office's column, equals what `cli report --format json`
// prints for that scope; the office named like a formula stays text, shown with the leading
// apostrophe that keeps it text (db/export/formula-safety.ts); titles carry the bureau's name
// from the settings.

import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../../db/sample/generate-county.ts';
import { besidesProgress, runCli, tempDir } from '../support/cli.ts';
import { asCells, indicatorSheet, paragraphs, readWorkbook, tableCell, zipPart } from './read-exports.ts';

const dir = tempDir('export-other');
const dbFile = path.join(dir, 'county.sqlite');
const bureau = '示例市东湖区司法局';
const formulaName = '=1+1';
/** How the sheets show that office: OWASP's apostrophe in front. */
const shownName = "'=1+1";
const officeOf = (shown: string) => (shown === shownName ? formulaName : shown);

function reportJson(from: string, to: string, office: string | null): Record<string, number | null> {
  const run = runCli(['report', '--db', dbFile, '--from', from, '--to', to, ...(office ? ['--office', office] : []), '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout) as { indicators: Record<string, number | null> }).indicators;
}

/** The files `cli export` writes for a period (made once per period). */
function exportFiles(from: string, to: string): { xlsx: string; docx: string } {
  const xlsx = path.join(dir, `${from}_${to}.xlsx`);
  const docx = path.join(dir, `${from}_${to}.docx`);
  if (!fs.existsSync(xlsx)) {
    const run = runCli(['export', '--db', dbFile, '--from', from, '--to', to, '--xlsx', xlsx, '--docx', docx]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }
  return { xlsx, docx };
}

beforeAll(async () => {
  const files = await generateCounty({ seed: 9704, scale: 1, firstYear: 2023, lastYear: 2024, bureauName: bureau });
  const texts = files.map((file) => ({ name: file.name, text: file.content.toString('utf8') }));
  const sweeps = texts.find((file) => file.name === '矛盾纠纷排查.csv')!.text;
  const renamed = /[\u4e00-\u9fff]+司法所/.exec(sweeps)![0];
  const paths = texts.map(({ name, text }) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text.replaceAll(renamed, formulaName));
    return file;
  });
  const imported = runCli(['import', '--db', dbFile, ...paths]);
  expect(besidesProgress(imported.stderr)).toEqual([]);
  expect(imported.status).toBe(0);
  const db = new Database(dbFile);
  db.prepare("INSERT OR REPLACE INTO setting (key, value) VALUES ('bureauName', ?)").run(bureau);
  db.close();
});

describe('the export of another county', () => {
  it.each([
    ['2024-01-01', '2024-12-31'],
    ['2024-07-01', '2024-09-30'],
  ])('gives in 指标明细 the figures of cli report for %s…%s, whole bureau and each office', async (from, to) => {
    const { xlsx } = exportFiles(from, to);
    const sheet = indicatorSheet(await readWorkbook(xlsx));
    const offices = sheet.header.slice(2, -1);
    expect(offices).toContain(shownName);
    expect(offices.length).toBeGreaterThanOrEqual(4);
    const whole = reportJson(from, to, null);
    expect(sheet.rows.map((row) => row.id)).toEqual(Object.keys(whole));
    expect(sheet.columns['合计']).toEqual(asCells(whole));
    for (const office of offices) {
      expect(sheet.columns[office], office).toEqual(asCells(reportJson(from, to, officeOf(office))));
    }
  }, 180_000);

  it('keeps an office named like a formula as text, and names the bureau in the titles', async () => {
    const { xlsx, docx } = exportFiles('2024-01-01', '2024-12-31');
    const workbook = await readWorkbook(xlsx);
    const named: ExcelJS.Cell[] = [];
    workbook.getWorksheet('指标明细')!.getRow(1).eachCell((cell) => {
      if (cell.value === shownName) named.push(cell);
    });
    expect(named.map((cell) => cell.type)).toEqual([ExcelJS.ValueType.String]);
    for (let sheet = 1; sheet <= 7; sheet++) {
      expect(await zipPart(xlsx, `xl/worksheets/sheet${sheet}.xml`)).not.toContain('<f>');
    }
    expect(await zipPart(xlsx, 'xl/sharedStrings.xml')).toContain('<t>&apos;=1+1</t>');
    const mediation = workbook.getWorksheet('人民调解')!;
    expect(mediation.getCell(1, 1).value).toBe(`${bureau}2024年人民调解工作统计表`);
    expect(tableCell(mediation, shownName, '受理矛盾纠纷（宗）', '合计')).toBe(
      reportJson('2024-01-01', '2024-12-31', formulaName)['mediation.cases.received'],
    );
    const text = paragraphs(await zipPart(docx, 'word/document.xml'));
    expect(text[0]).toBe(`${bureau}2024年人民调解、法律援助、社区矫正、村(居)法律顾问、普法、安置帮教工作情况报告`);
    expect(text.join('\n')).toContain('2024年，全区');
  }, 120_000);
});
