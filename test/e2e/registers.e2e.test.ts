// Browser tests of the register pages, the way a clerk works: a record typed with the keyboard
// only (Enter to move on, selects picked by typing, Ctrl+S), a mistake shown on its field with
// everything typed kept, the record found by search, edited, deleted and the delete undone.
// What the database holds is checked through the harness's direct `call`, against the values
// typed (12,345.50 元 → 1234550 fen). Screenshots of lists and forms go to test/artifacts/.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { fieldError, focusedLabel, formDrawer, openRegister, pick, typeKeys, type Keystroke } from './support/registers.ts';

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

/** Waits until the form's first field has focus. */
async function formFocused(): Promise<void> {
  await formDrawer(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' && document.activeElement.closest('[role=dialog]'));
}

/** Opens the new-record form with Alt+N. */
async function openNewForm(): Promise<void> {
  await page.keyboard.press('Alt+N');
  await formFocused();
}

async function saveWithCtrlS(): Promise<void> {
  await page.keyboard.press('Control+s');
}

/** Waits for the form to close with 已保存, then closes that notification (it covers row buttons). */
async function expectSaved(): Promise<void> {
  await formDrawer(page).waitFor({ state: 'hidden' });
  const notification = page.getByRole('alert').filter({ hasText: /已保存「/ });
  await notification.first().waitFor();
  await notification.first().getByRole('button').click();
  await notification.first().waitFor({ state: 'hidden' });
}

/** Searches the list and waits until it shows `rows` rows containing `text`. */
async function search(text: string, rows = 1): Promise<void> {
  const box = page.getByRole('textbox', { name: '搜索' });
  await box.fill(text);
  await expect.poll(() => page.locator('main table tbody tr', { hasText: text }).count()).toBe(rows);
}

/** Deletes the row named `name`, confirming in the modal; the row leaves the list and the live records. */
async function deleteRow(register: string, name: string, searchText: string): Promise<void> {
  await page.getByRole('button', { name: `删除「${name}」` }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '确定删除' });
  await dialog.getByRole('button', { name: '删除', exact: true }).click();
  await expect.poll(() => liveCount(register, searchText)).toBe(0);
  await expect.poll(() => page.locator('main table tbody tr', { hasText: searchText }).count()).toBe(0);
}

/** Deletes the row, then undoes it with 撤销 in the notification. */
async function deleteAndUndo(register: string, name: string, searchText: string): Promise<void> {
  await deleteRow(register, name, searchText);
  await page.getByRole('button', { name: '撤销' }).click();
  // Off the notifications, so they close on their own.
  await page.mouse.move(400, 700);
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
    await formFocused();
    // Enter through filled selects keeps their values (the organisation, and so its mediators).
    await typeKeys(page, ['', '', '', '']);
    expect(await focusedLabel(page)).toBe('纠纷类型');
    await drawer.getByLabel('涉及金额(元)').fill('800');
    await saveWithCtrlS();
    await expectSaved();
    expect(await storedRecord('mediationCase', caseNo)).toMatchObject({
      amount_fen: 80000,
      org_id: ids.org,
      dispute_type: 'neighbour',
      mediator_ids: [ids.suHai, ids.liTao].sort((a, b) => a! - b!),
    });
    await expect.poll(() => page.locator('main table tbody tr').first().innerText()).toContain('800.00');

    await deleteAndUndo('mediationCase', caseNo, caseNo);
  });

  it('is narrowed by status, office and period', async () => {
    await search('');
    const rows = page.locator('main table tbody tr', { hasText: caseNo });
    const filter = async (label: string, text: string) => {
      await page.getByRole('combobox', { name: label }).click();
      await page.keyboard.press('Control+a');
      await pick(page, text);
    };
    await filter('调解结果', '调解中');
    await expect.poll(() => rows.count()).toBe(0);
    await filter('调解结果', '调解成功');
    await expect.poll(() => rows.count()).toBe(1);
    await filter('单位', '区法律援助中心');
    await expect.poll(() => rows.count()).toBe(0);
    await filter('单位', '城西司法所');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('textbox', { name: '受理日期起' }).fill('2024-04-01');
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByRole('textbox', { name: '受理日期起' }).fill('2024/3/1');
    await expect.poll(() => rows.count()).toBe(1);
  });
});

