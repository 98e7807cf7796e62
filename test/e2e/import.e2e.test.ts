// Browser test of 导入: a ledger with one bad date shows that problem exactly (sheet, row,
// column, value, reason) and writes nothing; the sample county's ledger (台账.xlsx + nine CSV)
// chosen through the file input previews clean, commits, and shows its counts; the import is
// then undone from the history.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { readExpected, sampleDir, sampleLedgerPaths, tempDir } from '../support/cli.ts';

const expected = readExpected();
let app: TestApp;
let browser: Browser;
let page: Page;

/** 调解组织.csv with 成立日期 of Excel row 5 broken to 2024-13-01. */
function brokenOrganisations(): string {
  const lines = fs.readFileSync(path.join(sampleDir, 'csv', '调解组织.csv'), 'utf8').split('\n');
  const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
  const cells = lines[4]!.split(',');
  cells[header.indexOf('成立日期')] = '2024-13-01';
  lines[4] = cells.join(',');
  const file = path.join(tempDir('bad-ledger'), '调解组织.csv');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

async function total(register: string): Promise<number> {
  const result = await app.call(`${register}.list`, {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { total: number }).total;
}

beforeAll(async () => {
  app = await startTestApp();
  await app.call('settings.update', { bureauName: '潮州市湘桥区司法局' });
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '导入', exact: true }).click();
  await page.getByRole('heading', { name: '导入台账' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('导入', () => {
  it('shows every problem of a bad ledger and writes nothing', async () => {
    await page.locator('input[type=file]').setInputFiles(brokenOrganisations());
    const problems = page.getByTestId('import-problem');
    await problems.first().waitFor();
    expect(await problems.count()).toBe(1);
    const cell = (column: string) => problems.first().locator(`[data-column=${column}]`).innerText();
    expect(await cell('sheet')).toBe('调解组织');
    expect(await cell('row')).toBe('5');
    expect(await cell('column')).toBe('成立日期');
    expect(await cell('value')).toBe('2024-13-01');
    expect(await cell('reason')).toBe('不是有效日期');
    await expect(page.getByText('这些文件不会写入任何数据').isVisible()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await screenshot(page, 'import-problems');
    expect(await total('mediationOrg')).toBe(0);
    expect(((await app.call('import.history', {})) as { value: unknown[] }).value).toEqual([]);
  });

  it('imports the sample ledger chosen through the file input', async () => {
    await page.locator('input[type=file]').setInputFiles(sampleLedgerPaths());
    await page.getByText('检查通过').waitFor({ timeout: 60_000 });
    const counts = async (testId: string) =>
      page.getByTestId(testId).locator('tr[data-sheet]').evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((row) => [
            (row as HTMLElement).dataset.sheet,
            Number(row.querySelector('[data-column=added]')!.textContent!.replace(/,/g, '')),
          ]),
        ),
      );
    expect(await counts('import-preview')).toEqual(expected.rows);
    expect(await total('mediationCase')).toBe(0);

    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('import-committed').waitFor({ timeout: 60_000 });
    expect(await counts('import-committed')).toEqual(expected.rows);
    const added = Object.values(expected.rows).reduce((sum, rows) => sum + rows, 0);
    await expect(page.getByTestId('import-committed').innerText()).resolves.toContain(`新增 ${added.toLocaleString('en-US')} 条`);
    expect(await total('mediationOrg')).toBe(expected.rows['调解组织']);
    expect(await total('mediationCase')).toBe(expected.rows['人民调解案件']);
    expect(await total('correctionEvent')).toBe(expected.rows['社区矫正事件']);
    await screenshot(page, 'import-committed');
  });

  it('undoes the import from the history after a confirm', async () => {
    const history = page.getByTestId('import-history');
    await history.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '撤销导入' }).click();
    await history.getByText(/已于 .* 撤销/).waitFor({ timeout: 60_000 });
    expect(await total('mediationCase')).toBe(0);
    expect(await total('mediationOrg')).toBe(0);
  });
});
