// A clerk's day over the sample county, on the list side (issue 8): every list's search takes
// any text and never shows English or SQL, a failed list shows no stale rows under its error;
// the one 调解中 threshold set in 设置 is what the home page and the report both warn at; and
// the proposed 法律援助 number is the next of the county's series, under the administrator's
// pattern when one is set.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registers } from '../../db/registers/index.ts';
import { registerRoutes } from '../../renderer/common/routes.ts';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { sampleLedgerPaths } from '../support/cli.ts';
import { formDrawer, openRegister, pick } from './support/registers.ts';

const TODAY = '2025-03-01';
const awkwardTexts = ['公园', "O'Brien", '(2024', ')', '100%', 'a_b', '😀', "'; DROP TABLE office; --", 'SELECT'];

let app: TestApp;
let browser: Browser;
let page: Page;

const titleOf = (register: string) => registers.find((candidate) => candidate.name === register)!.title;

/** Every row a list query answers, read 500 at a time. */
async function allRows<T>(register: string, query: object): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const listed = await app.call(`${register}.list`, { ...query, offset, limit: 500 });
    if (!listed.ok) throw new Error(listed.error.message);
    const page = listed.value as { total: number; rows: T[] };
    rows.push(...page.rows);
    if (rows.length >= page.total) return rows;
  }
}

/** Every alert's text on the page. */
const alerts = () => page.getByRole('alert').allInnerTexts();

/** 保存 of 设置's 工作规则 form (the page has other forms with their own 保存). */
const workingRulesSave = () =>
  page.locator('form').filter({ has: page.getByRole('textbox', { name: '“调解中”超过多少天提醒' }) }).getByRole('button', { name: '保存', exact: true });

async function goTo(link: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: link, exact: true }).click();
}

beforeAll(async () => {
  app = await startTestApp({ today: TODAY });
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

describe('list search', () => {
  it.each(registerRoutes.map((route) => [route.label, route] as const))('%s: any text is searched, in Chinese only', async (_label, route) => {
    await openRegister(page, route.path, titleOf(route.register));
    const box = page.getByRole('textbox', { name: '搜索' });
    for (const text of awkwardTexts) {
      await box.fill(text);
      // The list settles on rows or on 没有符合条件的记录, and no error is shown.
      await expect.poll(async () => (await page.locator('main').innerText()).includes('没有符合条件的记录') || (await page.locator('main table tbody tr td').count()) > 1).toBe(true);
      await page.waitForFunction(() => !document.querySelector('main .mantine-Loader-root'));
      const shown = await alerts();
      expect(shown.filter((alert) => /[A-Za-z]{3,}|syntax|near/.test(alert) || alert.includes('错误')), `${route.label}「${text}」`).toEqual([]);
    }
    await box.fill('');
  });

  it('a list that cannot be read shows its error in Chinese and no stale rows', async () => {
    await openRegister(page, '/legal-aid/consultations', '法律咨询');
    const rows = page.locator('main table tbody tr td');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await page.route('**/api/consultation.list', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { kind: 'internal', message: '程序内部错误，操作未完成，已保存的数据不受影响。请重试；仍不行请联系管理员。' } }) }),
    );
    await page.getByRole('textbox', { name: '搜索' }).fill('城西');
    await page.getByRole('alert').filter({ hasText: '程序内部错误' }).waitFor();
    expect(await page.locator('main table tbody tr', { hasText: /\d{4}-\d{2}-\d{2}/ }).count()).toBe(0);
    await page.unroute('**/api/consultation.list');
    await page.getByRole('textbox', { name: '搜索' }).fill('');
  });
});

describe('one 调解中 threshold', () => {
  /** Pending cases received before `asOf` minus `days`, counted from the list apart from report.quality. */
  async function pendingOver(days: number): Promise<number> {
    const limit = new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    const pending = await allRows<{ received_on: string }>('mediationCase', { filters: { result: 'pending' } });
    return pending.filter((row) => row.received_on < limit).length;
  }

  it('is set in 设置 and used by the home page and the report alike', async () => {
    await goTo('首页');
    const homeWarning = page.locator('[data-code="mediation.pending_overdue"]');
    await expect.poll(() => homeWarning.innerText()).toContain(`${await pendingOver(30)} 件人民调解案件“调解中”已超过30天`);

    await goTo('设置');
    const days = page.getByRole('textbox', { name: '“调解中”超过多少天提醒' });
    await days.fill('20');
    await workingRulesSave().click();
    await page.getByText('工作规则已保存').first().waitFor();

    expect(await pendingOver(20)).toBeGreaterThan(await pendingOver(30));
    const expected = `${await pendingOver(20)} 件人民调解案件“调解中”已超过20天`;
    await goTo('首页');
    await expect.poll(() => homeWarning.innerText()).toContain(expected);
    await goTo('统计报表');
    await page.locator('select[aria-label="年度"]').selectOption('2025');
    await page.getByRole('button', { name: '生成报表' }).click();
    await expect.poll(() => page.locator('[data-code="mediation.pending_overdue"]').innerText(), { timeout: 60_000 }).toContain(expected);
  }, 180_000);
});

