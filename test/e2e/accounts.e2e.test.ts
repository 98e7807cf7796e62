// Browser test of accounts and roles over the sample county: the administrator adds a 录入员 of
// 城西司法所 in 用户管理 with the keyboard, logs out; the clerk logs in and sees only what the
// role allows — no 设置/用户管理/备份与恢复/审计日志 in the navigation (导入 for 录入员 only), 没有权限 for a typed
// address, the lists fixed to 城西司法所 with exactly that office's records, the report's scope
// fixed too. A 查看 account sees no 新增/编辑/删除. A clerk locked out by wrong passwords is
// unlocked and given a new password in 用户管理. Screenshots of 用户管理 and the clerk's list.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { sampleLedgerPaths } from '../support/cli.ts';

const CLERK = { username: 'chengxi', displayName: '李晓华', password: 'Chengxi2025' };
const VIEWER = { username: 'viewer1', displayName: '赵查看', password: 'Viewer2025x' };

let app: TestApp;
let browser: Browser;
let page: Page;
let chengxiId: number;

async function value<T>(method: string, input: object = {}): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

function navigation() {
  return page.getByRole('navigation', { name: '主导航' });
}

async function open(link: string): Promise<void> {
  await navigation().getByRole('link', { name: link, exact: true }).click();
}

/** The passwords users chose at their first login, by username (the administrator's was given to them). */
const chosen = new Map<string, string>();

/**
 * 退出, then logs in on the login page with the keyboard (Tab between the fields, Enter); a
 * password the administrator gave is changed first, as the app asks, and remembered.
 */
