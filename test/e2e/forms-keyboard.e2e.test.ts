// Browser tests of the record forms as a clerk uses them (issue 8): pickers chosen with ↓/↑ and
// Enter or Tab without typing, Space opening a closed picker, text that matches no option kept
// as the field's error, the error line naming the fields still wrong and never covering the
// field in use, 保存并新增, focus back on the list, Esc closing with one press, the delete
// confirmation starting on 取消, the calendar's header in Chinese, only the organisations and
// mediators valid on the 受理日期, 涉及人数 from the parties, suggestions from used values,
// only 司法所 as 执行地司法所, required marks — and, as a new office clerk, the login page
// without the browser's own bubbles, the forced change of the given password and an office
// picker offering only the clerk's office. Screenshots of every register's form at 1366×768
// and 1280×720 go to test/artifacts/screenshots/.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { GIVEN_PASSWORD } from '../support/accounts.ts';
import { fieldError, focusedLabel, formDrawer, openRegister } from './support/registers.ts';

let app: TestApp;
let browser: Browser;
let page: Page;
const ids: Record<string, number> = {};

async function created(method: string, input: object): Promise<number> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return (result.value as { id: number }).id;
}

async function rows(register: string, query: object = {}): Promise<Record<string, unknown>[]> {
  const result = await app.call(`${register}.list`, query);
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { rows: Record<string, unknown>[] }).rows;
}

const highlighted = () => page.locator('[role=listbox]:visible [data-combobox-option][data-combobox-selected]').first().innerText();
/** The options the open picker lists. */
const listed = async () => (await page.locator('[role=listbox]:visible [data-combobox-option]').allInnerTexts()).map((text) => text.trim());
const expanded = () => page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'));