describe('法律援助案件', () => {
  const caseNo = '(2024)法援字第0001号';

  it('is typed with the keyboard only; a wrong 身份证号码 checksum is shown on its field and nothing typed is lost', async () => {
    await openRegister(page, '/legal-aid/cases', '法律援助案件');
    await openNewForm();
    expect(await focusedLabel(page)).toBe('单位');
    await typeKeys(page, [{ pick: '法律援助中心' }, '2024-05-06']);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(caseNo);
    await typeKeys(page, [
      '',
      { pick: '申请' },
      { pick: '民事' },
      '追索劳动报酬',
      { pick: '给予援助' },
      { tick: true },
      '王五',
      WRONG_CHECKSUM_ID,
      '', // 性别 and 出生日期 are read from a valid number; left empty here
      '',
      { pick: '农民工' },
      '', // done with 特殊群体
      '陈律师',
      { pick: '社会律师' },
      '2024-05-07',
      '', // 结案日期: still open
      '50,000',
    ]);
    expect(await focusedLabel(page)).toBe('备注');
    await page.keyboard.type('申请人为外来务工人员');
    await screenshot(page, 'registers-legal-aid-case-form');
    await saveWithCtrlS();

    const drawer = formDrawer(page);
    await expect.poll(() => fieldError(drawer, '身份证号码').innerText()).toBe('校验位错误');
    await screenshot(page, 'registers-legal-aid-case-error');
    expect(await focusedLabel(page)).toBe('身份证号码');
    await expect(drawer.getByLabel('受援人').inputValue()).resolves.toBe('王五');
    await expect(drawer.getByLabel('挽回经济损失(元)').inputValue()).resolves.toBe('50,000.00');
    await expect(drawer.getByLabel('案件编号').inputValue()).resolves.toBe(caseNo);

    await page.keyboard.press('Control+a');
    await page.keyboard.type(VALID_ID);
    await expect(drawer.getByLabel('出生日期').inputValue()).resolves.toBe('1949-12-31');
    await saveWithCtrlS();
    await expectSaved();

    expect(await storedRecord('legalAidCase', caseNo)).toMatchObject({
      case_no: caseNo,
      office_id: ids.aidCentre,
      received_on: '2024-05-06',
      source: 'application',
      notifying_authority: null,
      category: 'civil',
      criminal_stage: null,
      cause: '追索劳动报酬',
      review_result: 'granted',
      promise: true,
      recipient_name: '王五',
      recipient_id_number: VALID_ID,
      recipient_sex: 'female',
      recipient_birth_date: '1949-12-31',
      special_groups: ['migrant_worker'],
      handler_name: '陈律师',
      handler_type: 'lawyer',
      assigned_on: '2024-05-07',
      closed_on: null,
      closing_method: null,
      recovered_fen: 5000000,
      note: '申请人为外来务工人员',
    });
  });

  it('lists the 身份证号码 masked, details it in full, edits with Esc asking first, deletes and undoes', async () => {
    await search('王五');
    const row = page.locator('main table tbody tr', { hasText: '王五' });
    await expect(row.innerText()).resolves.toContain('1101**********002X');
    await expect(row.innerText()).resolves.not.toContain(VALID_ID);
    await screenshot(page, 'registers-legal-aid-case-list');

    await row.getByText('王五').click();
    const detail = page.getByRole('dialog').filter({ hasText: '最后修改' });
    await detail.getByText(VALID_ID).waitFor();
    await expect(detail.innerText()).resolves.toMatch(/特殊群体\s*农民工/);
    await screenshot(page, 'registers-legal-aid-case-detail');
    await detail.getByRole('button', { name: '编辑' }).click();

    const drawer = formDrawer(page);
    await drawer.getByLabel('结案日期').fill('2024-08-01');
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容' });
    await ask.getByRole('button', { name: '继续填写' }).click();
    await ask.waitFor({ state: 'hidden' });
    await expect(drawer.getByLabel('结案日期').inputValue()).resolves.toBe('2024-08-01');
    await drawer.getByLabel('结案方式').focus();
    await typeKeys(page, [{ pick: '调解' }]);
    await saveWithCtrlS();
    await expectSaved();
    expect(await storedRecord('legalAidCase', caseNo)).toMatchObject({ closed_on: '2024-08-01', closing_method: 'mediation' });

    await deleteAndUndo('legalAidCase', caseNo, '王五');
  });
});

