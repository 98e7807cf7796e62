// Browser tests of the register pages, the way a clerk works: a record typed with the keyboard
// only (Enter to move on, selects picked by typing, Ctrl+S), a mistake shown on its field with
// everything typed kept, the record found by search, edited, deleted and the delete undone.
// What the database holds is checked through the harness's direct `call`, against the values
// typed (12,345.50 元 → 1234550 fen). Screenshots of lists and forms go to test/artifacts/.

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { enterUntil, fieldError, focusedLabel, focusedText, formDrawer, openRegister, pick, typeKeys, type Keystroke } from './support/registers.ts';

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

/**
 * Waits for the form to close with 已保存, then closes that notification (it covers row buttons)
 * with Enter on its close button: the mouse stays off the notifications, as pointing at one
 * holds them all open and starts their time again, and a sixth would wait in the queue.
 */
async function expectSaved(): Promise<void> {
  await formDrawer(page).waitFor({ state: 'hidden' });
  const notification = page.getByRole('alert').filter({ hasText: /已保存「/ });
  await notification.first().waitFor();
  await notification.first().getByRole('button').press('Enter');
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
    await expect.poll(() => focusedLabel(page)).toBe('调解组织');
    await typeKeys(page, [{ pick: '城西镇' }, '2024-03-01']);
    await expect.poll(() => focusedLabel(page)).toBe('案件编号');
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
    await expect.poll(() => focusedLabel(page)).toBe('涉及人数');
    await typeKeys(page, ['2', '12,345.50', '' /* 案件难度 stays 一般 */, { pick: '苏' }, { pick: '黎' }, '']);
    await expect.poll(() => focusedLabel(page)).toBe('调解结果');
    await typeKeys(page, [{ pick: '调解成功' }, '2024-02-01', { pick: '书面' }, { pick: '已履行' }, { tick: true }, '', '', '']);
    await expect.poll(() => focusedLabel(page)).toBe('备注');
    await page.keyboard.type('当事人达成书面协议');
    await screenshot(page, 'registers-mediation-case-form');
    await saveWithCtrlS();

    const drawer = formDrawer(page);
    await expect.poll(() => fieldError(drawer, '结案日期').innerText()).toBe('早于受理日期');
    await expect(drawer.getByRole('alert').innerText()).resolves.toContain('还有 1 项需要更正：结案日期');
    await screenshot(page, 'registers-mediation-case-error');
    await expect.poll(() => focusedLabel(page)).toBe('结案日期');
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
    await expect.poll(() => focusedLabel(page)).toBe('纠纷类型');
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
    await expect.poll(() => focusedLabel(page)).toBe('单位');
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
    await expect.poll(() => focusedLabel(page)).toBe('备注');
    await page.keyboard.type('申请人为外来务工人员');
    await screenshot(page, 'registers-legal-aid-case-form');
    await saveWithCtrlS();

    const drawer = formDrawer(page);
    await expect.poll(() => fieldError(drawer, '身份证号码').innerText()).toBe('校验位应为 X');
    await screenshot(page, 'registers-legal-aid-case-error');
    await expect.poll(() => focusedLabel(page)).toBe('身份证号码');
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
    await expect.poll(() => focusedLabel(page)).toBe('姓名');
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
    await expect.poll(() => focusedLabel(page)).toBe('矫正期满日期');
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
    // 期满解除 leads to the offer of an 安置帮教 record (test/e2e/new-registers.e2e.test.ts takes it up); Esc declines.
    const offer = page.getByRole('dialog').filter({ hasText: '是否为其建立安置帮教记录' });
    await offer.waitFor();
    await page.keyboard.press('Escape');
    await offer.waitFor({ state: 'hidden' });
    await expectSaved();
    expect(await storedRecord('correctionStint', '赵六')).toMatchObject({ exited_on: '2025-05-31', exit_type: 'expired' });
    expect(await liveCount('resettlement', '赵六')).toBe(0);

    await deleteRow('correctionStint', '赵六（入矫 2024-06-05）', '赵六');
    await page.getByRole('switch', { name: '显示已删除' }).click();
    await screenshot(page, 'registers-correction-stint-deleted');
    await page.getByRole('button', { name: '恢复「赵六（入矫 2024-06-05）」' }).click();
    await expect.poll(() => liveCount('correctionStint', '赵六')).toBe(1);
    await page.getByRole('switch', { name: '显示已删除' }).click();
    await page.locator('main table tbody tr', { hasText: '赵六' }).first().waitFor();
  });
});

/**
 * How the clerk narrows the list to one record: the search box where the register has text to
 * search (names, numbers, lawyer, topic, note), else the office and the day (法律咨询 and
 * 远程视频会见 hold none; a 矛盾纠纷排查 has only its note, empty here). The same narrowing
 * through `<register>.list` finds the record in the database.
 */
