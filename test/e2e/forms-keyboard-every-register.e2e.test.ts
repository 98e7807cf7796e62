// Every register's form filled with the keys only, as a clerk does (issue 8): for each register
// declared in db/registers, its list opens by its route, 新增 opens with Alt+N, every field the
// form shows is filled with page.keyboard alone — text typed and Enter, options chosen with ↓/↑
// and Enter and with ↓/↑ and Tab without typing a letter, ticks with Space — and saved with
// Ctrl+Enter (保存并新增: the next record starts with the same office and date, the focus in
// its first field). Esc closes that untouched form with the focus on the saved row's 编辑;
// Enter reopens the record and every field shows what was typed; Ctrl+S saves it (unchanged, or
// with a form's only picker chosen the other way), closes the form and puts the focus back on
// that 编辑. What the database holds is checked through the API against values worked out by
// hand (3,500.00 元 → 350000 fen, a 身份证号码's 性别 and 出生日期, codes of the labels chosen).
// A register without a script, or a script not choosing both with Enter and with Tab, fails.

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registers } from '../../db/registers/index.ts';
import type { RegisterName } from '../../db/registers/register.ts';
import { registerPath } from '../../renderer/common/routes.ts';
import { startTestApp, type TestApp } from '../support/app-server.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { enterUntil, fieldError, focusedLabel, formDrawer, openRegister, pick } from './support/registers.ts';

/** 身份证号码 with their GB 11643 check digits worked out by hand: a woman born 1949-12-31, a man born 1990-01-01, a man born 1949-12-31. */
const WOMAN_1949 = '11010519491231002X';
const MAN_1990 = '110105199001011232';
const MAN_1949 = '110105194912310011';

/**
 * One field of a form, in the order Enter visits them. `field` is the record's field (the
 * form's data-field), `label` what the focused input is called.
 *  - type: typed, then Enter; `shown` is how the field reads afterwards (3,500.00).
 *  - keep: the form already holds `shown` (a proposed number, a default); Enter keeps it.
 *  - keys: ↓/↑ pressed in the open list, no letter typed, until `option` is highlighted; `by` picks it.
 *  - pick: part of an option typed, Enter picks `option`.
 *  - suggest: part of a value already used typed in a free-text field; ↓ highlights the suggestion `option`, Enter takes it.
 *  - several: a multi-select, each option chosen by keys or by typing; Enter on nothing leaves it.
 *  - ticked: Space ticks the box (when `ticked`), Enter moves on.
 *  - parties: rows of name, 身份证号码 and role; Enter on the blank row's name leaves them.
 *  - attend: part of a name typed in the roster filter, Enter ticks the match; Enter on nothing leaves it.
 *  - derived: not typed (it follows from another field and Enter passes it); it reads `shown`.
 */
type Step = { readonly field: string; readonly label: string } & (
  | { readonly type: string; readonly shown?: string }
  | { readonly keep: string }
  | { readonly keys: readonly ('ArrowDown' | 'ArrowUp')[]; readonly option: string; readonly by: 'Enter' | 'Tab' }
  | { readonly pick: string; readonly option: string }
  | { readonly suggest: string; readonly option: string }
  | { readonly several: readonly ({ readonly keys: readonly ('ArrowDown' | 'ArrowUp')[]; readonly option: string } | { readonly pick: string; readonly option: string })[] }
  | { readonly ticked: boolean }
  | { readonly parties: readonly (readonly [string, string, string])[] }
  | { readonly attend: string; readonly option: string }
  | { readonly derived: string }
);

interface Script {
  readonly steps: readonly Step[];
  /** The saved row's name on its 编辑 button: 编辑「name」. */
  readonly name: string;
  /** The stored record, worked out by hand (ids by the names of what was arranged). */
  readonly stored: () => Record<string, unknown>;
  /**
   * A change made in the reopened form before Ctrl+S (Enter leads to each field): a form with a
   * single picker chooses with Enter there and with Tab here, or the other way round.
   */
  readonly edit?: { readonly steps: readonly Step[]; readonly name: string; readonly stored: () => Record<string, unknown> };
}

const down = ['ArrowDown'] as const;
const firstOption = ['ArrowDown', 'ArrowUp'] as const;

let app: TestApp;
let browser: Browser;
let page: Page;
const ids: Record<string, number> = {};

async function created(method: string, input: object): Promise<number> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return (result.value as { id: number }).id;
}