async function openNewForm(): Promise<void> {
  await page.keyboard.press('Alt+N');
  await formDrawer(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' && document.activeElement.closest('[role=dialog]'));
}

/** Waits until the open picker lists its options (the list opens when the field gets focus). */
async function listOpen(): Promise<void> {
  await page.locator('[role=listbox]:visible [data-combobox-option]').first().waitFor();
}

beforeAll(async () => {
  app = await startTestApp({ today: '2026-12-02' });
  ids.chengxi = await created('office.create', { name: '城西司法所' });
  ids.aidCentre = await created('office.create', { name: '区法律援助中心' });
  ids.bureau = await created('office.create', { name: '局本级' });
  ids.revokedOrg = await created('mediationOrg.create', {
    record: { name: '旧城人民调解委员会', kind: 'township', office_id: ids.chengxi, founded_on: '2010-01-01', dissolved_on: '2026-03-15' },
  });
  ids.org = await created('mediationOrg.create', {
    record: { name: '城西镇人民调解委员会', kind: 'township', office_id: ids.chengxi, founded_on: '2015-03-01' },
  });
  ids.dismissed = await created('mediator.create', {
    record: { name: '苏海', org_id: ids.org, employment: 'fulltime', appointed_on: '2016-01-01', dismissed_on: '2026-03-10' },
  });
  ids.serving = await created('mediator.create', { record: { name: '黎涛', org_id: ids.org, employment: 'parttime', appointed_on: '2021-06-01' } });
  await created('correctionStint.create', {
    record: {
      name: '甲某',
      id_number: '110105194912310011',
      office_id: ids.chengxi,
      category: 'probation',
      crime: '危险驾驶罪',
      term_start: '2026-01-01',
      term_end: '2027-01-01',
      entered_on: '2026-01-05',
      supervision_level: 'ordinary',
    },
  });
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('screenshots', () => {
  const forms = [
    ['/mediation/cases', '人民调解案件'],
    ['/mediation/orgs', '调解组织'],
    ['/mediation/mediators', '调解员'],
    ['/mediation/sweeps', '矛盾纠纷排查'],
    ['/legal-aid/cases', '法律援助案件'],
    ['/legal-aid/consultations', '法律咨询'],
    ['/legal-aid/duty', '值班律师'],
    ['/correction/stints', '社区矫正对象'],
    ['/correction/events', '社区矫正事件'],
    ['/correction/activities', '社区矫正教育活动'],
    ['/correction/investigations', '调查评估'],
    ['/correction/remote-visits', '远程视频会见'],
  ] as const;

  it('of every register’s form at 1366×768 and 1280×720, each with its required fields marked', async () => {
    for (const [path, title] of forms) {
      await openRegister(page, path, title);
      await openNewForm();
      await expect(formDrawer(page).locator('.mantine-InputWrapper-required').count()).resolves.toBeGreaterThan(0);
      for (const [width, height] of [
        [1366, 768],
        [1280, 720],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.getByRole('button', { name: '保存', exact: true }).waitFor();
        // The buttons stay inside the window: nothing of the form is cut off at the right or bottom.
        const box = (await page.getByRole('button', { name: '保存', exact: true }).boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        await screenshot(page, `form-${path.slice(1).replace('/', '-')}-${width}x${height}`);
      }
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.keyboard.press('Escape');
      await formDrawer(page).waitFor({ state: 'hidden' });
    }
  });
});

describe('a 法律援助案件 typed with the keyboard', () => {
  it('takes the highlighted option with ↓ and Enter, and with Tab, without typing; Space opens a closed picker', async () => {
    await openRegister(page, '/legal-aid/cases', '法律援助案件');
    await openNewForm();
    await expect.poll(() => focusedLabel(page)).toBe('单位');
    await listOpen();
    await page.keyboard.press('ArrowDown');
    const office = await highlighted();
    expect(['城西司法所', '区法律援助中心', '局本级']).toContain(office);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('受理日期');
    await expect(formDrawer(page).getByLabel('单位').inputValue()).resolves.toBe(office);

    await page.keyboard.type('2026-12-01');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('案件编号');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('案件来源');
    await listOpen();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const source = await highlighted();
    await page.keyboard.press('Tab');
    await expect(formDrawer(page).getByLabel('案件来源').inputValue()).resolves.toBe(source);
    expect(await focusedLabel(page)).not.toBe('案件来源');

    // Space on a picker whose list is closed (an option was clicked) opens it again.
    const category = formDrawer(page).getByLabel('案件类别');
    await category.click();
    await page.locator('[role=listbox]:visible [data-combobox-option]', { hasText: '民事' }).first().click();
    await expect(category.inputValue()).resolves.toBe('民事');
    expect(await expanded()).toBe('false');
    await page.keyboard.press('Space');
    await expect.poll(expanded).toBe('true');
    await expect(category.inputValue()).resolves.toBe('民事');
    await page.keyboard.press('Tab');
    await expect(category.inputValue()).resolves.toBe('民事');
    await screenshot(page, 'forms-legal-aid-pickers');
    await page.keyboard.press('Escape');
    const discard = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容' });
    await discard.waitFor();
    await discard.getByRole('button', { name: '放弃并关闭' }).click();
    await formDrawer(page).waitFor({ state: 'hidden' });
  });

  it('keeps text that matches no option, says so on the field, refuses to save and lets the clerk fix it', async () => {
    await openNewForm();
    await listOpen();
    await page.keyboard.type('区法律援助');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2026-12-01');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('通知辩护');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('通知机关');
    await page.keyboard.type('湘桥区人民法院');
    await page.keyboard.press('Enter');

    const drawer = formDrawer(page);
    await expect(drawer.getByLabel('通知机关').inputValue()).resolves.toBe('湘桥区人民法院');
    await expect.poll(() => fieldError(drawer, '通知机关').innerText()).toBe('不在可选项中');
    await page.keyboard.press('Control+s');
    const summary = drawer.getByRole('alert');
    await expect.poll(() => summary.innerText()).toMatch(/^还有 \d+ 项需要更正：.*通知机关/);
    await expect.poll(() => focusedLabel(page)).toBe('通知机关');
    await expect(drawer.getByLabel('通知机关').inputValue()).resolves.toBe('湘桥区人民法院');
    expect(await rows('legalAidCase')).toHaveLength(0);

    // The count is the fields marked, and the line covers no field: not the one in use.
    const marked = await drawer.locator('[data-field] .mantine-InputWrapper-error').count();
    const counted = Number(/还有 (\d+) 项/.exec(await summary.innerText())![1]);
    expect(counted).toBe(marked);
    const overlap = await page.evaluate(() => {
      const field = document.activeElement!.getBoundingClientRect();
      const alert = document.querySelector('[role=dialog] [role=alert]')!.getBoundingClientRect();
      return field.bottom > alert.top && field.top < alert.bottom;
    });
    expect(overlap).toBe(false);
    await screenshot(page, 'forms-legal-aid-unmatched');

    await page.keyboard.press('Control+a');
    await page.keyboard.type('人民法院');
    await page.keyboard.press('Enter');
    await expect.poll(() => fieldError(drawer, '通知机关').count()).toBe(0);
    await expect.poll(async () => (await summary.count()) === 0 || !(await summary.innerText()).includes('通知机关')).toBe(true);
  });

  it('is saved with Ctrl+Enter, and the next one starts with the same office and date, the focus in the first field', async () => {
    const drawer = formDrawer(page);
    await drawer.getByLabel('案件类别').click();
    await page.keyboard.type('刑事');
    await page.keyboard.press('Enter');
    await drawer.getByLabel('受援人').fill('王五');
    await drawer.getByLabel('身份证号码').fill('11010519491231002X');
    await drawer.getByLabel('承办人', { exact: true }).fill('袁磊平');
    await drawer.getByLabel('承办人类型').click();
    await page.keyboard.type('社会律师');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Enter');

    await expect.poll(async () => (await rows('legalAidCase')).length).toBe(1);
    const saved = (await rows('legalAidCase'))[0]!;
    expect(saved).toMatchObject({
      office_id: ids.aidCentre,
      received_on: '2026-12-01',
      source: 'notified_defence',
      notifying_authority: 'court',
      category: 'criminal',
      recipient_name: '王五',
      recipient_id_number: '1101**********002X',
      handler_name: '袁磊平',
      handler_type: 'lawyer',
    });
    await page.getByRole('heading', { name: '新增法律援助案件' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' && document.activeElement.closest('[role=dialog]'));
    await expect.poll(() => focusedLabel(page)).toBe('单位');
    await expect(formDrawer(page).getByLabel('单位').inputValue()).resolves.toBe('区法律援助中心');
    await expect(formDrawer(page).getByLabel('受理日期').inputValue()).resolves.toBe('2026-12-01');
  });

  it('closes with one Esc while a picker’s list is open, and the focus is back on the list', async () => {
    await listOpen();
    expect(await expanded()).toBe('true');
    await page.keyboard.press('Escape');
    await formDrawer(page).waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  });

  it('after a save the focus is on the saved row; the delete confirmation starts on 取消', async () => {
    const name = String((await rows('legalAidCase'))[0]!.case_no);
    await page.getByRole('button', { name: `编辑「${name}」` }).click();
    await formDrawer(page).waitFor();
    await page.keyboard.press('Control+s');
    await formDrawer(page).waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`编辑「${name}」`);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`删除「${name}」`);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog').filter({ hasText: '确定删除' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('取消');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await rows('legalAidCase')).toHaveLength(1);
  });

  it('shows the calendar’s month as 2026年12月', async () => {
    await openNewForm();
    const drawer = formDrawer(page);
    await drawer.getByLabel('受理日期').fill('2026-12-01');
    await drawer.locator('[data-field=received_on]').getByRole('button', { name: '打开日历' }).click();
    const header = page.locator('.mantine-DatePicker-calendarHeaderLevel, .mantine-CalendarHeader-calendarHeaderLevel').first();
    await expect.poll(() => header.innerText()).toBe('2026年12月');
    await screenshot(page, 'forms-calendar');
    await page.keyboard.press('Escape');
    const discard = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容' });
    await expect.poll(async () => (await discard.isVisible()) || !(await formDrawer(page).isVisible())).toBe(true);
    if (await discard.isVisible()) await discard.getByRole('button', { name: '放弃并关闭' }).click();
    await formDrawer(page).waitFor({ state: 'hidden' });
  });
});

describe('a 人民调解案件', () => {
  it('offers only organisations and mediators valid on its 受理日期, and counts the parties into 涉及人数', async () => {
    await openRegister(page, '/mediation/cases', '人民调解案件');
    await openNewForm();
    const drawer = formDrawer(page);
    await expect.poll(() => focusedLabel(page)).toBe('调解组织');
    await listOpen();
    expect((await listed()).sort()).toEqual(['城西镇人民调解委员会', '旧城人民调解委员会（已撤销）'].sort());
    await page.keyboard.press('Enter'); // nothing chosen yet: on to 受理日期
    await page.keyboard.type('2026-12-01');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedLabel(page)).toBe('调解组织');
    await listOpen();
    expect(await listed()).toEqual(['城西镇人民调解委员会']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(drawer.getByLabel('调解组织').inputValue()).resolves.toBe('城西镇人民调解委员会');

    await drawer.getByLabel('调解员').click();
    await listOpen();
    expect(await listed()).toEqual(['黎涛']);
    await page.keyboard.press('Escape');
    const discard = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容' });
    await discard.waitFor();
    await discard.getByRole('button', { name: '继续填写' }).click();

    await drawer.getByLabel('第1名当事人姓名').fill('张三');
    await drawer.getByLabel('第2名当事人姓名').fill('李四');
    await expect(drawer.getByLabel('涉及人数').inputValue()).resolves.toBe('2');
    await drawer.getByLabel('涉及人数').fill('5');
    await drawer.getByLabel('第3名当事人姓名').fill('王五');
    await expect(drawer.getByLabel('涉及人数').inputValue()).resolves.toBe('5');
    await screenshot(page, 'forms-mediation-case-valid-on-date');
  });
});

describe('a 调解员 typed with the keys only', () => {
  it('is filled choosing options with ↓/Enter and ↓/Tab without typing, saved, and reads back the same when reopened', async () => {
    await openRegister(page, '/mediation/mediators', '调解员');
    await openNewForm();
    const drawer = formDrawer(page);
    await expect.poll(() => focusedLabel(page)).toBe('姓名');
    await page.keyboard.type('周七');
    await page.keyboard.press('Enter');
    await page.keyboard.type('11010519491231002X');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('所属调解组织'); // 性别 follows from the number
    await listOpen();
    await page.keyboard.press('ArrowDown');
    const org = await highlighted();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('专兼职');
    await listOpen();
    await page.keyboard.press('ArrowDown');
    const employment = await highlighted();
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedLabel(page)).toBe('身份背景');
    await listOpen();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const background = await highlighted();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('聘任日期');
    await page.keyboard.type('2024-01-02');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const shown = { org, employment, background, sex: await drawer.getByLabel('性别').inputValue() };
    expect(shown.sex).toBe('女');
    expect(new Set([org, employment, background]).has('')).toBe(false);
    await page.keyboard.press('Control+s');
    await formDrawer(page).waitFor({ state: 'hidden' });
    const saved = (await rows('mediator', { search: '周七' }))[0]!;
    expect(saved).toMatchObject({ name: '周七', sex: 'female', appointed_on: '2024-01-02', dismissed_on: null });

    await page.getByRole('button', { name: '编辑「周七」' }).click();
    await formDrawer(page).waitFor();
    const reopened = formDrawer(page);
    await expect(reopened.getByLabel('姓名').inputValue()).resolves.toBe('周七');
    await expect(reopened.getByLabel('身份证号码').inputValue()).resolves.toBe('11010519491231002X');
    await expect(reopened.getByLabel('性别').inputValue()).resolves.toBe(shown.sex);
    await expect.poll(() => reopened.getByLabel('所属调解组织').inputValue()).toBe(org);
    await expect(reopened.getByLabel('专兼职').inputValue()).resolves.toBe(employment);
    await expect(reopened.getByLabel('身份背景').inputValue()).resolves.toBe(background);
    await expect(reopened.getByLabel('聘任日期').inputValue()).resolves.toBe('2024-01-02');
    await expect(reopened.getByLabel('解聘日期').inputValue()).resolves.toBe('');
    await page.keyboard.press('Escape');
    await formDrawer(page).waitFor({ state: 'hidden' });
  });
});

describe('a 社区矫正对象', () => {
  it('offers only 司法所 as 执行地司法所, and the 罪名 already used', async () => {
    await openRegister(page, '/correction/stints', '社区矫正对象');
    const discard = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容' });
    if (await discard.isVisible()) await discard.getByRole('button', { name: '放弃并关闭' }).click();
    await formDrawer(page).waitFor({ state: 'hidden' });
    await openNewForm();
    const drawer = formDrawer(page);
    await drawer.getByLabel('执行地司法所').click();
    await listOpen();
    expect(await listed()).toEqual(['城西司法所']);
    await drawer.getByLabel('罪名').click();
    await page.keyboard.type('危险');
    await expect.poll(listed).toEqual(['危险驾驶罪']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(drawer.getByLabel('罪名').inputValue()).resolves.toBe('危险驾驶罪');
  });
});

describe('a new office clerk', () => {
  const clerk = { username: 'chengxi', displayName: '城西录入员', password: 'Ziji2026chengxi' };

  it('logs in without the browser’s own bubbles, must change the given password, then is offered only their own office', async () => {
    await created('users.create', { ...clerk, password: GIVEN_PASSWORD, role: 'clerk', officeId: ids.chengxi });
    await app.call('session.logout', {});
    await page.reload();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await page.locator('input[required]').count()).toBe(0);
    await page.getByLabel('用户名').press('Enter');
    await page.getByText('请填写用户名').first().waitFor();
    expect(await page.evaluate(() => [...document.querySelectorAll('input')].every((input) => input.checkValidity()))).toBe(true);
    await screenshot(page, 'forms-login-empty');

    await page.getByLabel('用户名').fill(clerk.username);
    await page.locator('input[type=password]').fill(GIVEN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '请设置您自己的密码' }).waitFor();
    expect((await app.call('app.info', {})).ok).toBe(false);
    await screenshot(page, 'forms-first-password');
    const passwords = page.locator('input[type=password]');
    await expect(passwords.count()).resolves.toBe(3);
    await passwords.nth(0).fill(GIVEN_PASSWORD);
    await passwords.nth(1).fill(clerk.password);
    await passwords.nth(2).fill(clerk.password);
    await page.keyboard.press('Enter');
    await page.getByText(clerk.displayName).first().waitFor();

    await openRegister(page, '/legal-aid/cases', '法律援助案件');
    await openNewForm();
    const drawer = formDrawer(page);
    await expect(drawer.getByLabel('单位').inputValue()).resolves.toBe('城西司法所');
    await listOpen();
    expect(await listed()).toEqual(['城西司法所']);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('区法律援助中心');
    await page.keyboard.press('Enter');
    await expect(drawer.getByLabel('单位').inputValue()).resolves.toBe('区法律援助中心');
    await expect.poll(() => fieldError(drawer, '单位').innerText()).toBe('不在可选项中');
    await screenshot(page, 'forms-clerk-office');
  });
});
