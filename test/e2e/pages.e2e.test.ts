// Browser test of every main page at 1366×768 over the sample county: 设置 takes the bureau's
// name (首次使用 asks it first: session.e2e.test.ts), each page renders (no error alert) and is
// saved as a screenshot under test/artifacts/screenshots/, and Chinese text is drawn with a CJK
// font (not empty boxes).

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, platformFonts, screenshot } from '../support/browser.ts';
import { sampleExtraPaths, sampleLedgerPaths } from '../support/cli.ts';

const bureauName = '潮州市湘桥区司法局';

const registerPages = [
  ['mediation-cases', '调解案件'],
  ['mediation-orgs', '调解组织'],
  ['mediation-mediators', '调解员'],
  ['mediation-sweeps', '矛盾纠纷排查'],
  ['legal-aid-cases', '援助案件'],
  ['legal-aid-consultations', '法律咨询'],
  ['legal-aid-duty', '值班律师'],
  ['correction-stints', '矫正对象'],
  ['correction-events', '矫正事件'],
  ['correction-activities', '教育活动'],
  ['correction-investigations', '调查评估'],
  ['correction-remote-visits', '远程会见'],
  // The lines that start folded: their name opens them first.
  ['legal-advisers-services', '顾问服务', '村(居)法律顾问'],
  ['legal-advisers-roster', '法律顾问', '村(居)法律顾问'],
  ['publicity-activities', '普法活动', '普法'],
  ['resettlement-people', '安置帮教对象', '安置帮教'],
] as readonly (readonly [string, string, string?])[];

let app: TestApp;
let browser: Browser;
let page: Page;

async function open(link: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: link, exact: true }).click();
  await page.waitForLoadState('networkidle');
}

async function expectNoErrorAlert(): Promise<void> {
  const alerts = await page.getByRole('alert').allInnerTexts();
  expect(alerts.filter((text) => /出错|未能|失败/.test(text))).toEqual([]);
}

beforeAll(async () => {
  app = await startTestApp();
  const files = [...sampleLedgerPaths(), ...sampleExtraPaths()].map((file) => ({ name: path.basename(file), content: fs.readFileSync(file).toString('base64') }));
  const imported = await app.call('import.commit', { files });
  expect(imported.ok && (imported.value as { ok: boolean }).ok).toBe(true);
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the main pages at 1366×768', () => {
  it('takes the bureau name in 设置', async () => {
    await open('设置');
    await page.getByLabel('本局名称').fill(bureauName);
    await page.getByLabel('本局名称').press('Enter');
    await expect.poll(() => page.getByRole('banner').innerText()).toContain(bureauName);
    const info = await app.call('app.info', {});
    expect(info.ok && (info.value as { bureauName: string }).bureauName).toBe(bureauName);
  });

  it('draws Chinese with a CJK font', async () => {
    expect(await page.title()).toBe('司法台账');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('司法台账');
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"', '司法台账'))).toBe(true);
    const fonts = await platformFonts(page, 'h1');
    expect(fonts.some((font) => /CJK|Hei|Song|Han/i.test(font.familyName) && font.glyphCount >= 4)).toBe(true);
  });

  it('shows 首页 with this year’s counts and reminders', async () => {
    await open('首页');
    await page.locator('[data-indicator-id="correction.active_end"] .figure').waitFor();
    await expectNoErrorAlert();
    await screenshot(page, 'home');
  });

  it('shows every register list', async () => {
    for (const [name, link, line] of registerPages) {
      const navigation = page.getByRole('navigation', { name: '主导航' });
      if (line && !(await navigation.getByRole('link', { name: link, exact: true }).isVisible())) {
        await navigation.getByText(line, { exact: true }).click();
      }
      await open(link);
      await page.locator('main table tbody tr').first().waitFor({ timeout: 15_000 });
      await expectNoErrorAlert();
      await screenshot(page, `register-${name}`);
    }
  });

  it('shows 导入, 统计报表 with figures, and 设置', async () => {
    await open('导入');
    await page.getByTestId('import-history').waitFor();
    await screenshot(page, 'import');

    await open('统计报表');
    await page.locator('select[aria-label="年度"]').selectOption('2024');
    await page.getByRole('button', { name: '生成报表' }).click();
    await page.getByTestId('report-charts').locator('.recharts-line').first().waitFor({ timeout: 60_000 });
    await expectNoErrorAlert();
    await screenshot(page, 'report');

    await open('设置');
    await page.getByTestId('offices').locator('tbody tr').first().waitFor();
    await expectNoErrorAlert();
    await screenshot(page, 'settings');
  });
});