async function switchUser(account: { username: string; password: string }): Promise<void> {
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByRole('heading', { name: '登录' }).waitFor();
  const password = chosen.get(account.username) ?? account.password;
  await page.keyboard.type(account.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  const firstPassword = page.getByRole('heading', { name: '请设置您自己的密码' });
  await page.getByTestId('user-bar').or(firstPassword).waitFor();
  if (await firstPassword.isVisible()) {
    const own = `${password}Ziji`;
    await page.keyboard.type(password);
    await page.keyboard.press('Tab');
    await page.keyboard.type(own);
    await page.keyboard.press('Tab');
    await page.keyboard.type(own);
    await page.keyboard.press('Enter');
    chosen.set(account.username, own);
    await page.getByTestId('user-bar').waitFor();
  }
}

/** The total the register list shows beside its title (共 N 条). */
async function listedTotal(): Promise<number> {
  const total = page.getByRole('heading', { level: 2 }).locator('..').getByText(/^共 [\d,]+ 条$/);
  return Number((await total.innerText()).replace(/[^\d]/g, ''));
}

beforeAll(async () => {
  app = await startTestApp({ today: '2025-03-01' });
  const files = sampleLedgerPaths().map((file) => ({ name: path.basename(file), content: fs.readFileSync(file).toString('base64') }));
  const imported = await value<{ ok: boolean }>('import.commit', { files });
  expect(imported.ok).toBe(true);
  chengxiId = (await value<{ id: number; name: string }[]>('office.list')).find((office) => office.name === '城西司法所')!.id;
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await page.getByTestId('user-bar').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('accounts and roles', () => {
  it('lets the administrator add a 录入员 of one office with the keyboard', async () => {
    await open('用户管理');
    await page.getByTestId('users').locator(`tr[data-username="${TEST_ADMIN.username}"]`).waitFor();
    await page.keyboard.press('Alt+N');
    const dialog = page.getByRole('dialog', { name: '新增用户' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.autocomplete)).toBe('off');
    await page.keyboard.type(CLERK.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(CLERK.displayName);
    await page.keyboard.press('Tab');
    // 角色 starts at 录入员; 所属单位 is picked with the arrow keys, as on any select.
    expect(await dialog.getByLabel('角色').inputValue()).toBe('clerk');
    await page.keyboard.press('Tab');
    await dialog.getByLabel('所属单位').selectOption({ label: '城西司法所' });
    await page.keyboard.press('Tab');
    await page.keyboard.type(CLERK.password);
    await page.keyboard.press('Tab');
    await page.keyboard.type(CLERK.password);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByTestId('users').locator(`tr[data-username="${CLERK.username}"]`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/李晓华\s+录入员\s+城西司法所\s+正常/);
    const users = await value<{ username: string; role: string; officeId: number | null; disabled: boolean }[]>('users.list');
    expect(users.find((user) => user.username === CLERK.username)).toMatchObject({ role: 'clerk', officeId: chengxiId, disabled: false });
    await screenshot(page, 'users');
  });

  it('shows the clerk only what a 录入员 of 城西司法所 may use', async () => {
    // What the administrator sees of 城西司法所 in the list's first page (its default order: newest first).
    const dateField = (await value<{ name: string; dateField: string }[]>('registers.describe')).find((register) => register.name === 'mediationCase')!.dateField;
    const chengxi = await value<{ total: number; rows: { case_no: string }[] }>('mediationCase.list', {
      officeId: chengxiId,
      sort: dateField,
      descending: true,
      limit: 50,
    });
    const chengxiCases = chengxi.total;
    const allCases = (await value<{ total: number }>('mediationCase.list', { limit: 1 })).total;
    expect(chengxiCases).toBeGreaterThan(0);
    expect(chengxiCases).toBeLessThan(allCases);

    await switchUser(CLERK);
    await expect(page.getByTestId('user-bar').innerText()).resolves.toMatch(/李晓华\s*录入员\s*城西司法所/);
    const links = await navigation().getByRole('link').allInnerTexts();
    expect(links).toEqual(expect.arrayContaining(['首页', '调解案件', '统计报表']));
    for (const hidden of ['设置', '用户管理', '备份与恢复', '审计日志']) expect(links).not.toContain(hidden);
    // 录入员 imports their own office's ledger (issue 8, point 13).
    expect(links).toContain('导入');

    await open('调解案件');
    await page.getByRole('heading', { level: 2, name: '人民调解案件' }).waitFor();
    await expect.poll(listedTotal).toBe(chengxiCases);
    const office = page.locator('main input[aria-label="单位"]');
    expect(await office.inputValue()).toBe('城西司法所');
    expect(await office.isDisabled()).toBe(true);
    expect(await page.locator('main table tbody tr td:nth-child(1)').allInnerTexts()).toEqual(chengxi.rows.map((row) => row.case_no));
    expect(await page.getByRole('button', { name: '新增人民调解案件' }).isVisible()).toBe(true);
    await screenshot(page, 'clerk-list');

    await open('统计报表');
    const scope = page.getByRole('combobox', { name: '范围' });
    await expect.poll(() => scope.locator('option:checked').innerText()).toBe('城西司法所');
    expect(await scope.isDisabled()).toBe(true);

    await page.evaluate(() => {
      window.location.hash = '#/settings';
    });
    await page.getByRole('alert').filter({ hasText: '没有权限' }).waitFor();
  });

  it('gives a 查看 account no way to add, change or delete', async () => {
    await switchUser(TEST_ADMIN);
    const created = await app.call('users.create', { ...VIEWER, role: 'viewer', officeId: null });
    expect(created.ok).toBe(true);
    await switchUser(VIEWER);
    await open('调解案件');
    await page.getByRole('heading', { level: 2, name: '人民调解案件' }).waitFor();
    await expect.poll(listedTotal).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^新增/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(编辑|删除)「/ }).count()).toBe(0);
    await page.locator('main table tbody tr').first().click();
    const detail = page.getByRole('dialog').filter({ hasText: '人民调解案件：' });
    await detail.waitFor();
    expect(await detail.getByRole('button', { name: /^(编辑|删除|恢复)$/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await navigation().getByRole('link', { name: '导入', exact: true }).count()).toBe(0);
  });

  it('lets the administrator unlock a clerk locked out by wrong passwords and reset the password', async () => {
    await switchUser(TEST_ADMIN);
    // Five wrong passwords lock the account for 15 minutes (the administrator stays logged in).
    for (let attempt = 1; attempt <= 5; attempt++) {
      const refused = await app.call('session.login', { username: CLERK.username, password: 'NotHers2025' });
      expect(refused.ok).toBe(false);
    }
    await open('用户管理');
    const row = page.getByTestId('users').locator(`tr[data-username="${CLERK.username}"]`);
    await row.getByText(/^已锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/).waitFor();
    await row.getByRole('button', { name: '解锁' }).click();
    await row.getByText('正常', { exact: true }).waitFor();

    await row.getByRole('button', { name: `重设「${CLERK.username}」的密码` }).click();
    const dialog = page.getByRole('dialog', { name: /^重设密码：李晓华/ });
    await dialog.waitFor();
    const newPassword = 'Reset2025cx';
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
    await page.keyboard.type(newPassword);
    await page.keyboard.press('Tab');
    await page.keyboard.type(newPassword);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    chosen.delete(CLERK.username);
    await switchUser({ username: CLERK.username, password: newPassword });
    await expect(page.getByTestId('user-bar').innerText()).resolves.toContain('李晓华');
  });
});
