// Browser tests of the way in, at the keyboard: the first start (首次使用 → the recovery code
// shown once, going on only once 「我已抄写或打印恢复码」 is ticked → the app, with the sample data
// one Enter away); a wrong password answered with the API's message; 锁定 (Ctrl+L) and
// unlocking with a half-typed form still there; a page refused while the backend has locked
// the session, shown after unlocking; the idle lock; a new password set with the recovery code,
// and one chosen in 修改密码.
// Screenshots of 首次使用, the recovery code, the welcome, 登录 and the lock screen.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';

const BUREAU = '潮州市湘桥区司法局';
const ADMIN = { username: 'zhangli', displayName: '张丽', password: 'Xiangqiao2025' };

let app: TestApp;
let browser: Browser;
let page: Page;
let recoveryCode: string;

async function appInfo(): Promise<{ bureauName: string | null; recordCount: number }> {
  const info = await app.call('app.info', {});
  if (!info.ok) throw new Error(info.error.message);
  return info.value as { bureauName: string | null; recordCount: number };
}

async function typeAndTab(...texts: string[]): Promise<void> {
  for (const [index, text] of texts.entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(text);
  }
}

async function focusedLabel(): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.replace(/\s*\*$/, '') ?? '');
}

function lockScreen() {
  return page.getByRole('dialog', { name: '已锁定' });
}

/** Unlocks the lock screen: the password field has the focus; Enter. */
async function unlock(password = ADMIN.password): Promise<void> {
  await lockScreen().waitFor();
  await expect.poll(focusedLabel).toBe('密码');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await lockScreen().waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  app = await startTestApp({ today: '2025-03-01', setup: false });
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the first start', () => {
  it('sets up the bureau and its administrator and shows the recovery code once', async () => {
    await page.getByRole('heading', { name: '首次使用' }).waitFor();
    await expect.poll(() => focusedLabel()).toBe('本局名称');
    await screenshot(page, 'setup');

    await typeAndTab(BUREAU, ADMIN.username, ADMIN.displayName, 'short', 'short');
    await page.keyboard.press('Enter');
    const passwordError = page.locator('.mantine-InputWrapper-error').first();
    await passwordError.waitFor();
    await expect(passwordError.innerText()).resolves.toContain('至少 8 位');
    expect(await appInfo().catch(() => null)).toBeNull();

    const password = page.getByLabel(/^密码/);
    await password.fill(ADMIN.password);
    await page.getByLabel(/^再次输入密码/).fill(`${ADMIN.password}x`);
    await page.keyboard.press('Enter');
    await page.getByText('两次输入的密码不一致').waitFor();
    await page.getByLabel(/^再次输入密码/).fill(ADMIN.password);
    await page.keyboard.press('Enter');

    const code = page.getByTestId('recovery-code');
    await code.waitFor();
    recoveryCode = (await code.innerText()).trim();
    expect(recoveryCode.length).toBeGreaterThanOrEqual(16);
    const proceed = page.getByRole('button', { name: '继续' });
    expect(await proceed.isDisabled()).toBe(true);
    await screenshot(page, 'recovery-code');

    // 打印恢复码 has the focus: Tab to the box, Space ticks it, Tab to 继续, Enter.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('打印恢复码');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await proceed.isDisabled()).toBe(false);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: '欢迎使用司法台账' }).waitFor();
    expect((await appInfo()).bureauName).toBe(BUREAU);
  });

  it('offers the sample data one Enter away', async () => {
    const welcome = page.getByRole('dialog', { name: '欢迎使用司法台账' });
    await welcome.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('载入示例数据');
    await screenshot(page, 'first-run-welcome');
    await page.keyboard.press('Enter');
    await welcome.waitFor({ state: 'hidden', timeout: 60_000 });
    await page.locator('[data-indicator-id="mediation.cases.received"] .figure').waitFor();
    expect((await appInfo()).recordCount).toBeGreaterThan(0);
    await expect(page.getByTestId('user-bar').innerText()).resolves.toMatch(/张丽\s*管理员\s*局机关（全局）/);
    await expect(page.getByRole('banner').innerText()).resolves.toContain(BUREAU);
  });
});