describe('社区矫正对象', () => {
  it('is typed with the keyboard only; a 矫正期满日期 before 矫正起始日期 is shown on its field and nothing typed is lost', async () => {
    await openRegister(page, '/correction/stints', '社区矫正对象');
    await openNewForm();
    expect(await focusedLabel(page)).toBe('姓名');
    await typeKeys(page, [
      '赵六',
      VALID_ID,
      { pick: '城西' },
      { pick: '缓刑' },
      '危险驾驶罪',
      { pick: '人民法院' },
      '2024-06-01',
      '2024-05-01',
      '2024/6/5',
      { pick: '普管' },
      '', // 解矫日期: still under correction
    ]);
    await screenshot(page, 'registers-correction-stint-form');
    await saveWithCtrlS();

    const drawer = formDrawer(page);
    await expect.poll(() => fieldError(drawer, '矫正期满日期').innerText()).toBe('应晚于矫正起始日期');
    expect(await focusedLabel(page)).toBe('矫正期满日期');
    await expect(drawer.getByLabel('入矫日期').inputValue()).resolves.toBe('2024-06-05');
    await expect(drawer.getByLabel('罪名').inputValue()).resolves.toBe('危险驾驶罪');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2025-05-31');
    await saveWithCtrlS();
    await expectSaved();

    const stored = await storedRecord('correctionStint', '赵六');
    ids.stint = stored.id as number;
    expect(stored).toMatchObject({
      name: '赵六',
      id_number: VALID_ID,
      office_id: ids.chengxi,
      category: 'probation',
      crime: '危险驾驶罪',
      deciding_authority: 'court',
      term_start: '2024-06-01',
      term_end: '2025-05-31',
      entered_on: '2024-06-05',
      supervision_level: 'ordinary',
      exited_on: null,
      exit_type: null,
    });
  });

  it('is found by search, edited (解矫), deleted and the delete undone', async () => {
    await search('赵六');
    await expect(page.locator('main table tbody tr', { hasText: '赵六' }).innerText()).resolves.toContain('1101**********002X');
    await screenshot(page, 'registers-correction-stint-list');
    await page.getByRole('button', { name: '编辑「赵六（入矫 2024-06-05）」' }).click();
    const drawer = formDrawer(page);
    await drawer.getByLabel('解矫日期').fill('2025-05-31');
    await drawer.getByLabel('解矫类型').focus();
    await typeKeys(page, [{ pick: '期满解除' }]);
    await saveWithCtrlS();
    await expectSaved();
    expect(await storedRecord('correctionStint', '赵六')).toMatchObject({ exited_on: '2025-05-31', exit_type: 'expired' });

    await deleteRow('correctionStint', '赵六（入矫 2024-06-05）', '赵六');
    await page.getByRole('switch', { name: '显示已删除' }).click();
    await screenshot(page, 'registers-correction-stint-deleted');
    await page.getByRole('button', { name: '恢复「赵六（入矫 2024-06-05）」' }).click();
    await expect.poll(() => liveCount('correctionStint', '赵六')).toBe(1);
    await page.getByRole('switch', { name: '显示已删除' }).click();
    await page.locator('main table tbody tr', { hasText: '赵六' }).first().waitFor();
  });
});

/** The other nine registers: one record each, typed with the keyboard and checked in the database. */
interface QuickPass {
  readonly register: string;
  readonly path: string;
  readonly title: string;
  readonly keys: readonly Keystroke[];
  /** Finds the new record in the list and through the API. */
  readonly search: string;
  readonly expected: () => Promise<Record<string, unknown>>;
}

