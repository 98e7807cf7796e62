// Browser test of 设置 → 数据交换 at the bureau, 1366×768: 邀请司法所 downloads a join file that
// an office database joins with (carrying the office's records), the office's package is
// imported through 导入数据包, and the table then shows the office's 数据截至 and records; the
// report shows it too, with a warning for a period that ends after it; the register lists mark
// the office's records read-only (its name and 数据截至, no 编辑/删除) and still fit 1280×720.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { joinCounty, makePackage } from '../../db/exchange/exchange.ts';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { sampleLedgerPaths, tempDir } from '../support/cli.ts';
import { visible } from './support/on-screen.ts';
import { openRegister } from './support/registers.ts';

let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startTestApp();
  const files = sampleLedgerPaths().map((file) => ({ name: path.basename(file), content: fs.readFileSync(file).toString('base64') }));
  const imported = await app.call('import.commit', { files });
  expect(imported.ok && (imported.value as { ok: boolean }).ok).toBe(true);
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('设置 → 数据交换 at the bureau', () => {
  it('invites an office, and shows its package once imported', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置', exact: true }).click();
    await page.getByRole('heading', { name: '数据交换' }).waitFor();
    await page.getByRole('textbox', { name: '要邀请的司法所' }).fill('城西司法所');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '邀请司法所' }).click()]);
    expect(download.suggestedFilename()).toBe('城西司法所.join');
    await page.getByText('已邀请，尚未收到数据包').waitFor();

    const office = openDatabase(path.join(tempDir('exchange-e2e'), 'west.sqlite'), { create: true });
    try {
      const joined = joinCounty(office, fs.readFileSync(await download.path()), '测试');
      expect(joined.office).toBe('城西司法所');
      expect(joined.records).toBe(office.prepare('SELECT (SELECT count(*) FROM legal_aid_case) + (SELECT count(*) FROM mediation_case) + (SELECT count(*) FROM mediation_org) + (SELECT count(*) FROM mediator) + (SELECT count(*) FROM correction_stint) + (SELECT count(*) FROM correction_event) + (SELECT count(*) FROM consultation) + (SELECT count(*) FROM duty_shift) + (SELECT count(*) FROM dispute_sweep) + (SELECT count(*) FROM correction_activity) + (SELECT count(*) FROM investigation) + (SELECT count(*) FROM remote_visit)').pluck().get());
      expect(joined.records).toBeGreaterThan(100);
      office.prepare("UPDATE legal_aid_case SET note = '所里补充' WHERE id = (SELECT min(id) FROM legal_aid_case)").run();
      const made = makePackage(office, { user: '测试' });
      await page.locator('input[type=file][accept=".sftz"]').setInputFiles({ name: '城西.sftz', mimeType: 'application/octet-stream', buffer: made.file });
      await page.getByText(`已导入城西司法所的数据包（序号 ${made.seq}，1 条记录）`).waitFor();
      const row = page.getByRole('row').filter({ hasText: '生成给该所的数据包' });
      await expect.poll(async () => row.innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+1\s+1\s+/);
    } finally {
      office.close();
    }
    await screenshot(page, 'settings-exchange');
  }, 120_000);

  it('shows the office’s 数据截至 beside the report, and warns when it is older than the period’s end', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计报表', exact: true }).click();
    const dataAsOf = page.getByTestId('offices-data-as-of');
    await page.locator('select[aria-label="年度"]').selectOption('2024');
    await page.getByRole('button', { name: '生成报表' }).click();
    await expect.poll(() => page.getByTestId('report-title').innerText(), { timeout: 60_000 }).toContain('2024-01-01 至 2024-12-31');
    // The package was made today, after 2024 ended: the year's figures have the office's records.
    await expect.poll(() => dataAsOf.innerText(), { timeout: 60_000 }).toMatch(/^各司法所的数据截至时间：\s*城西司法所 · 数据截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const thisYear = new Date().getFullYear();
    await page.locator('select[aria-label="年度"]').selectOption(String(thisYear));
    await page.getByRole('button', { name: '生成报表' }).click();
    await expect.poll(() => page.getByTestId('report-title').innerText(), { timeout: 60_000 }).toContain(`${thisYear}-01-01 至 ${thisYear}-12-31`);
    await expect.poll(() => dataAsOf.innerText(), { timeout: 60_000 }).toContain(`早于统计期末 ${thisYear}-12-31，该所的数字可能不全`);
    expect(await dataAsOf.innerText()).toContain('1 个所的数据早于统计期末');
    await screenshot(page, 'report-data-as-of');
  }, 120_000);

  it('marks the office’s records read-only in the lists, with its 数据截至 and where to edit them, at 1280×720', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openRegister(page, '/mediation/cases', '人民调解案件');
    const rows = page.locator('main table tbody tr');
    await page.getByRole('textbox', { name: '搜索' }).fill('城西调字');
    const west = rows.filter({ hasText: '城西调字' }).first();
    const mark = west.getByTestId('read-only-mark');
    await expect.poll(() => mark.innerText()).toMatch(/^城西司法所 · 数据截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await mark.getAttribute('title')).toBe('此记录由城西司法所录入，请在该所修改');
    expect(await west.getByRole('button', { name: /^(编辑|删除)「/ }).count()).toBe(0);
    expect(await visible(mark)).toBeNull();
    await screenshot(page, 'list-read-only-office-1280x720');

    // Another office's records are still the bureau's to edit.
    await page.getByRole('textbox', { name: '搜索' }).fill('城南调字');
    const south = rows.filter({ hasText: '城南调字' }).first();
    await south.getByRole('button', { name: /^编辑「/ }).waitFor();
    expect(await south.getByTestId('read-only-mark').count()).toBe(0);

    // The record opened: its mark and where to change it, no 编辑 or 删除.
    await page.getByRole('textbox', { name: '搜索' }).fill('城西调字');
    await west.locator('td').first().click();
    const detail = page.getByRole('dialog');
    await expect.poll(() => detail.getByTestId('read-only-mark').innerText()).toContain('此记录由城西司法所录入，请在该所修改');
    expect(await detail.getByRole('button', { name: /^(编辑|删除)$/ }).count()).toBe(0);
  }, 120_000);
});
