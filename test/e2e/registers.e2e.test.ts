// Browser tests of the register pages, the way a clerk works: a record typed with the keyboard
// only (Enter to move on, selects picked by typing, Ctrl+S), a mistake shown on its field with
// everything typed kept, the record found by search, edited, deleted and the delete undone.
// What the database holds is checked through the harness's direct `call`, against the values
// typed (12,345.50 元 → 1234550 fen). Screenshots of lists and forms go to test/artifacts/.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { fieldError, focusedLabel, formDrawer, openRegister, typeKeys } from './support/registers.ts';

/** A valid 身份证号码 (GB 11643 checksum X: female, born 1949-12-31); its twin with the last char changed is not. */
const VALID_ID = '11010519491231002X';
const WRONG_CHECKSUM_ID = '110105194912310021';

let app: TestApp;
let browser: Browser;
let page: Page;
const ids: Record<string, number> = {};

async function created(method: string, input: object): Promise<number> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return (result.value as { id: number }).id;
}

/** The one live record the search finds, as stored (child rows included). */
async function storedRecord(register: string, search: string): Promise<Record<string, unknown>> {
  const list = await app.call(`${register}.list`, { search });
  if (!list.ok) throw new Error(list.error.message);
  const { total, rows } = list.value as { total: number; rows: { id: number }[] };
  expect(total).toBe(1);
  const record = await app.call(`${register}.get`, { id: rows[0]!.id });
  if (!record.ok) throw new Error(record.error.message);
  return record.value as Record<string, unknown>;
}

async function liveCount(register: string, search: string): Promise<number> {
  const list = await app.call(`${register}.list`, { search });
  return list.ok ? (list.value as { total: number }).total : -1;
}

/** Opens the new-record form with Alt+N and waits for the first field to have focus. */
async function openNewForm(): Promise<void> {
  await page.keyboard.press('Alt+N');
  await formDrawer(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
}

async function saveWithCtrlS(): Promise<void> {
  await page.keyboard.press('Control+s');
}

async function expectSaved(): Promise<void> {
  await formDrawer(page).waitFor({ state: 'hidden' });
  await page.getByText(/^已保存「/).first().waitFor();
}

/** Searches the list and waits until it shows `rows` rows containing `text`. */
async function search(text: string, rows = 1): Promise<void> {
  const box = page.getByRole('textbox', { name: '搜索' });
  await box.fill(text);
  await expect.poll(() => page.locator('main table tbody tr', { hasText: text }).count()).toBe(rows);
}

/** Deletes the row named `name` (confirming), then undoes it from the notification. */
async function deleteAndUndo(register: string, name: string, searchText: string): Promise<void> {
  await page.getByRole('button', { name: `删除「${name}」` }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '确定删除' });
  await dialog.getByRole('button', { name: '删除', exact: true }).click();
  await expect.poll(() => liveCount(register, searchText)).toBe(0);
  await expect.poll(() => page.locator('main table tbody tr', { hasText: searchText }).count()).toBe(0);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect.poll(() => liveCount(register, searchText)).toBe(1);
  await page.locator('main table tbody tr', { hasText: searchText }).first().waitFor();
}