async function liveRows(register: RegisterName): Promise<{ id: number }[]> {
  const result = await app.call(`${register}.list`, {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { rows: { id: number }[] }).rows;
}

async function storedRecord(register: RegisterName, id: number): Promise<Record<string, unknown>> {
  const result = await app.call(`${register}.get`, { id });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Record<string, unknown>;
}

const scripts: Readonly<Record<RegisterName, Script>> = {
  mediationOrg: {
    steps: [
      { field: 'name', label: '名称', type: '东湖社区人民调解委员会' },
      { field: 'kind', label: '类型', keys: down, option: '乡镇(街道)调委会', by: 'Tab' },
      { field: 'specialty', label: '专业领域', keys: ['ArrowDown', 'ArrowDown'], option: '劳动争议', by: 'Enter' },
      { field: 'office_id', label: '所属单位', pick: '城西', option: '城西司法所' },
      { field: 'founded_on', label: '成立日期', type: '2020/5/1', shown: '2020-05-01' },
      { field: 'dissolved_on', label: '撤销日期', type: '2026-11-30' },
    ],
    name: '东湖社区人民调解委员会',
    stored: () => ({
      name: '东湖社区人民调解委员会',
      kind: 'township',
      specialty: 'labour',
      office_id: ids.chengxi,
      founded_on: '2020-05-01',
      dissolved_on: '2026-11-30',
    }),
  },
  mediator: {
    steps: [
      { field: 'name', label: '姓名', type: '周七' },
      { field: 'id_number', label: '身份证号码', type: WOMAN_1949 },
      { field: 'sex', label: '性别', derived: '女' },
      { field: 'org_id', label: '所属调解组织', pick: '城西镇', option: '城西镇人民调解委员会' },
      { field: 'employment', label: '专兼职', keys: down, option: '兼职', by: 'Tab' },
      { field: 'background', label: '身份背景', keys: ['ArrowDown', 'ArrowDown', 'ArrowDown'], option: '律师', by: 'Enter' },
      { field: 'appointed_on', label: '聘任日期', type: '2024-01-02' },
      { field: 'dismissed_on', label: '解聘日期', type: '2026-10-31' },
    ],
    name: '周七',
    stored: () => ({
      name: '周七',
      id_number: WOMAN_1949,
      sex: 'female',
      org_id: ids.org,
      employment: 'parttime',
      background: 'lawyer',
      appointed_on: '2024-01-02',
      dismissed_on: '2026-10-31',
    }),
  },
  mediationCase: {
    steps: [
      { field: 'org_id', label: '调解组织', pick: '城西镇', option: '城西镇人民调解委员会' },
      { field: 'received_on', label: '受理日期', type: '2026-11-20' },
      { field: 'case_no', label: '案件编号', keep: '(2026)城西调字第0001号' },
      { field: 'source', label: '案件来源', keys: down, option: '主动调解', by: 'Tab' },
      { field: 'dispute_type', label: '纠纷类型', keys: down, option: '邻里', by: 'Enter' },
      {
        field: 'parties',
        label: '第1名当事人姓名',
        parties: [
          ['张三', WOMAN_1949, '申请人'],
          ['李四', '', '被申请人'],
        ],
      },
      { field: 'people_count', label: '涉及人数', type: '3' },
      { field: 'amount_fen', label: '涉及金额(元)', type: '3500', shown: '3,500.00' },
      { field: 'difficulty', label: '案件难度', pick: '重大', option: '重大' },
      // 苏海 and 黎涛 serve 城西镇 on 2026-11-20, listed by name (苏 before 黎); 周七 was dismissed before it.
      {
        field: 'mediator_ids',
        label: '调解员',
        several: [
          { keys: down, option: '黎涛' },
          { pick: '苏', option: '苏海' },
        ],
      },
      { field: 'result', label: '调解结果', keys: down, option: '调解成功', by: 'Enter' },
      { field: 'closed_on', label: '结案日期', type: '2026-11-28' },
      { field: 'agreement_form', label: '协议形式', keys: down, option: '口头', by: 'Tab' },
      { field: 'performance', label: '履行情况', keys: ['ArrowDown', 'ArrowDown'], option: '未履行', by: 'Enter' },
      { field: 'prevented_criminal', label: '防止民转刑', ticked: true },
      { field: 'prevented_petition', label: '防止群体性上访', ticked: false },
      { field: 'prevented_fight', label: '防止群体性械斗', ticked: true },
      { field: 'prevented_suicide', label: '防止自杀', ticked: false },
      { field: 'note', label: '备注', type: '邻里漏水纠纷' },
    ],
    name: '(2026)城西调字第0001号',
    stored: () => ({
      case_no: '(2026)城西调字第0001号',
      org_id: ids.org,
      received_on: '2026-11-20',
      source: 'initiative',
      dispute_type: 'neighbour',
      parties: [
        { name: '张三', id_number: WOMAN_1949, role: '申请人' },
        { name: '李四', id_number: null, role: '被申请人' },
      ],
      people_count: 3,
      amount_fen: 350000,
      difficulty: 'major',
      mediator_ids: [ids.suHai, ids.liTao],
      result: 'succeeded',
      closed_on: '2026-11-28',
      agreement_form: 'oral',
      performance: 'unperformed',
      failure_route: null,
      prevented_criminal: true,
      prevented_petition: false,
      prevented_fight: true,
      prevented_suicide: false,
      note: '邻里漏水纠纷',
    }),
  },
  disputeSweep: {
    steps: [
      { field: 'swept_on', label: '日期', type: '2026-11-30' },
      // Offices are listed in the order they were set up: 城西司法所, 区法律援助中心, 局本级.
      { field: 'office_id', label: '单位', keys: firstOption, option: '城西司法所', by: 'Tab' },
      { field: 'sweeps', label: '排查次数', type: '4' },
      { field: 'disputes_found', label: '发现纠纷数', type: '2' },
      { field: 'note', label: '备注', type: '走访三个村' },
    ],
    name: '城西司法所 2026-11-30',
    stored: () => ({ swept_on: '2026-11-30', office_id: ids.chengxi, sweeps: 4, disputes_found: 2, note: '走访三个村' }),
    edit: {
      steps: [{ field: 'office_id', label: '单位', keys: down, option: '区法律援助中心', by: 'Enter' }],
      name: '区法律援助中心 2026-11-30',
      stored: () => ({ swept_on: '2026-11-30', office_id: ids.aidCentre, sweeps: 4, disputes_found: 2, note: '走访三个村' }),
    },
  },
  legalAidCase: {
    steps: [
      { field: 'office_id', label: '单位', keys: down, option: '区法律援助中心', by: 'Enter' },
      { field: 'received_on', label: '受理日期', type: '2026-11-02' },
      { field: 'case_no', label: '案件编号', keep: '(2026)法援字第0001号' },
      { field: 'source', label: '案件来源', keys: firstOption, option: '申请', by: 'Enter' },
      { field: 'category', label: '案件类别', keys: firstOption, option: '刑事', by: 'Tab' },
      { field: 'criminal_stage', label: '刑事诉讼阶段', keys: ['ArrowDown', 'ArrowDown'], option: '审判', by: 'Enter' },
      // 案由 and 承办人 suggest the values already used (the case of 2025 arranged below): ↓ and Enter take one.
      { field: 'cause', label: '案由', suggest: '盗', option: '盗窃' },
      { field: 'review_result', label: '审查结果', keys: firstOption, option: '给予援助', by: 'Enter' },
      { field: 'promise', label: '告知承诺制', ticked: true },
      { field: 'recipient_name', label: '受援人', type: '王五' },
      { field: 'recipient_id_number', label: '身份证号码', type: WOMAN_1949 },
      { field: 'recipient_sex', label: '性别', derived: '女' },
      { field: 'recipient_birth_date', label: '出生日期', derived: '1949-12-31' },
      { field: 'special_groups', label: '特殊群体', several: [{ keys: down, option: '农民工' }] },
      { field: 'handler_name', label: '承办人', suggest: '袁', option: '袁磊平' },
      { field: 'handler_type', label: '承办人类型', keys: down, option: '法律援助机构工作人员', by: 'Tab' },
      { field: 'assigned_on', label: '指派日期', type: '2026-11-03' },
      { field: 'closed_on', label: '结案日期', type: '2026-11-30' },
      { field: 'closing_method', label: '结案方式', keys: down, option: '裁定', by: 'Enter' },
      { field: 'recovered_fen', label: '挽回经济损失(元)', type: '3,500', shown: '3,500.00' },
      { field: 'note', label: '备注', type: '已结案' },
    ],
    name: '(2026)法援字第0001号',
    stored: () => ({
      case_no: '(2026)法援字第0001号',
      office_id: ids.aidCentre,
      received_on: '2026-11-02',
      source: 'application',
      notifying_authority: null,
      category: 'criminal',
      criminal_stage: 'trial',
      cause: '盗窃',
      review_result: 'granted',
      promise: true,
      recipient_name: '王五',
      recipient_id_number: WOMAN_1949,
      recipient_sex: 'female',
      recipient_birth_date: '1949-12-31',
      special_groups: ['migrant_worker'],
      handler_name: '袁磊平',
      handler_type: 'staff',
      assigned_on: '2026-11-03',
      closed_on: '2026-11-30',
      closing_method: 'ruling',
      recovered_fen: 350000,
      note: '已结案',
    }),
  },
  consultation: {
    steps: [
      { field: 'consulted_on', label: '日期', type: '2026-11-25' },
      { field: 'office_id', label: '单位', pick: '城西', option: '城西司法所' },
      { field: 'channel', label: '方式', keys: down, option: '来电', by: 'Tab' },
      { field: 'matter', label: '事项类别', keys: ['ArrowDown', 'ArrowDown'], option: '行政', by: 'Enter' },
      { field: 'visitors', label: '人次', type: '3' },
      { field: 'outcome', label: '处理结果', keys: down, option: '代写文书', by: 'Enter' },
    ],
    name: '城西司法所 2026-11-25 来电',
    stored: () => ({ consulted_on: '2026-11-25', office_id: ids.chengxi, channel: 'phone', matter: 'administrative', visitors: 3, outcome: 'document' }),
  },
  dutyShift: {
    steps: [
      { field: 'duty_on', label: '日期', type: '2026-11-26' },
      { field: 'office_id', label: '单位', keys: down, option: '区法律援助中心', by: 'Enter' },
      { field: 'place', label: '值班地点', keys: down, option: '人民法院', by: 'Tab' },
      { field: 'lawyer', label: '律师', type: '陈律师' },
      { field: 'help_count', label: '法律帮助人次', type: '5' },
      { field: 'plea_witness_count', label: '认罪认罚见证', type: '2' },
    ],
    name: '2026-11-26 陈律师',
    stored: () => ({ duty_on: '2026-11-26', office_id: ids.aidCentre, place: 'court', lawyer: '陈律师', help_count: 5, plea_witness_count: 2 }),
  },
  correctionStint: {
    steps: [
      { field: 'name', label: '姓名', type: '赵六' },
      { field: 'id_number', label: '身份证号码', type: MAN_1990 },
      { field: 'office_id', label: '执行地司法所', pick: '城西', option: '城西司法所' },
      { field: 'category', label: '矫正类别', keys: down, option: '缓刑', by: 'Tab' },
      { field: 'crime', label: '罪名', suggest: '危险', option: '危险驾驶罪' },
      { field: 'deciding_authority', label: '决定机关', keys: down, option: '公安机关', by: 'Enter' },
      { field: 'term_start', label: '矫正起始日期', type: '2026-02-01' },
      { field: 'term_end', label: '矫正期满日期', type: '2027-02-01' },
      { field: 'entered_on', label: '入矫日期', type: '2026-02-05' },
      { field: 'supervision_level', label: '监管等级', keys: down, option: '普管', by: 'Enter' },
      { field: 'exited_on', label: '解矫日期', type: '2026-11-30' },
      { field: 'exit_type', label: '解矫类型', keys: ['ArrowDown', 'ArrowDown'], option: '撤销缓刑', by: 'Enter' },
    ],
    name: '赵六（入矫 2026-02-05）',
    stored: () => ({
      name: '赵六',
      id_number: MAN_1990,
      office_id: ids.chengxi,
      category: 'probation',
      crime: '危险驾驶罪',
      deciding_authority: 'police',
      term_start: '2026-02-01',
      term_end: '2027-02-01',
      entered_on: '2026-02-05',
      supervision_level: 'ordinary',
      exited_on: '2026-11-30',
      exit_type: 'revoke_probation',
    }),
  },
  correctionEvent: {
    steps: [
      { field: 'event_on', label: '日期', type: '2026-11-10' },
      // In correction that day, by name: 甲某, then 赵六.
      { field: 'stint_id', label: '社区矫正对象', keys: firstOption, option: '甲某 1101**********0011 · 入矫 2026-01-05', by: 'Enter' },
      { field: 'event_type', label: '事件类型', keys: ['ArrowDown', 'ArrowDown'], option: '警告', by: 'Tab' },
      { field: 'note', label: '说明', type: '未按时报到' },
    ],
    name: '甲某 2026-11-10 警告',
    stored: () => ({ event_on: '2026-11-10', stint_id: ids.stint, event_type: 'warning', note: '未按时报到' }),
  },
  correctionActivity: {
    steps: [
      { field: 'held_on', label: '日期', type: '2026-11-12' },
      { field: 'office_id', label: '单位', keys: firstOption, option: '城西司法所', by: 'Enter' },
      { field: 'activity_type', label: '活动类型', keys: down, option: '公益活动', by: 'Tab' },
      { field: 'topic', label: '主题', type: '社区清扫' },
      { field: 'attendee_stint_ids', label: '查找参加人员', attend: '甲某', option: '甲某 1101**********0011 · 入矫 2026-01-05' },
      { field: 'attendance', label: '参加人数', derived: '1' },
    ],
    name: '2026-11-12 社区清扫',
    stored: () => ({
      held_on: '2026-11-12',
      office_id: ids.chengxi,
      activity_type: 'community_service',
      topic: '社区清扫',
      attendance: 1,
      attendee_stint_ids: [ids.stint],
    }),
  },
  investigation: {
    steps: [
      { field: 'commission_no', label: '委托编号', type: '城检评字第7号' },
      { field: 'office_id', label: '单位', keys: firstOption, option: '城西司法所', by: 'Enter' },
      { field: 'commissioned_on', label: '委托日期', type: '2026-11-01' },
      { field: 'commissioning_authority', label: '委托机关', keys: down, option: '人民检察院', by: 'Tab' },
      { field: 'subject_name', label: '被调查人', type: '孙八' },
      { field: 'opinion', label: '评估意见', keys: down, option: '不适宜', by: 'Enter' },
      { field: 'completed_on', label: '完成日期', type: '2026-11-20' },
    ],
    name: '城检评字第7号',
    stored: () => ({
      commission_no: '城检评字第7号',
      office_id: ids.chengxi,
      commissioned_on: '2026-11-01',
      commissioning_authority: 'procuratorate',
      subject_name: '孙八',
      opinion: 'unsuitable',
      completed_on: '2026-11-20',
    }),
  },
  remoteVisit: {
    steps: [
      { field: 'visited_on', label: '日期', type: '2026-11-27' },
      { field: 'office_id', label: '单位', keys: firstOption, option: '城西司法所', by: 'Enter' },
      { field: 'visits', label: '次数', type: '6' },
    ],
    name: '城西司法所 2026-11-27',
    stored: () => ({ visited_on: '2026-11-27', office_id: ids.chengxi, visits: 6 }),
    edit: {
      steps: [{ field: 'office_id', label: '单位', keys: down, option: '区法律援助中心', by: 'Tab' }],
      name: '区法律援助中心 2026-11-27',
      stored: () => ({ visited_on: '2026-11-27', office_id: ids.aidCentre, visits: 6 }),
    },
  },
  legalAdviser: {
    steps: [
      { field: 'name', label: '姓名', type: '吴律师' },
      { field: 'office_id', label: '单位', keys: firstOption, option: '城西司法所', by: 'Enter' },
      { field: 'firm', label: '执业机构', type: '城西律师事务所' },
      { field: 'identity', label: '身份', keys: down, option: '基层法律服务工作者', by: 'Tab' },
      { field: 'villages', label: '服务村(居)', type: '南村、北村' },
      { field: 'appointed_on', label: '聘任日期', type: '2026-01-01' },
      { field: 'dismissed_on', label: '解聘日期', type: '2026-12-01' },
    ],
    name: '吴律师',
    stored: () => ({
      name: '吴律师',
      office_id: ids.chengxi,
      firm: '城西律师事务所',
      identity: 'grassroots',
      villages: '南村、北村',
      appointed_on: '2026-01-01',
      dismissed_on: '2026-12-01',
    }),
  },
  legalAdviserService: {
    steps: [
      { field: 'served_on', label: '日期', type: '2026-11-15' },
      { field: 'office_id', label: '单位', pick: '城西', option: '城西司法所' },
      // In post that day at 城西, by name: 吴律师, then 钱律师.
      { field: 'adviser_id', label: '法律顾问', keys: down, option: '钱律师（城西司法所）', by: 'Enter' },
      { field: 'village', label: '服务村(居)', keys: down, option: '西村', by: 'Tab' },
      { field: 'service_type', label: '服务类型', keys: ['ArrowDown', 'ArrowDown'], option: '法治讲座', by: 'Enter' },
      { field: 'quantity', label: '数量', type: '2' },
      { field: 'note', label: '备注', type: '讲解土地承包法' },
    ],
    name: '2026-11-15 钱律师 西村 法治讲座',
    stored: () => ({
      served_on: '2026-11-15',
      office_id: ids.chengxi,
      adviser_id: ids.adviser,
      village: '西村',
      service_type: 'lecture',
      quantity: 2,
      note: '讲解土地承包法',
    }),
  },
  publicityActivity: {
    steps: [
      { field: 'held_on', label: '日期', type: '2026-11-18' },
      { field: 'office_id', label: '单位', keys: firstOption, option: '城西司法所', by: 'Enter' },
      { field: 'form', label: '活动形式', keys: down, option: '现场宣传咨询', by: 'Tab' },
      { field: 'topic', label: '主题', type: '宪法宣传周' },
      { field: 'audience_type', label: '面向对象', keys: ['ArrowDown', 'ArrowDown'], option: '农村群众', by: 'Enter' },
      { field: 'sessions', label: '场次', type: '2' },
      { field: 'audience', label: '受众人次', type: '1,200', shown: '1200' },
    ],
    name: '城西司法所 2026-11-18 宪法宣传周',
    stored: () => ({
      held_on: '2026-11-18',
      office_id: ids.chengxi,
      form: 'on_site',
      topic: '宪法宣传周',
      audience_type: 'rural',
      sessions: 2,
      audience: 1200,
    }),
  },
  resettlement: {
    steps: [
      { field: 'name', label: '姓名', type: '钱九' },
      { field: 'id_number', label: '身份证号码', type: MAN_1949 },
      { field: 'office_id', label: '单位', pick: '城西', option: '城西司法所' },
      { field: 'person_type', label: '人员类型', keys: firstOption, option: '刑满释放人员', by: 'Tab' },
      { field: 'original_crime', label: '原罪名', type: '盗窃罪' },
      { field: 'released_on', label: '释放日期', type: '2026-06-01' },
      { field: 'taken_over_on', label: '衔接日期', type: '2026-06-05' },
      { field: 'handover_method', label: '衔接方式', keys: down, option: '自行报到', by: 'Enter' },
      { field: 'resettlement_method', label: '安置方式', keys: ['ArrowDown', 'ArrowDown'], option: '务农', by: 'Enter' },
      { field: 'resettled_on', label: '安置日期', type: '2026-07-01' },
      { field: 'helped', label: '落实帮教', ticked: true },
      { field: 'help_ends_on', label: '帮教期满日期', type: '2031-06-01' },
      { field: 'reoffended_on', label: '重新犯罪日期', type: '2026-11-01' },
    ],
    name: '钱九（释放 2026-06-01）',
    stored: () => ({
      name: '钱九',
      id_number: MAN_1949,
      office_id: ids.chengxi,
      person_type: 'prison',
      original_crime: '盗窃罪',
      released_on: '2026-06-01',
      taken_over_on: '2026-06-05',
      handover_method: 'self_report',
      resettlement_method: 'farming',
      resettled_on: '2026-07-01',
      helped: true,
      help_ends_on: '2031-06-01',
      reoffended_on: '2026-11-01',
    }),
  },
};

/** The open list's highlighted option. */
const highlighted = () => page.locator('[role=listbox]:visible [data-combobox-option][data-combobox-selected]');

/** Presses ↓/↑ in the focused picker once its list is open with an option highlighted, then waits for `option` to be the highlighted one. */
async function steer(keys: readonly string[], option: string): Promise<void> {
  await highlighted().first().waitFor();
  for (const key of keys) await page.keyboard.press(key);
  await expect.poll(() => highlighted().first().innerText()).toBe(option);
}

/** Fills one field with the keys, the focus already on it. */
async function fill(step: Step): Promise<void> {
  const keyboard = page.keyboard;
  if ('type' in step) {
    await keyboard.type(step.type);
    await keyboard.press('Enter');
  } else if ('keep' in step) {
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(step.keep);
    await keyboard.press('Enter');
  } else if ('keys' in step) {
    await steer(step.keys, step.option);
    await keyboard.press(step.by);
  } else if ('pick' in step) {
    await pick(page, step.pick, step.option);
  } else if ('suggest' in step) {
    await keyboard.type(step.suggest);
    await page.locator('[role=listbox]:visible [data-combobox-option]', { hasText: step.option }).first().waitFor();
    await keyboard.press('ArrowDown');
    await expect.poll(() => highlighted().first().innerText()).toBe(step.option);
    await keyboard.press('Enter');
  } else if ('several' in step) {
    for (const choice of step.several) {
      if ('keys' in choice) {
        await steer(choice.keys, choice.option);
        await keyboard.press('Enter');
      } else await pick(page, choice.pick, choice.option);
      await expect.poll(() => chosenPills(formDrawer(page), step.field)).toContain(choice.option);
    }
    await keyboard.press('Enter');
  } else if ('ticked' in step) {
    if (step.ticked) await keyboard.press('Space');
    await keyboard.press('Enter');
  } else if ('parties' in step) {
    for (const [index, [name, idNumber, role]] of step.parties.entries()) {
      await expect.poll(() => focusedLabel(page)).toBe(`第${index + 1}名当事人姓名`);
      for (const text of [name, idNumber, role]) {
        if (text !== '') await keyboard.type(text);
        await keyboard.press('Enter');
      }
    }
    await expect.poll(() => focusedLabel(page)).toBe(`第${step.parties.length + 1}名当事人姓名`);
    await keyboard.press('Enter');
  } else if ('attend' in step) {
    await page.getByText(/已勾选 \d+ 人（名册/).waitFor();
    await keyboard.type(step.attend);
    await keyboard.press('Enter');
    await expect.poll(() => tickedAttendees(formDrawer(page))).toEqual([step.option]);
    await keyboard.press('Enter');
  }
}

/** The options a multi-select holds, as its pills read. */
const chosenPills = (drawer: Locator, field: string) => drawer.locator(`[data-field="${field}"] .mantine-Pill-label`).allInnerTexts();

/** The roster ticks that are ticked, by their labels. */
const tickedAttendees = (drawer: Locator) =>
  drawer
    .locator('[data-field="attendee_stint_ids"] .mantine-Checkbox-root')
    .filter({ has: page.locator('input:checked') })
    .allInnerTexts();

/** The value one field's input shows. */
const inputOf = (drawer: Locator, field: string) => drawer.locator(`[data-field="${field}"]`).locator('input:not([type=hidden]), textarea').first();

/** Reads back every field of the reopened form against what was typed or chosen. */
async function readBack(drawer: Locator, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    if ('several' in step) {
      // Chosen in any order; the record keeps them as a set.
      await expect.poll(async () => (await chosenPills(drawer, step.field)).sort()).toEqual(step.several.map((choice) => choice.option).sort());
    } else if ('ticked' in step) {
      await expect(inputOf(drawer, step.field).isChecked()).resolves.toBe(step.ticked);
    } else if ('parties' in step) {
      for (const [index, row] of step.parties.entries()) {
        const read = await Promise.all(
          ['姓名', '身份证号码', '角色'].map((part) => drawer.getByLabel(`第${index + 1}名当事人${part}`, { exact: true }).inputValue()),
        );
        expect(read).toEqual(row);
      }
    } else if ('attend' in step) {
      await expect.poll(() => tickedAttendees(drawer)).toEqual([step.option]);
    } else {
      const shown = 'type' in step ? (step.shown ?? step.type) : 'keep' in step ? step.keep : 'derived' in step ? step.derived : step.option;
      await expect.poll(() => inputOf(drawer, step.field).inputValue(), { message: step.label }).toBe(shown);
    }
  }
}

const focusedAriaLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

beforeAll(async () => {
  app = await startTestApp({ today: '2026-12-02' });
  ids.chengxi = await created('office.create', { name: '城西司法所' });
  ids.aidCentre = await created('office.create', { name: '区法律援助中心' });
  ids.bureau = await created('office.create', { name: '局本级' });
  ids.org = await created('mediationOrg.create', {
    record: { name: '城西镇人民调解委员会', kind: 'township', office_id: ids.chengxi, founded_on: '2015-03-01' },
  });
  ids.suHai = await created('mediator.create', { record: { name: '苏海', org_id: ids.org, employment: 'fulltime', appointed_on: '2020-01-01' } });
  ids.liTao = await created('mediator.create', { record: { name: '黎涛', org_id: ids.org, employment: 'parttime', appointed_on: '2021-06-01' } });
  ids.stint = await created('correctionStint.create', {
    record: {
      name: '甲某',
      id_number: MAN_1949,
      office_id: ids.chengxi,
      category: 'probation',
      crime: '危险驾驶罪',
      term_start: '2026-01-01',
      term_end: '2027-01-01',
      entered_on: '2026-01-05',
    },
  });
  await created('legalAidCase.create', {
    record: {
      case_no: '(2025)法援字第0031号',
      office_id: ids.aidCentre,
      received_on: '2025-06-01',
      source: 'application',
      category: 'criminal',
      cause: '盗窃',
      review_result: 'granted',
      recipient_name: '丁一',
      recipient_id_number: MAN_1990,
      handler_name: '袁磊平',
      handler_type: 'lawyer',
    },
  });
  ids.adviser = await created('legalAdviser.create', {
    record: { name: '钱律师', office_id: ids.chengxi, identity: 'lawyer', villages: '东村、西村', appointed_on: '2025-01-01' },
  });
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('every register’s form, with the keys only', () => {
  it('has a script for every register declared in db/registers, each choosing with ↓/↑ and Enter and with ↓/↑ and Tab', () => {
    expect(registers.map((register) => register.name).filter((name) => !(name in scripts))).toEqual([]);
    for (const { name } of registers) {
      const steps = [...scripts[name].steps, ...(scripts[name].edit?.steps ?? [])];
      const pickedBy = new Set(steps.flatMap((step) => ('by' in step ? [step.by] : [])));
      expect([...pickedBy].sort(), name).toEqual(['Enter', 'Tab']);
    }
  });

  for (const register of registers) {
    it(`${register.title}: filled, saved with Ctrl+Enter, reopened with Enter on its 编辑 and read back`, async () => {
      const script = scripts[register.name];
      const title = register.title;
      await openRegister(page, registerPath(register.name), title);
      const arranged = new Set((await liveRows(register.name)).map((row) => row.id));
      const added = async () => (await liveRows(register.name)).filter((row) => !arranged.has(row.id));
      await page.keyboard.press('Alt+N');
      const drawer = formDrawer(page);
      await page.getByRole('heading', { name: `新增${title}` }).waitFor();

      for (const step of script.steps) {
        if ('derived' in step) continue;
        await expect.poll(() => focusedLabel(page), { message: `Enter 应到达「${step.label}」` }).toBe(step.label);
        await fill(step);
      }
      // Every field the form shows was filled (or follows from one that was).
      const shown = await drawer.locator('[data-field]').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-field')));
      expect(shown.sort()).toEqual(script.steps.map((step) => step.field).sort());
      // Each field the record must have carries the required mark.
      const unmarked: string[] = [];
      for (const field of register.fields.filter((candidate) => candidate.requiredColumn)) {
        if ((await drawer.locator(`[data-field="${field.name}"] .mantine-InputWrapper-required`).count()) === 0) unmarked.push(field.header);
      }
      expect(unmarked, '必填项缺少标记').toEqual([]);
      await screenshot(page, `forms-every-register-${register.name}`);

      await page.keyboard.press('Control+Enter');
      await expect.poll(async () => (await added()).length).toBe(1);
      const [row] = await added();
      expect(await storedRecord(register.name, row!.id)).toMatchObject(script.stored());

      // 保存并新增: the next record keeps the office and the date, the focus in its first field.
      const first = script.steps[0]!;
      await expect.poll(() => focusedLabel(page)).toBe(first.label);
      await expect.poll(() => drawer.getByRole('heading').first().innerText()).toBe(`新增${title}`);
      for (const field of register.fields.filter((candidate) => candidate.kind === 'office' || candidate.name === register.dateColumn)) {
        const step = script.steps.find((candidate) => candidate.field === field.name)!;
        const kept = 'type' in step ? (step.shown ?? step.type) : 'option' in step ? step.option : '';
        await expect.poll(() => inputOf(drawer, field.name).inputValue(), { message: `保存并新增后「${step.label}」` }).toBe(kept);
      }

      // One Esc closes the untouched form; the focus is on the saved row's 编辑, and Enter reopens it.
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      await expect.poll(focusedAriaLabel).toBe(`编辑「${script.name}」`);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: `编辑${title}：${script.name}` }).waitFor();
      await readBack(drawer, script.steps);

      // Saved with Ctrl+S (changed or not): the form closes and the focus is back on the row's 编辑.
      for (const step of script.edit?.steps ?? []) {
        await enterUntil(page, step.label);
        await fill(step);
      }
      const saved = script.edit ?? script;
      await page.keyboard.press('Control+s');
      await drawer.waitFor({ state: 'hidden' });
      await expect.poll(focusedAriaLabel).toBe(`编辑「${saved.name}」`);
      expect(await storedRecord(register.name, row!.id)).toMatchObject(saved.stored());
    });
  }
});