describe('the legal-aid and correction reminders', () => {
  const dayBefore = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

  /** Granted legal-aid cases still open today and received more than `days` days ago, counted from the list. */
  async function openLegalAidOver(days: number): Promise<number> {
    const cases = await allRows<{ review_result: string; received_on: string; closed_on: string | null }>('legalAidCase', {});
    return cases.filter((row) => row.review_result === 'granted' && row.received_on < dayBefore(days) && (row.closed_on === null || row.closed_on > TODAY)).length;
  }

  /** People under correction today whose term ends within `days` days, counted from the list. */
  async function correctionEndingWithin(days: number): Promise<number> {
    const stints = await allRows<{ entered_on: string; exited_on: string | null; term_end: string }>('correctionStint', {});
    return stints.filter((row) => row.exited_on === null && row.entered_on <= TODAY && row.term_end >= TODAY && row.term_end <= dayBefore(-days)).length;
  }

  it('follow the day counts set in 设置', async () => {
    await goTo('首页');
    const legalAid = page.locator('[data-code="legal_aid.open_overdue"]');
    const correction = page.locator('[data-code="correction.term_ending_soon"]');
    await expect.poll(() => legalAid.innerText()).toContain(`${await openLegalAidOver(90)} 件法律援助案件受理已超过90天仍未结案`);
    await expect.poll(() => correction.innerText()).toContain(`${await correctionEndingWithin(30)} 名社区矫正对象将在30天内矫正期满`);

    await goTo('设置');
    await page.getByRole('textbox', { name: '法律援助案件受理超过多少天未结案提醒' }).fill('60');
    await page.getByRole('textbox', { name: '社区矫正期满前多少天提醒' }).fill('60');
    await workingRulesSave().click();
    await page.getByText('工作规则已保存').first().waitFor();

    expect(await openLegalAidOver(60)).toBeGreaterThan(await openLegalAidOver(90));
    expect(await correctionEndingWithin(60)).toBeGreaterThan(await correctionEndingWithin(30));
    await goTo('首页');
    await expect.poll(() => legalAid.innerText()).toContain(`${await openLegalAidOver(60)} 件法律援助案件受理已超过60天仍未结案`);
    await expect.poll(() => correction.innerText()).toContain(`${await correctionEndingWithin(60)} 名社区矫正对象将在60天内矫正期满`);
  }, 120_000);
});

describe('proposed 法律援助 numbers', () => {
  /** The county's highest 2025 法律援助 sequence, read from every office's numbers. */
  async function countyHighest(): Promise<number> {
    const numbered = await allRows<{ case_no: string }>('legalAidCase', { search: '(2025)' });
    const sequences = numbered.map((row) => Number(/第(\d+)号$/.exec(row.case_no)?.[1] ?? 0));
    return Math.max(...sequences);
  }

  async function proposedFor(office: string): Promise<string> {
    await openRegister(page, '/legal-aid/cases', '法律援助案件');
    await page.keyboard.press('Alt+N');
    await formDrawer(page).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' && document.activeElement.closest('[role=dialog]'));
    await pick(page, office);
    await page.keyboard.type('2025-02-27');
    await page.keyboard.press('Enter');
    const caseNo = formDrawer(page).getByRole('textbox', { name: '案件编号' });
    await expect.poll(() => caseNo.inputValue()).not.toBe('');
    const value = await caseNo.inputValue();
    await page.keyboard.press('Escape');
    // Closed at once, or after confirming that the typed values are dropped.
    const discard = page.getByRole('button', { name: '放弃并关闭' });
    await Promise.race([formDrawer(page).waitFor({ state: 'hidden' }), discard.waitFor().then(() => discard.click())]);
    await formDrawer(page).waitFor({ state: 'hidden' });
    return value;
  }

  it('an office gets the next number of the county series, under the pattern set in 设置', async () => {
    const next = String((await countyHighest()) + 1).padStart(4, '0');
    expect(await proposedFor('城西司法所')).toBe(`(2025)湘法援字第${next}号`);

    await goTo('设置');
    await page.getByRole('textbox', { name: '法律援助案件编号格式' }).fill('({年})湘法援字第{序号}号');
    await page.getByRole('button', { name: '保存', exact: true }).last().click();
    await page.getByText('工作规则已保存').first().waitFor();
    await screenshot(page, 'settings-working-rules');
    expect(await proposedFor('太平司法所')).toBe(`(2025)湘法援字第${next}号`);

    await goTo('设置');
    await page.getByText('各单位分别编号').nth(1).click();
    await page.getByRole('textbox', { name: '法律援助案件编号格式' }).fill('({年})湘法援字第{序号}号');
    await page.getByRole('button', { name: '保存', exact: true }).last().click();
    await page.getByText(/按单位分别编号时，编号格式必须包含\{单位\}/).waitFor();
  });
});

