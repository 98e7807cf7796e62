// Browser test of 备份与恢复 and 审计日志 over the sample county, as an administrator: 立即备份
// adds a checked 手动备份; a case deleted after it comes back when that backup is restored
// through its preview (records per register in the backup and now) and the confirm (what is
// replaced, the backup taken first); the log shows the failed and the good login by the
// filters, opens an entry to its fields before and after, 校验 says the chain is intact, and
// 导出Excel downloads the entries with the verification. Screenshots of both pages.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { sampleLedgerPaths } from '../support/cli.ts';

let app: TestApp;
let browser: Browser;
let page: Page;

async function value<T>(method: string, input: object = {}): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function open(link: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: link, exact: true }).click();
}

const liveCases = async () => (await value<{ total: number }>('mediationCase.list', { limit: 1 })).total;

beforeAll(async () => {
  app = await startTestApp({ today: '2025-03-01' });
  const files = sampleLedgerPaths().map((file) => ({ name: path.basename(file), content: fs.readFileSync(file).toString('base64') }));
  expect((await value<{ ok: boolean }>('import.commit', { files })).ok).toBe(true);
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await page.getByTestId('user-bar').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('备份与恢复', () => {
  it('backs up now and lists the checked backup', async () => {
    await open('备份与恢复');
    await page.getByRole('heading', { level: 2, name: '备份与恢复' }).waitFor();
    await page.getByRole('button', { name: '立即备份' }).click();
    const manual = page.getByTestId('backups').locator('tr[data-backup$="-manual.sqlite"]');
    await manual.waitFor();
    await expect(manual.innerText()).resolves.toMatch(/2025-03-01\s+手动备份[\s\S]*完整/);
    await screenshot(page, 'backup');
  });

  it('restores the backup after a preview, bringing back a case deleted since', async () => {
    const before = await liveCases();
    const { rows } = await value<{ rows: { id: number }[] }>('mediationCase.list', { limit: 1 });
    const deletedId = rows[0]!.id;
    await value('mediationCase.delete', { id: deletedId });
    expect(await liveCases()).toBe(before - 1);

    await page.getByTestId('backups').locator('tr[data-backup$="-manual.sqlite"]').getByRole('button', { name: /^恢复「/ }).click();
    const preview = page.getByTestId('restore-preview');
    await preview.waitFor();
    const cases = preview.locator('tr[data-register=mediationCase]');
    expect(Number((await cases.locator('[data-column=backup]').innerText()).replace(/,/g, ''))).toBe(before);
    expect(Number((await cases.locator('[data-column=current]').innerText()).replace(/,/g, ''))).toBe(before - 1);
    await screenshot(page, 'restore-preview');

    await page.getByRole('button', { name: '恢复这份备份…' }).click();
    const confirm = page.getByRole('dialog', { name: '确定恢复这份备份？' });
    await confirm.waitFor();
    const question = await confirm.innerText();
    expect(question).toContain('将被替换');
    expect(question).toContain('恢复前会先把现在的数据自动备份');
    await confirm.getByRole('button', { name: '恢复', exact: true }).click();

    await page.getByText('数据已恢复为备份中的内容').waitFor({ timeout: 60_000 });
    await page.getByTestId('user-bar').waitFor();
    expect(await liveCases()).toBe(before);
    expect((await value<{ deleted_at: string | null }>('mediationCase.get', { id: deletedId })).deleted_at).toBeNull();
    await page.getByTestId('backups').locator('tr[data-backup$="-before-restore.sqlite"]').waitFor();
  });
});

describe('审计日志', () => {
  it('shows the failed and the good login, an entry’s fields, and an intact chain', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.keyboard.type(TEST_ADMIN.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('WrongPassword9');
    await page.keyboard.press('Enter');
    await page.locator('form').getByRole('alert').waitFor();
    await page.getByLabel(/^密码/).fill(TEST_ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByTestId('user-bar').waitFor();

    await open('审计日志');
    await page.getByRole('heading', { level: 2, name: '审计日志' }).waitFor();
    const rows = page.locator('main table tbody tr:has([data-action])');
    await rows.first().waitFor();
    await expect.poll(() => page.locator('[data-action=login_failed]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-action=login]').count()).toBeGreaterThanOrEqual(1);

    // 操作 = 登录 by typing in the select, Enter picks it, Enter again (in 内容) searches.
    await page.getByRole('combobox', { name: '操作' }).focus();
    await page.keyboard.type('登录');
    await page.locator('[data-combobox-option]', { hasText: /^登录$/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('内容', { exact: true }).press('Enter');
    await expect.poll(async () => new Set(await rows.locator('[data-action]').evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-action'))))).toEqual(new Set(['login']));

    await page.getByRole('button', { name: /^展开第 \d+ 条$/ }).first().click();
    await page.getByTestId('audit-details').first().waitFor();

    await page.getByRole('button', { name: '校验' }).click();
    const verification = page.getByTestId('audit-verification');
    await verification.waitFor();
    expect(await verification.getAttribute('data-ok')).toBe('true');
    await expect(verification.innerText()).resolves.toContain('哈希链完整');
    await screenshot(page, 'audit');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/审计日志.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const actions = workbook.getWorksheet('审计日志')!.getColumn(4).values.slice(2);
    expect(new Set(actions)).toEqual(new Set(['登录']));
    const check = workbook.getWorksheet('校验结果')!;
    expect(check.getRow(3).getCell(2).value).toBe('哈希链完整，未发现修改或删除');
  });
});