type Finder = { readonly search: string } | { readonly office: string; readonly officeId: () => number; readonly day: string };

/** One field changed with the keyboard: reached with Enter from the form's first field. */
interface Edit {
  /** The field's label in the form. */
  readonly label: string;
  /** Typed over the field's text, or picked in its select by typing. */
  readonly input: string | { readonly pick: string; readonly option?: string };
  /** The stored fields that change, as the database holds them; every other field stays as it was. */
  readonly stored: Readonly<Record<string, unknown>>;
  /** What the list row shows afterwards. */
  readonly shown: string;
}

/** The other nine registers: one record each, the whole clerk flow with the keyboard, checked in the database. */
interface RegisterPass {
  readonly register: string;
  readonly path: string;
  readonly title: string;
  /** Records put in through the API first, so that finding the clerk's record narrows the list. */
  readonly others?: () => readonly Record<string, unknown>[];
  readonly keys: readonly Keystroke[];
  readonly expected: () => Record<string, unknown>;
  readonly find: Finder;
  readonly edit: Edit;
}

const passes: readonly RegisterPass[] = [
  {
    register: 'mediationOrg',
    path: '/mediation/orgs',
    title: '调解组织',
    // 城西镇人民调解委员会 is there already.
    keys: ['城东社区人民调解委员会', { pick: '村(居)', option: '村(居)调委会' }, '', { pick: '城西' }, '2023-01-01', ''],
    expected: () => ({ name: '城东社区人民调解委员会', kind: 'village', specialty: null, office_id: ids.chengxi, founded_on: '2023-01-01', dissolved_on: null }),
    find: { search: '城东社区' },
    edit: { label: '专业领域', input: { pick: '婚姻', option: '婚姻家庭' }, stored: { specialty: 'marriage_family' }, shown: '婚姻家庭' },
  },
  {
    register: 'mediator',
    path: '/mediation/mediators',
    title: '调解员',
    // 苏海 and 黎涛 are there already.
    keys: ['周七', '', { pick: '女' }, { pick: '城东社区' }, { pick: '兼职' }, { pick: '律师' }, '2023-02-01', ''],
    expected: () => ({
      name: '周七',
      id_number: null,
      sex: 'female',
      org_id: recordIds.mediationOrg,
      employment: 'parttime',
      background: 'lawyer',
      appointed_on: '2023-02-01',
      dismissed_on: null,
    }),
    find: { search: '周七' },
    // A lower-case x is stored upper-case; the number says female, as 性别 already does.
    edit: { label: '身份证号码', input: VALID_ID.toLowerCase(), stored: { id_number: VALID_ID }, shown: '1101**********002X' },
  },
  {
    register: 'disputeSweep',
    path: '/mediation/sweeps',
    title: '矛盾纠纷排查',
    others: () => [
      { swept_on: '2024-04-01', office_id: ids.aidCentre, sweeps: 1 },
      { swept_on: '2024-04-08', office_id: ids.chengxi, sweeps: 2 },
    ],
    keys: ['2024-04-01', { pick: '城西' }, '3', '1', ''],
    expected: () => ({ swept_on: '2024-04-01', office_id: ids.chengxi, sweeps: 3, disputes_found: 1, note: null }),
    find: { office: '城西司法所', officeId: () => ids.chengxi!, day: '2024-04-01' },
    edit: { label: '备注', input: '走访排查三个村', stored: { note: '走访排查三个村' }, shown: '走访排查三个村' },
  },
  {
    register: 'consultation',
    path: '/legal-aid/consultations',
    title: '法律咨询',
    others: () => [
      { consulted_on: '2024-04-02', office_id: ids.chengxi, channel: 'phone', matter: 'civil', visitors: 1 },
      { consulted_on: '2024-04-09', office_id: ids.aidCentre, channel: 'phone', matter: 'civil', visitors: 1 },
    ],
    keys: ['2024-04-02', { pick: '法律援助中心' }, { pick: '来电' }, { pick: '民事' }, '5', { pick: '当场解答' }],
    expected: () => ({ consulted_on: '2024-04-02', office_id: ids.aidCentre, channel: 'phone', matter: 'civil', visitors: 5, outcome: 'answered' }),
    find: { office: '区法律援助中心', officeId: () => ids.aidCentre!, day: '2024-04-02' },
    // Full-width digits, as a Chinese input method in full-width mode types them.
    edit: { label: '人次', input: '１２', stored: { visitors: 12 }, shown: '12' },
  },
  {
    register: 'dutyShift',
    path: '/legal-aid/duty',
    title: '值班律师',
    others: () => [{ duty_on: '2024-04-03', office_id: ids.aidCentre, place: 'detention_centre', lawyer: '刘律师', help_count: 1 }],
    keys: ['2024-04-03', { pick: '法律援助中心' }, { pick: '看守所' }, '陈律师', '4', '2'],
    expected: () => ({ duty_on: '2024-04-03', office_id: ids.aidCentre, place: 'detention_centre', lawyer: '陈律师', help_count: 4, plea_witness_count: 2 }),
    find: { search: '陈律师' },
    edit: { label: '值班地点', input: { pick: '检察院', option: '人民检察院' }, stored: { place: 'procuratorate' }, shown: '人民检察院' },
  },
  {
    register: 'correctionEvent',
    path: '/correction/events',
    title: '社区矫正事件',
    others: () => [{ stint_id: ids.stint, event_on: '2024-08-01', event_type: 'individual_education', note: '电话回访' }],
    keys: ['2024-07-01', { pick: '002X', option: '赵六' }, { pick: '个别教育' }, '谈话教育'],
    expected: () => ({ stint_id: ids.stint, event_on: '2024-07-01', event_type: 'individual_education', note: '谈话教育' }),
    find: { search: '谈话' },
    // The first field, no Enter needed; typed loosely, stored as a date.
    edit: { label: '日期', input: '2024/7/2', stored: { event_on: '2024-07-02' }, shown: '2024-07-02' },
  },
  {
    register: 'correctionActivity',
    path: '/correction/activities',
    title: '社区矫正教育活动',
    others: () => [{ held_on: '2024-07-20', office_id: ids.chengxi, activity_type: 'group_counselling', topic: '心理健康辅导', attendance: 3 }],
    // The attendance filter: a name and Enter ticks that person; Enter on the empty filter moves on.
    keys: ['2024-07-10', { pick: '城西' }, { pick: '集中教育' }, '法治讲座', { waitForText: '名册 1 人' }, '赵六', ''],
    expected: () => ({
      held_on: '2024-07-10',
      office_id: ids.chengxi,
      activity_type: 'group_education',
      topic: '法治讲座',
      attendance: 1,
      attendee_stint_ids: [ids.stint],
    }),
    find: { search: '法治讲座' },
    // The ticked attendee stays ticked.
    edit: { label: '主题', input: '法治讲座：民法典', stored: { topic: '法治讲座：民法典' }, shown: '法治讲座：民法典' },
  },
  {
    register: 'investigation',
    path: '/correction/investigations',
    title: '调查评估',
    others: () => [
      { commission_no: 'WT2024-002', office_id: ids.chengxi, commissioned_on: '2024-03-05', commissioning_authority: 'court', subject_name: '钱九' },
    ],
    keys: ['WT2024-001', { pick: '城西' }, '2024-03-01', { pick: '人民法院' }, '孙八', { pick: '适宜' }, '2024-03-20'],
    expected: () => ({
      commission_no: 'WT2024-001',
      office_id: ids.chengxi,
      commissioned_on: '2024-03-01',
      commissioning_authority: 'court',
      subject_name: '孙八',
      opinion: 'suitable',
      completed_on: '2024-03-20',
    }),
    find: { search: '孙八' },
    edit: { label: '评估意见', input: { pick: '不适宜' }, stored: { opinion: 'unsuitable' }, shown: '不适宜' },
  },
  {
    register: 'remoteVisit',
    path: '/correction/remote-visits',
    title: '远程视频会见',
    others: () => [
      { visited_on: '2024-05-01', office_id: ids.aidCentre, visits: 1 },
      { visited_on: '2024-05-02', office_id: ids.chengxi, visits: 1 },
    ],
    keys: ['2024-05-01', { pick: '城西' }, '2'],
    expected: () => ({ visited_on: '2024-05-01', office_id: ids.chengxi, visits: 2 }),
    find: { office: '城西司法所', officeId: () => ids.chengxi!, day: '2024-05-01' },
    edit: { label: '次数', input: '3', stored: { visits: 3 }, shown: '3' },
  },
];