describe('the report page', () => {
  it('keeps the last report when the user goes elsewhere and comes back', async () => {
    await goTo('统计报表');
    await page.locator('select[aria-label="年度"]').selectOption('2024');
    await page.getByRole('button', { name: '生成报表' }).click();
    const title = page.getByTestId('report-title');
    await expect.poll(() => title.innerText(), { timeout: 60_000 }).toContain('2024-01-01 至 2024-12-31');
    await expect.poll(() => page.getByTestId('generated-at').innerText(), { timeout: 60_000 }).not.toContain('计算中');
    const figures = await page.locator('tr[data-indicator-id]').allInnerTexts();
    const generatedAt = await page.getByTestId('generated-at').innerText();
    await goTo('调解案件');
    await page.getByRole('heading', { level: 2, name: '人民调解案件' }).waitFor();
    await goTo('统计报表');
    expect(await title.innerText()).toContain('2024-01-01 至 2024-12-31');
    expect(await page.getByTestId('generated-at').innerText()).toBe(generatedAt);
    expect(await page.locator('tr[data-indicator-id]').allInnerTexts()).toEqual(figures);
    expect(await page.locator('select[aria-label="年度"]').inputValue()).toBe('2024');
  }, 180_000);
});

describe('the audit log', () => {
  it('reads as a person: the case number, the user’s name, labels and amounts in 元', async () => {
    const listed = await app.call('mediationCase.list', { offset: 0, limit: 1 });
    if (!listed.ok) throw new Error(listed.error.message);
    const row = (listed.value as { rows: { id: number; case_no: string }[] }).rows[0]!;
    const stored = await app.call('mediationCase.get', { id: row.id });
    if (!stored.ok) throw new Error(stored.error.message);
    const record = stored.value as Record<string, unknown>;
    const fields = Object.fromEntries(
      ['case_no', 'org_id', 'received_on', 'source', 'dispute_type', 'parties', 'mediator_ids', 'result', 'closed_on', 'agreement_form', 'performance', 'failure_route', 'difficulty', 'note', 'party_count'].filter((name) => name in record).map((name) => [name, record[name]]),
    );
    const updated = await app.call('mediationCase.update', { id: row.id, record: { ...fields, amount_fen: 350_000 } });
    if (!updated.ok) throw new Error(updated.error.message);

    await goTo('审计日志');
    await page.getByRole('heading', { level: 2, name: '审计日志' }).waitFor();
    const first = page.locator('main table tbody tr:has([data-action])').first();
    await expect.poll(() => first.innerText()).toContain(row.case_no);
    const text = await first.innerText();
    expect(text).toContain('系统管理员');
    expect(text).toContain('修改（人民调解案件）');
    expect(text).toContain('涉及金额(元)');
    expect(text).not.toMatch(/#\d|amount_fen|mediationCase/);
    await page.getByRole('button', { name: /^展开第 \d+ 条$/ }).first().click();
    const details = page.getByTestId('audit-details').first();
    await details.waitFor();
    expect(await details.innerText()).toContain('3,500.00 元');
    expect(await details.innerText()).not.toContain('350000');
    await screenshot(page, 'audit-readable');

    // 内容 finds what the log shows (the amount in 元), not the stored field name or fen.
    const entries = page.locator('main table tbody tr:has([data-action])');
    const searchFor = async (text: string) => {
      await page.getByLabel('内容').fill(text);
      await page.getByRole('button', { name: '查询' }).click();
    };
    await searchFor('3,500.00 元');
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().innerText()).toContain(row.case_no);
    await searchFor('amount_fen');
    await expect.poll(() => entries.count()).toBe(0);
  });
});

describe('report drill-down', () => {
  it('opens a record from a row with Tab and Enter, exports the whole list to Excel, and the report is there on return', async () => {
    await goTo('统计报表');
    await page.locator('select[aria-label="年度"]').selectOption('2024');
    await page.getByRole('button', { name: '生成报表' }).click();
    const figure = page.locator('tr[data-indicator-id="mediation.cases.received"] [data-testid=figure]');
    await expect.poll(() => page.getByTestId('report-title').innerText(), { timeout: 60_000 }).toContain('2024-01-01 至 2024-12-31');
    await figure.click();
    const dialog = page.getByRole('dialog');
    const total = Number((await dialog.getByTestId('drill-total').filter({ hasText: /\d/ }).innerText()).replace(/,/g, ''));

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: '导出Excel' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('记录明细')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('案件编号');
    expect(sheet.rowCount - 2).toBe(total);

    // Tab from the export button reaches the first row's link; Enter opens the record.
    const firstLink = dialog.locator('tbody tr').first().getByRole('link');
    const caseNo = (await firstLink.innerText()).trim();
    await dialog.getByRole('button', { name: '导出Excel' }).focus();
    for (let presses = 0; presses < 10 && !(await firstLink.evaluate((link) => link === document.activeElement)); presses++) await page.keyboard.press('Tab');
    expect(await firstLink.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog').filter({ hasText: caseNo });
    await detail.waitFor();
    expect(await detail.getByRole('button', { name: '编辑' }).count()).toBe(1);
    await screenshot(page, 'drill-down-record');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    await goTo('统计报表');
    expect(await page.getByTestId('report-title').innerText()).toContain('2024-01-01 至 2024-12-31');
  }, 180_000);
});