describe('logging in and locking', () => {
  it('answers a wrong password with the message of the API', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await expect.poll(() => focusedLabel()).toBe('用户名');
    await typeAndTab(ADMIN.username, 'NotThePassword1');
    await page.keyboard.press('Enter');
    const message = page.locator('form').getByRole('alert');
    await message.waitFor();
    // Five tries before a 15-minute lock: one used, four left.
    await expect(message.innerText()).resolves.toBe('用户名或密码错误（再错 4 次将锁定 15 分钟）');
    await screenshot(page, 'login-wrong-password');

    await page.getByLabel(/^密码/).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByTestId('user-bar').waitFor();
  });

  it('locks with Ctrl+L and unlocks to the form as it was typed', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/mediation/orgs';
    });
    await page.getByRole('heading', { level: 2, name: '调解组织' }).waitFor();
    await page.keyboard.press('Alt+N');
    const form = page.getByRole('dialog', { name: '新增调解组织' });
    await form.waitFor();
    await expect.poll(focusedLabel).not.toBe('');
    const field = await focusedLabel();
    await page.keyboard.type('湘桥区测试人民调解委员会');

    await page.keyboard.press('Control+l');
    await lockScreen().waitFor();
    await expect(lockScreen().getByTestId('locked-user').innerText()).resolves.toContain('张丽（管理员 · 局机关（全局））');
    expect(await lockScreen().getByLabel(/^用户名/).inputValue()).toBe(ADMIN.username);
    await screenshot(page, 'lock-screen');
    const status = await app.call('session.status', {});
    expect(status.ok && (status.value as { state: string }).state).toBe('locked');

    await unlock();
    expect(await form.getByLabel(field, { exact: false }).first().inputValue()).toBe('湘桥区测试人民调解委员会');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: '放弃未保存的内容？' }).getByRole('button', { name: '放弃并关闭' }).click();
    await form.waitFor({ state: 'hidden' });
  });

  it('shows the lock screen when the backend refuses a call, then the page it was loading', async () => {
    const locked = await app.call('session.lock', {});
    expect(locked.ok).toBe(true);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '援助案件', exact: true }).click();
    await lockScreen().waitFor();
    await unlock();
    await page.getByRole('heading', { level: 2, name: '法律援助案件' }).waitFor();
    await page.locator('main table tbody tr').first().waitFor();
    expect(await page.locator('main [role=alert]').count()).toBe(0);
  });

  it('locks itself after the idle minutes without keyboard or mouse', async () => {
    const idle = await app.call('session.setIdleMinutes', { minutes: 2 });
    expect(idle.ok).toBe(true);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const idlePage = await context.newPage();
    await idlePage.clock.install();
    await idlePage.goto(app.url);
    await idlePage.getByTestId('user-bar').waitFor();
    await idlePage.clock.runFor('01:50');
    expect(await idlePage.getByRole('dialog', { name: '已锁定' }).count()).toBe(0);
    await idlePage.clock.runFor('00:15');
    await idlePage.getByRole('dialog', { name: '已锁定' }).getByText('超过 2 分钟没有操作，已自动锁定。').waitFor();
    await context.close();
    const status = await app.call('session.status', {});
    expect(status.ok && (status.value as { state: string }).state).toBe('locked');
  });

  it('sets a new administrator password with the recovery code', async () => {
    await page.reload();
    await page.getByRole('button', { name: '忘记密码？使用恢复码' }).click();
    await page.getByRole('heading', { name: '使用恢复码重设密码' }).waitFor();
    await expect.poll(() => focusedLabel()).toBe('恢复码');
    const newPassword = 'Hanjiang2026';
    await page.keyboard.type(recoveryCode);
    await page.keyboard.press('Tab');
    expect(await page.getByLabel(/^管理员用户名/).inputValue()).toBe(ADMIN.username);
    await typeAndTab('', newPassword, newPassword);
    await page.keyboard.press('Enter');
    await page.getByTestId('user-bar').waitFor();
    ADMIN.password = newPassword;

    await page.getByRole('button', { name: '锁定' }).click();
    await unlock(newPassword);
  });

  it('changes the password in 修改密码, refusing a wrong current one on its field', async () => {
    await page.getByRole('button', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog', { name: '修改密码' });
    await dialog.waitFor();
    await expect.poll(focusedLabel).toBe('当前密码');
    const changed = 'Fengxi2027';
    await typeAndTab('NotMine2025', changed, changed);
    await page.keyboard.press('Enter');
    await dialog.getByText('当前密码不正确').waitFor();
    await dialog.getByLabel(/^当前密码/).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    ADMIN.password = changed;

    await page.keyboard.press('Control+l');
    await unlock(changed);
  });
});