const quickPasses: readonly QuickPass[] = [
  {
    register: 'mediationOrg',
    path: '/mediation/orgs',
    title: '调解组织',
    keys: ['城东社区人民调解委员会', { pick: '村(居)', option: '村(居)调委会' }, '', { pick: '城西' }, '2023-01-01', ''],
    search: '城东社区',
    expected: async () => ({ name: '城东社区人民调解委员会', kind: 'village', specialty: null, office_id: ids.chengxi, founded_on: '2023-01-01', dissolved_on: null }),
  },
  {
    register: 'mediator',
    path: '/mediation/mediators',
    title: '调解员',
    keys: ['周七', '', { pick: '女' }, { pick: '城东社区' }, { pick: '兼职' }, { pick: '律师' }, '2023-02-01', ''],
    search: '周七',
    expected: async () => ({
      name: '周七',
      id_number: null,
      sex: 'female',
      org_id: (await storedRecord('mediationOrg', '城东社区')).id,
      employment: 'parttime',
      background: 'lawyer',
      appointed_on: '2023-02-01',
      dismissed_on: null,
    }),
  },
  {
    register: 'disputeSweep',
    path: '/mediation/sweeps',
    title: '矛盾纠纷排查',
    keys: ['2024-04-01', { pick: '城西' }, '3', '1', ''],
    search: '城西司法所',
    expected: async () => ({ swept_on: '2024-04-01', office_id: ids.chengxi, sweeps: 3, disputes_found: 1, note: null }),
  },
  {
    register: 'consultation',
    path: '/legal-aid/consultations',
    title: '法律咨询',
    keys: ['2024-04-02', { pick: '法律援助中心' }, { pick: '来电' }, { pick: '民事' }, '5', { pick: '当场解答' }],
    search: '法律援助中心',
    expected: async () => ({
      consulted_on: '2024-04-02',
      office_id: ids.aidCentre,
      channel: 'phone',
      matter: 'civil',
      visitors: 5,
      outcome: 'answered',
    }),
  },
  {
    register: 'dutyShift',
    path: '/legal-aid/duty',
    title: '值班律师',
    keys: ['2024-04-03', { pick: '法律援助中心' }, { pick: '看守所' }, '陈律师', '4', '2'],
    search: '陈律师',
    expected: async () => ({
      duty_on: '2024-04-03',
      office_id: ids.aidCentre,
      place: 'detention_centre',
      lawyer: '陈律师',
      help_count: 4,
      plea_witness_count: 2,
    }),
  },
  {
    register: 'correctionEvent',
    path: '/correction/events',
    title: '社区矫正事件',
    keys: ['2024-07-01', { pick: '002X', option: '赵六' }, { pick: '个别教育' }, '谈话教育'],
    search: '赵六',
    expected: async () => ({ stint_id: ids.stint, event_on: '2024-07-01', event_type: 'individual_education', note: '谈话教育' }),
  },
  {
    register: 'correctionActivity',
    path: '/correction/activities',
    title: '社区矫正教育活动',
    // The attendance filter: a name and Enter ticks that person; Enter on the empty filter moves on.
    keys: ['2024-07-10', { pick: '城西' }, { pick: '集中教育' }, '法治讲座', { waitForText: '名册 1 人' }, '赵六', ''],
    search: '法治讲座',
    expected: async () => ({
      held_on: '2024-07-10',
      office_id: ids.chengxi,
      activity_type: 'group_education',
      topic: '法治讲座',
      attendance: 1,
      attendee_stint_ids: [ids.stint],
    }),
  },
  {
    register: 'investigation',
    path: '/correction/investigations',
    title: '调查评估',
    keys: ['WT2024-001', { pick: '城西' }, '2024-03-01', { pick: '人民法院' }, '孙八', { pick: '适宜' }, '2024-03-20'],
    search: 'WT2024-001',
    expected: async () => ({
      commission_no: 'WT2024-001',
      office_id: ids.chengxi,
      commissioned_on: '2024-03-01',
      commissioning_authority: 'court',
      subject_name: '孙八',
      opinion: 'suitable',
      completed_on: '2024-03-20',
    }),
  },
  {
    register: 'remoteVisit',
    path: '/correction/remote-visits',
    title: '远程视频会见',
    keys: ['2024-05-01', { pick: '城西' }, '2'],
    search: '城西司法所',
    expected: async () => ({ visited_on: '2024-05-01', office_id: ids.chengxi, visits: 2 }),
  },
];

describe('the other registers', () => {
  it.each(quickPasses)('$title: typed with the keyboard, saved from the 保存 button with Enter, found by search', async (pass) => {
    await openRegister(page, pass.path, pass.title);
    await openNewForm();
    await typeKeys(page, pass.keys);
    // Enter after the last field lands on 保存; Enter there saves.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('保存');
    await screenshot(page, `registers-${pass.register}-form`);
    await page.keyboard.press('Enter');
    await expectSaved();
    expect(await storedRecord(pass.register, pass.search)).toMatchObject(await pass.expected());
    await search(pass.search);
    await screenshot(page, `registers-${pass.register}-list`);
  });
});