/** The ids of the records the clerk typed, by register. */
const recordIds: Record<string, number> = {};

async function storedById(register: string, id: number): Promise<Record<string, unknown>> {
  const record = await app.call(`${register}.get`, { id });
  if (!record.ok) throw new Error(record.error.message);
  return record.value as Record<string, unknown>;
}

/** The ids of the live records that the finder's narrowing lists. */
async function foundIds(register: string, find: Finder): Promise<number[]> {
  const query = 'search' in find ? { search: find.search } : { officeId: find.officeId(), from: find.day, to: find.day };
  const list = await app.call(`${register}.list`, query);
  if (!list.ok) throw new Error(list.error.message);
  return (list.value as { rows: { id: number }[] }).rows.map((row) => row.id);
}

const listRows = () => page.locator('main table tbody tr');

/** Narrows the list as the clerk would, with the keyboard, until it shows one row: the record's. */
async function narrowTo(find: Finder): Promise<Locator> {
  // Others are listed too, so that narrowing means something.
  await expect.poll(() => listRows().count()).toBeGreaterThan(1);
  if ('search' in find) {
    await page.getByRole('textbox', { name: '搜索' }).focus();
    await page.keyboard.type(find.search);
  } else {
    await page.getByRole('combobox', { name: '单位' }).focus();
    await pick(page, find.office);
    for (const bound of ['日期起', '日期止']) {
      await page.getByRole('textbox', { name: bound }).focus();
      await page.keyboard.type(find.day);
    }
  }
  const text = 'search' in find ? find.search : find.day;
  await expect.poll(async () => (await listRows().count()) === 1 && (await listRows().first().innerText()).includes(text)).toBe(true);
  return listRows().first();
}