beforeAll(async () => {
  app = await startTestApp({ today: '2025-03-01' });
  await app.call('settings.update', { bureauName: '测试区司法局' });
  ids.chengxi = await created('office.create', { name: '城西司法所' });
  ids.aidCentre = await created('office.create', { name: '区法律援助中心' });
  ids.org = await created('mediationOrg.create', {
    record: { name: '城西镇人民调解委员会', kind: 'township', office_id: ids.chengxi, founded_on: '2015-03-01' },
  });
  ids.suHai = await created('mediator.create', {
    record: { name: '苏海', org_id: ids.org, employment: 'fulltime', appointed_on: '2020-01-01' },
  });
  ids.liTao = await created('mediator.create', {
    record: { name: '黎涛', org_id: ids.org, employment: 'parttime', appointed_on: '2021-06-01' },
  });
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('人民调解案件', () => {
  const caseNo = '(2024)城西调字第0001号';

  it('is typed with the keyboard only; a 结案日期 before 受理日期 is shown on its field and nothing typed is lost', async () => {
    await openRegister(page, '/mediation/cases', '人民调解案件');
    await openNewForm();
    expect(await focusedLabel(page)).toBe('调解组织');
    await typeKeys(page, [{ pick: '城西镇' }, '2024-03-01']);
    expect(await focusedLabel(page)).toBe('案件编号');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(caseNo);
    await typeKeys(page, [
      '', // keep the proposed number
      { pick: '当事人申请' },
      { pick: '邻里' },
      '张三',
      VALID_ID,
      '申请人',
      '李四',
      '',
      '被申请人',
      '', // a blank name ends the parties
    ]);
    expect(await focusedLabel(page)).toBe('涉及人数');
    await typeKeys(page, ['2', '12,345.50', '' /* 案件难度 stays 一般 */, { pick: '苏' }, { pick: '黎' }, '']);
    expect(await focusedLabel(page)).toBe('调解结果');
    await typeKeys(page, [{ pick: '调解成功' }, '2024-02-01', { pick: '书面' }, { pick: '已履行' }, { tick: true }, '', '', '']);
    expect(await focusedLabel(page)).toBe('备注');
    await page.keyboard.type('当事人达成书面协议');
    await screenshot(page, 'registers-mediation-case-form');
    await saveWithCtrlS();

    const drawer = formDrawer(page);
    await expect.poll(() => fieldError(drawer, '结案日期').innerText()).toBe('早于受理日期');
    await expect(drawer.getByRole('alert').innerText()).resolves.toContain('结案日期早于受理日期');
    await screenshot(page, 'registers-mediation-case-error');
    expect(await focusedLabel(page)).toBe('结案日期');
    await expect(drawer.getByLabel('涉及金额(元)').inputValue()).resolves.toBe('12,345.50');
    await expect(drawer.getByLabel('第1名当事人身份证号码').inputValue()).resolves.toBe(VALID_ID);
    await expect(drawer.getByLabel('备注').inputValue()).resolves.toBe('当事人达成书面协议');
    expect(await liveCount('mediationCase', caseNo)).toBe(0);

    await page.keyboard.press('Control+a');
    await page.keyboard.type('2024-03-15');
    await saveWithCtrlS();
    await expectSaved();

    const stored = await storedRecord('mediationCase', caseNo);
    expect(stored).toMatchObject({
      case_no: caseNo,
      org_id: ids.org,
      received_on: '2024-03-01',
      source: 'apply',
      dispute_type: 'neighbour',
      parties: [
        { name: '张三', id_number: VALID_ID, role: '申请人' },
        { name: '李四', id_number: null, role: '被申请人' },
      ],
      people_count: 2,
      amount_fen: 1234550,
      difficulty: 'ordinary',
      mediator_ids: [ids.suHai, ids.liTao].sort((a, b) => a! - b!),
      result: 'succeeded',
      closed_on: '2024-03-15',
      agreement_form: 'written',
      performance: 'performed',
      failure_route: null,
      prevented_criminal: true,
      prevented_petition: false,
      prevented_fight: false,
      prevented_suicide: false,
      note: '当事人达成书面协议',
    });
  });

  it('is found by search, edited, deleted and the delete undone', async () => {
    await search('0001');
    await expect(page.locator('main table tbody tr').first().innerText()).resolves.toMatch(/城西镇人民调解委员会[\s\S]*邻里[\s\S]*张三、李四[\s\S]*12,345\.50[\s\S]*调解成功/);
    await screenshot(page, 'registers-mediation-case-list');

    await page.getByRole('button', { name: `编辑「${caseNo}」` }).click();
    const drawer = formDrawer(page);
    await drawer.getByLabel('涉及金额(元)').fill('800');
    await saveWithCtrlS();
    await expectSaved();
    expect((await storedRecord('mediationCase', caseNo)).amount_fen).toBe(80000);
    await expect.poll(() => page.locator('main table tbody tr').first().innerText()).toContain('800.00');

    await deleteAndUndo('mediationCase', caseNo, caseNo);
  });
});
