// Browser test of 导出台账 and the import templates, the way a clerk uses them: the sample
// county's mediation cases narrowed by search and 纠纷类型, taken out as .xlsx and as CSV through
// the list's menu (the downloads read back: the narrowed rows, no more), a legal-aid case's
// 身份证号码 masked unless 完整身份证号码 is ticked, and an empty template downloaded from the
// import page. Expected rows are counted from the sample's own ledgers, not from the app.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BUREAU, startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { sampleDir } from '../support/cli.ts';
import { openRegister } from './support/registers.ts';

const csvDir = path.join(sampleDir, 'csv');
let app: TestApp;
let browser: Browser;
let page: Page;

/** The sample's own ledger as rows of cells (its CSVs hold no quoted commas). */
function fixtureRows(title: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(path.join(csvDir, `${title}.csv`), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, index) => [names[index]!, cell])));
}

/** Clicks what starts a download and gives the file's suggested name and bytes. */
async function downloaded(click: () => Promise<void>): Promise<{ name: string; content: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: download.suggestedFilename(), content: fs.readFileSync((await download.path())!) };
}

/** Picks 导出台账 → the menu item named `item`. */
async function exportLedger(item: RegExp): Promise<{ name: string; content: Buffer }> {
  await page.getByRole('button', { name: '导出台账' }).click();
  return downloaded(() => page.getByRole('menuitem', { name: item }).click());
}

async function worksheet(content: Buffer, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook.getWorksheet(name)!;
}

const csvLines = (content: Buffer) => content.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');

async function search(text: string, total: number): Promise<void> {
  await page.getByLabel('搜索').fill(text);
  await page.getByText(`共 ${total.toLocaleString('zh-CN')} 条`, { exact: true }).waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  app = await startTestApp();
  const files = fs.readdirSync(csvDir).map((file) => ({ name: file, content: fs.readFileSync(path.join(csvDir, file)).toString('base64') }));
  const imported = await app.call('import.commit', { files });
  expect(imported).toMatchObject({ ok: true, value: { ok: true } });
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('导出台账', () => {
  const narrowed = fixtureRows('人民调解案件').filter((row) => row['案件编号']!.includes('(2024)城西调字') && row['纠纷类型'] === '邻里');

  it('takes the narrowed mediation cases out as an Excel ledger and as CSV', async () => {
    await openRegister(page, '/mediation/cases', '人民调解案件');
    await page.getByRole('combobox', { name: '纠纷类型' }).click();
    await page.getByRole('option', { name: '邻里', exact: true }).click();
    await search('(2024)城西调字', narrowed.length);
    await page.getByRole('button', { name: '导出台账' }).click();
    await page.getByRole('menuitem', { name: /Excel 台账/ }).waitFor();
    await screenshot(page, 'ledger-export-menu');
    await page.keyboard.press('Escape');

    const xlsx = await exportLedger(/Excel 台账/);
    expect(xlsx.name).toBe(`${TEST_BUREAU}人民调解案件台账.xlsx`);
    const sheet = await worksheet(xlsx.content, '人民调解案件');
    expect(sheet.getCell('A1').value).toBe(`${TEST_BUREAU}人民调解案件登记台账`);
    expect(sheet.getCell(3, 1).value).toBe('序号');
    expect(sheet.getCell(3, 2).value).toBe('案件编号');
    const caseNumbers: unknown[] = [];
    sheet.eachRow((row, number) => number > 3 && caseNumbers.push(row.getCell(2).value));
    expect(caseNumbers.sort()).toEqual(narrowed.map((row) => row['案件编号']).sort());

    const csv = await exportLedger(/CSV 文件/);
    expect(csv.name).toBe('人民调解案件.csv');
    const [header, ...lines] = csvLines(csv.content);
    expect(header!.split(',')[0]).toBe('案件编号');
    expect(lines.map((line) => line.split(',')[0]).sort()).toEqual(narrowed.map((row) => row['案件编号']).sort());
  }, 120_000);

  it('masks 身份证号码 unless 完整身份证号码 is ticked', async () => {
    await openRegister(page, '/legal-aid/cases', '法律援助案件');
    await search('(2023)湘法援字第0001号', 1);
    const masked = csvLines((await exportLedger(/CSV 文件/)).content);
    expect(masked[1]).toContain(',4451**********4815,');
    await page.getByRole('button', { name: '导出台账' }).click();
    await page.getByRole('checkbox', { name: '完整身份证号码' }).check();
    await screenshot(page, 'ledger-export-full-numbers');
    const full = csvLines((await downloaded(() => page.getByRole('menuitem', { name: /CSV 文件/ }).click())).content);
    expect(full[1]).toContain(',445102199909034815,');
  }, 120_000);
});

describe('import templates', () => {
  it('downloads an empty 调解员 ledger as .xlsx and CSV from the import page', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '导入', exact: true }).click();
    await page.getByRole('heading', { name: '导入台账' }).waitFor();
    await page.getByRole('combobox', { name: '模板台账' }).click();
    await page.getByRole('option', { name: '调解员', exact: true }).click();
    const xlsx = await downloaded(() => page.getByRole('button', { name: '下载 Excel 模板' }).click());
    expect(xlsx.name).toBe('调解员导入模板.xlsx');
    const sheet = await worksheet(xlsx.content, '调解员');
    // The columns of registers.md §1 调解员.
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '身份证号码', '性别', '所属调解组织', '专兼职', '身份背景', '聘任日期', '解聘日期']);
    expect(sheet.rowCount).toBe(1);
    const csv = await downloaded(() => page.getByRole('button', { name: '下载 CSV 模板' }).click());
    expect(csv.name).toBe('调解员.csv');
    expect(csv.content.toString('utf8')).toBe('\uFEFF姓名,身份证号码,性别,所属调解组织,专兼职,身份背景,聘任日期,解聘日期\r\n');
    await screenshot(page, 'import-templates');
  }, 120_000);
});