/** Opens the row's form with Enter on 编辑, goes with Enter to the field, types or picks over it and saves with Ctrl+S. */
async function editWithKeyboard(row: Locator, edit: Edit): Promise<void> {
  await row.getByRole('button', { name: /^编辑「/ }).press('Enter');
  await formFocused();
  await enterUntil(page, edit.label);
  await page.keyboard.press('Control+a');
  if (typeof edit.input === 'string') await page.keyboard.type(edit.input);
  else await pick(page, edit.input.pick, edit.input.option);
  await saveWithCtrlS();
  await expectSaved();
}

/** Enter on the row's 删除; the confirmation's focus is on 取消 (never on the red button): Tab to 删除 and Enter. Returns the record's name as the page gives it. */
async function deleteWithKeyboard(row: Locator): Promise<string> {
  const button = row.getByRole('button', { name: /^删除「/ });
  const name = /^删除「(.*)」$/.exec((await button.getAttribute('aria-label')) ?? '')![1]!;
  await button.press('Enter');
  const dialog = page.getByRole('dialog').filter({ hasText: '确定删除' });
  await dialog.waitFor();
  await expect.poll(() => focusedText(page)).toBe('取消');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedText(page)).toBe('删除');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  return name;
}

/** Enter on 撤销 in the record's 已删除 notification. */
async function undoDelete(name: string): Promise<void> {
  const notice = page.getByRole('alert').filter({ hasText: `已删除「${name}」` });
  await notice.getByRole('button', { name: '撤销' }).press('Enter');
  await notice.waitFor({ state: 'hidden' });
}

describe.each(passes)('$title', (pass) => {
  it('is typed with the keyboard and saved from the 保存 button with Enter', async () => {
    for (const other of pass.others?.() ?? []) await created(`${pass.register}.create`, { record: other });
    await openRegister(page, pass.path, pass.title);
    await openNewForm();
    await typeKeys(page, pass.keys);
    // Enter after the last field lands on 保存; Enter there saves.
    await expect.poll(() => focusedText(page)).toBe('保存');
    await screenshot(page, `registers-${pass.register}-form`);
    await page.keyboard.press('Enter');
    await expectSaved();
    const found = await foundIds(pass.register, pass.find);
    expect(found).toHaveLength(1);
    recordIds[pass.register] = found[0]!;
    expect(await storedById(pass.register, found[0]!)).toMatchObject(pass.expected());
  });

  it('is found, edited with the keyboard and saved with Ctrl+S, deleted with the keyboard and the delete undone', async () => {
    const id = recordIds[pass.register]!;
    const typed = await storedById(pass.register, id);

    const row = await narrowTo(pass.find);
    await screenshot(page, `registers-${pass.register}-list`);
    await editWithKeyboard(row, pass.edit);
    const edited = await storedById(pass.register, id);
    // The edited field as stored, every other field as it was.
    expect(edited).toEqual({ ...typed, ...pass.edit.stored, updated_at: edited.updated_at });
    expect(String(edited.updated_at) > String(typed.updated_at)).toBe(true);
    await expect.poll(() => row.innerText()).toContain(pass.edit.shown);
    await screenshot(page, `registers-${pass.register}-edited`);

    const name = await deleteWithKeyboard(row);
    await expect.poll(() => foundIds(pass.register, pass.find)).toEqual([]);
    expect((await storedById(pass.register, id)).deleted_at).toEqual(expect.any(String));
    await expect.poll(() => listRows().filter({ hasText: pass.edit.shown }).count()).toBe(0);

    await undoDelete(name);
    await expect.poll(() => foundIds(pass.register, pass.find)).toEqual([id]);
    // Live again, with the edited values.
    expect(await storedById(pass.register, id)).toEqual(edited);
    await expect.poll(async () => (await listRows().count()) === 1 && (await row.innerText()).includes(pass.edit.shown)).toBe(true);
  });
});
