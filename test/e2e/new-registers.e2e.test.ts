// Browser tests of the registers of registers.md §6, the way a clerk works: a 法律顾问服务 typed
// with the keyboard only, its adviser picked from those in post on the service's date and its
// village from that adviser's villages; the record found in the list, deleted and the delete
// undone. A stint saved as 期满解除 offers the person's 安置帮教 record, prefilled.
// What the database holds is checked through the harness's direct `call`.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { enterUntil, focusedLabel, formDrawer, openRegister, typeKeys } from './support/registers.ts';

/** A valid 身份证号码 (GB 11643 checksum). */
const ID_NUMBER = '11010519491231002X';

let app: TestApp;
let browser: Browser;
let page: Page;
const ids: Record<string, number> = {};

async function created(method: string, input: object): Promise<number> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return (result.value as { id: number }).id;
}

async function listed(register: string, query: object): Promise<{ total: number; rows: Record<string, unknown>[] }> {
  const result = await app.call(`${register}.list`, query);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { total: number; rows: Record<string, unknown>[] };
}

async function formFocused(): Promise<void> {
  await formDrawer(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' && document.activeElement.closest('[role=dialog]'));
}

async function expectSaved(): Promise<void> {
  await formDrawer(page).waitFor({ state: 'hidden' });
  const notification = page.getByRole('alert').filter({ hasText: /已保存「/ });
  await notification.first().waitFor();
  await notification.first().getByRole('button').press('Enter');
  await notification.first().waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  app = await startTestApp({ today: '2025-03-01' });
  ids.chengxi = await created('office.create', { name: '城西司法所' });
  ids.chengnan = await created('office.create', { name: '城南司法所' });
  ids.lin = await created('legalAdviser.create', {
    record: { name: '林律师', office_id: ids.chengxi, identity: 'lawyer', villages: '东村、西村', appointed_on: '2023-01-01' },
  });
  // Left on 2024-05-01: not in post on the service's date.
  ids.chen = await created('legalAdviser.create', {
    record: { name: '陈律师', office_id: ids.chengxi, identity: 'lawyer', villages: '东村', appointed_on: '2020-01-01', dismissed_on: '2024-05-01' },
  });
  ids.stint = await created('correctionStint.create', {
    record: {
      name: '赵六',
      id_number: ID_NUMBER,
      office_id: ids.chengxi,
      category: 'probation',
      crime: '危险驾驶罪',
      term_start: '2024-01-01',
      term_end: '2024-12-31',
      entered_on: '2024-01-03',
    },
  });
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('法律顾问服务', () => {
  it('is typed with the keyboard only, the adviser picked from those in post that day and the village from theirs', async () => {
    await openRegister(page, '/legal-advisers/services', '法律顾问服务');
    await page.keyboard.press('Alt+N');
    await formFocused();
    await expect.poll(() => focusedLabel(page)).toBe('日期');
    await typeKeys(page, ['2024-05-06', { pick: '城西' }]);
    await expect.poll(() => focusedLabel(page)).toBe('法律顾问');
    // 陈律师 left on 2024-05-01: not offered.
    await page.keyboard.type('陈');
    await expect.poll(() => page.locator('[data-combobox-option]', { hasText: '陈律师' }).count()).toBe(0);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await typeKeys(page, [{ pick: '林', option: '林律师' }]);
    await expect.poll(() => focusedLabel(page)).toBe('服务村(居)');
    await typeKeys(page, [{ pick: '西村' }, { pick: '法律咨询' }]);
    await expect.poll(() => focusedLabel(page)).toBe('数量');
    await page.keyboard.press('Control+a');
    await typeKeys(page, ['3']);
    await expect.poll(() => focusedLabel(page)).toBe('备注');
    await page.keyboard.type('土地承包合同咨询');
    await screenshot(page, 'new-registers-adviser-service-form');
    await page.keyboard.press('Control+s');
    await expectSaved();

    const { total, rows } = await listed('legalAdviserService', { search: '西村' });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      served_on: '2024-05-06',
      office_id: ids.chengxi,
      adviser_id: ids.lin,
      village: '西村',
      service_type: 'consultation',
      quantity: 3,
      note: '土地承包合同咨询',
    });
  });

  it('is listed, found by the adviser\'s name, deleted and the delete undone', async () => {
    const box = page.getByRole('textbox', { name: '搜索' });
    await box.fill('林律师');
    const row = page.locator('main table tbody tr', { hasText: '西村' });
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.innerText()).resolves.toMatch(/2024-05-06[\s\S]*城西司法所[\s\S]*林律师[\s\S]*西村[\s\S]*法律咨询[\s\S]*3/);
    await screenshot(page, 'new-registers-adviser-service-list');
    await row.getByRole('button', { name: /^删除「/ }).click();
    await page.getByRole('dialog').filter({ hasText: '确定删除' }).getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(async () => (await listed('legalAdviserService', {})).total).toBe(0);
    await page.getByRole('button', { name: '撤销' }).click();
    await page.mouse.move(400, 700);
    await expect.poll(async () => (await listed('legalAdviserService', {})).total).toBe(1);
    await expect.poll(() => row.count()).toBe(1);
  });
});

describe('安置帮教 after 期满解除', () => {
  it('offers the released person\'s record, prefilled, and saves it once the clerk adds the 衔接日期', async () => {
    await openRegister(page, '/correction/stints', '社区矫正对象');
    await page.getByRole('button', { name: '编辑「赵六（入矫 2024-01-03）」' }).click();
    const stintForm = formDrawer(page);
    await formFocused();
    await stintForm.getByLabel('解矫日期').fill('2024-12-31');
    await stintForm.getByLabel('解矫类型').focus();
    await typeKeys(page, [{ pick: '期满解除' }]);
    await page.keyboard.press('Control+s');
    const offer = page.getByRole('dialog').filter({ hasText: '是否为其建立安置帮教记录' });
    await offer.waitFor();
    await expect(offer.innerText()).resolves.toContain('赵六已于2024-12-31解除社区矫正');
    await screenshot(page, 'new-registers-resettlement-offer');
    await page.keyboard.press('Enter');

    const form = page.getByRole('dialog').filter({ hasText: '新增安置帮教对象' });
    await form.waitFor();
    await expect(form.getByLabel('姓名').inputValue()).resolves.toBe('赵六');
    await expect(form.getByLabel('身份证号码').inputValue()).resolves.toBe(ID_NUMBER);
    await expect(form.getByLabel('释放日期').inputValue()).resolves.toBe('2024-12-31');
    await expect(form.getByLabel('帮教期满日期').inputValue()).resolves.toBe('2029-12-31');
    await formFocused();
    await enterUntil(page, '衔接日期');
    await typeKeys(page, ['2025-01-02', { pick: '必接必送' }]);
    await screenshot(page, 'new-registers-resettlement-form');
    await page.keyboard.press('Control+s');
    await form.waitFor({ state: 'hidden' });

    const { total, rows } = await listed('resettlement', { search: '赵六' });
    expect(total).toBe(1);
    const stored = await app.call('resettlement.get', { id: rows[0]!.id });
    expect(stored.ok && stored.value).toMatchObject({
      name: '赵六',
      id_number: ID_NUMBER,
      office_id: ids.chengxi,
      person_type: 'correction',
      original_crime: '危险驾驶罪',
      released_on: '2024-12-31',
      taken_over_on: '2025-01-02',
      handover_method: 'handover',
      resettlement_method: null,
      help_ends_on: '2029-12-31',
    });
  });
});