describe('a 法律顾问服务’s adviser picker', () => {
  it('keeps typed text that matches no adviser as the field’s error, and the form refuses to save', async () => {
    await openRegister(page, registerPath('legalAdviserService'), '法律顾问服务');
    const before = (await liveRows('legalAdviserService')).length;
    await page.keyboard.press('Alt+N');
    const drawer = formDrawer(page);
    await expect.poll(() => focusedLabel(page)).toBe('日期');
    await page.keyboard.type('2026-11-16');
    await page.keyboard.press('Enter');
    await pick(page, '城西', '城西司法所');
    await expect.poll(() => focusedLabel(page)).toBe('法律顾问');
    await page.keyboard.type('孙律师');
    await page.keyboard.press('Enter');
    await expect.poll(() => fieldError(drawer, '法律顾问').innerText()).toBe('不在可选项中');
    await expect(inputOf(drawer, 'adviser_id').inputValue()).resolves.toBe('孙律师');
    await page.keyboard.press('Control+s');
    await expect.poll(() => drawer.getByRole('alert').innerText()).toContain('法律顾问');
    expect(await liveRows('legalAdviserService')).toHaveLength(before);
    await page.keyboard.press('Escape');
    const discard = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容' });
    await discard.getByRole('button', { name: '放弃并关闭' }).click();
    await drawer.waitFor({ state: 'hidden' });
  });
});
