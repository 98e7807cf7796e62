// The API contract through the dispatcher: CRUD of the registers with the rules of
// registers.md, errors as data with Chinese per-field messages, soft delete dropping a record
// out of every figure, next case numbers, lists with search, filters and paging.

import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../db/api/contract.ts';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase } from '../../db/database.ts';

let call: ApiCall;

async function value<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

function failure(result: ApiResult) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

let officeId: number;
let orgId: number;
let otherOrgId: number;
let mediatorId: number;
let otherMediatorId: number;

const caseRecord = (overrides: Record<string, unknown> = {}) => ({
  case_no: '(2024)城西调字第0012号',
  org_id: orgId,
  received_on: '2024-03-01',
  source: 'apply',
  dispute_type: 'neighbour',
  parties: [{ name: '张三' }, { name: '李四', id_number: '11010519491231002X', role: '被申请人' }],
  amount_fen: 1_234_550,
  mediator_ids: [mediatorId],
  result: 'succeeded',
  closed_on: '2024-03-20',
  agreement_form: 'written',
  ...overrides,
});

const figure = async (id: string) =>
  (await value<{ indicators: Record<string, number | null> }>('report.run', { from: '2024-01-01', to: '2024-12-31' })).indicators[id];

beforeEach(async () => {
  const db = openDatabase(':memory:', { create: true });
  call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '测试员', today: () => '2024-12-31' });
  officeId = (await value<{ id: number }>('office.create', { name: '城西司法所' })).id;
  orgId = (
    await value<{ id: number }>('mediationOrg.create', {
      record: { name: '城西镇人民调解委员会', kind: 'township', office_id: officeId, founded_on: '2015-03-01' },
    })
  ).id;
  otherOrgId = (
    await value<{ id: number }>('mediationOrg.create', {
      record: { name: '东村人民调解委员会', kind: 'village', office_id: officeId, founded_on: '2016-03-01' },
    })
  ).id;
  mediatorId = (
    await value<{ id: number }>('mediator.create', {
      record: { name: '苏海', org_id: orgId, employment: 'fulltime', appointed_on: '2016-01-01' },
    })
  ).id;
  otherMediatorId = (
    await value<{ id: number }>('mediator.create', {
      record: { name: '龙霞', org_id: otherOrgId, employment: 'parttime', appointed_on: '2016-01-01' },
    })
  ).id;
});

describe('errors come back as data, in Chinese, per field', () => {
  it('validates a record against the rules of registers.md', async () => {
    const error = failure(
      await call('mediationOrg.create', { record: { name: '', kind: '街道', founded_on: '2024-13-01' } }),
    );
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual({
      name: '不能为空',
      kind: '应为 「村(居)调委会」「乡镇(街道)调委会」「企事业单位调委会」「行业性专业性调委会」「派驻调解室」「个人调解工作室」「其他」 之一',
      office_id: '必须填写',
      founded_on: '不是有效日期（应为 YYYY-MM-DD）',
    });
    expect(error.message).toMatch(/^调解组织未保存：名称：不能为空；类型：应为/);
  });

  it('checks the rules between fields of a mediation case', async () => {
    const error = failure(
      await call('mediationCase.create', {
        record: caseRecord({ closed_on: '2024-02-01', agreement_form: null, mediator_ids: [otherMediatorId] }),
      }),
    );
    expect(error.fieldErrors).toEqual({
      closed_on: '早于受理日期',
      agreement_form: '调解成功时必须填写（书面或口头）',
    });
    // Once the record itself is right, the relations are checked: the mediator's organisation.
    const relation = failure(await call('mediationCase.create', { record: caseRecord({ mediator_ids: [otherMediatorId] }) }));
    expect(relation.fieldErrors).toEqual({ mediator_ids: '「龙霞」不是该调解组织的调解员' });
  });

  it('refuses a duplicate case number, naming a deleted one as restorable', async () => {
    const created = await value<{ id: number }>('mediationCase.create', { record: caseRecord() });
    expect(failure(await call('mediationCase.create', { record: caseRecord() })).fieldErrors).toEqual({ case_no: '案件编号已存在' });
    await value('mediationCase.delete', { id: created.id });
    expect(failure(await call('mediationCase.create', { record: caseRecord() })).fieldErrors).toEqual({
      case_no: '案件编号已存在（在已删除的记录中，可恢复该记录）',
    });
  });

  it('refuses a wrong 身份证号码 and a 性别 that disagrees with it', async () => {
    const legalAid = {
      case_no: '(2024)湘法援字第0001号',
      office_id: officeId,
      received_on: '2024-01-14',
      source: 'application',
      category: 'civil',
      review_result: 'granted',
      recipient_name: '范远华',
      recipient_id_number: '110105194912310021',
      handler_name: '袁磊平',
      handler_type: 'lawyer',
    };
    expect(failure(await call('legalAidCase.create', { record: legalAid })).fieldErrors).toEqual({
      recipient_id_number: '校验位应为 X',
    });
    expect(
      failure(await call('legalAidCase.create', { record: { ...legalAid, recipient_id_number: '11010519491231002X', recipient_sex: 'male' } }))
        .fieldErrors,
    ).toEqual({ recipient_sex: '与身份证号码不符' });
    // Sex and birth date come from the number.
    const saved = await value('legalAidCase.create', { record: { ...legalAid, recipient_id_number: '11010519491231002X' } });
    expect(saved).toMatchObject({ recipient_sex: 'female', recipient_birth_date: '1949-12-31', review_result: 'granted' });
  });

  it('keeps 通知类 legal-aid cases criminal', async () => {
    const error = failure(
      await call('legalAidCase.create', {
        record: {
          case_no: '(2024)湘法援字第0002号',
          office_id: officeId,
          received_on: '2024-01-14',
          source: 'notified_defence',
          category: 'civil',
          recipient_name: '汤波',
          recipient_sex: 'male',
          recipient_birth_date: '1999-09-03',
          handler_name: '宋强',
          handler_type: 'grassroots',
        },
      }),
    );
    expect(error.fieldErrors).toEqual({ notifying_authority: '通知类案件必须填写通知机关', category: '通知类案件的类别应为「刑事」' });
  });

  it('refuses overlapping stints of one person and events outside a stint', async () => {
    const stint = {
      name: '范超军',
      id_number: '11010519491231002X',
      office_id: officeId,
      category: 'probation',
      term_start: '2020-08-03',
      term_end: '2022-02-02',
      entered_on: '2020-08-11',
      exited_on: '2022-02-02',
      exit_type: 'expired',
    };
    const first = await value<{ id: number }>('correctionStint.create', { record: stint });
    expect(
      failure(await call('correctionStint.create', { record: { ...stint, entered_on: '2021-05-01', exited_on: null, exit_type: null } }))
        .fieldErrors,
    ).toEqual({ entered_on: '与此人另一段矫正期（2020-08-11 至 2022-02-02）重叠' });
    // Exit day is not inside the stint, except for 再犯罪 found that day.
    expect(
      failure(await call('correctionEvent.create', { record: { stint_id: first.id, event_on: '2022-02-02', event_type: 'warning' } }))
        .fieldErrors,
    ).toEqual({ event_on: '不在此人的矫正期内' });
    await value('correctionEvent.create', { record: { stint_id: first.id, event_on: '2022-02-02', event_type: 'reoffended' } });
    // A second stint starting the day the first ended does not overlap.
    await value('correctionStint.create', { record: { ...stint, entered_on: '2022-02-02', exited_on: null, exit_type: null } });
  });

  it('answers unknown methods and malformed input with bad_request, never an exception', async () => {
    expect(failure(await call('mediationCase.drop', {}))).toEqual({ kind: 'bad_request', message: '没有这个接口方法：「mediationCase.drop」' });
    expect(failure(await call('mediationCase.get', { id: 'x' })).kind).toBe('bad_request');
    expect(failure(await call('mediationCase.create', 42)).kind).toBe('bad_request');
    expect(failure(await call('mediationCase.get', { id: 99 }))).toEqual({ kind: 'not_found', message: '人民调解案件记录不存在（编号 99）' });
    expect(failure(await call('report.run', { from: '2024-12-31', to: '2024-01-01' })).message).toBe('起始日期 2024-12-31 晚于截止日期 2024-01-01');
  });
});

describe('records and figures', () => {
  it('stores exactly what was saved, and a deleted record drops out of every figure until restored', async () => {
    const created = await value<{ id: number }>('mediationCase.create', { record: caseRecord() });
    expect(await value('mediationCase.get', { id: created.id })).toMatchObject({
      case_no: '(2024)城西调字第0012号',
      amount_fen: 1_234_550,
      difficulty: 'ordinary',
      party_names: '张三、李四',
      parties: [
        { name: '张三', id_number: null, role: null },
        { name: '李四', id_number: '11010519491231002X', role: '被申请人' },
      ],
      mediator_ids: [mediatorId],
      prevented_criminal: false,
    });
    expect(await figure('mediation.cases.received')).toBe(1);
    expect(await figure('mediation.cases.amount_wan')).toBe(1.23); // 12,345.50 元 = 1.234550 万元
    await value('mediationCase.delete', { id: created.id });
    expect(await figure('mediation.cases.received')).toBe(0);
    const drill = await value<{ total: number }>('report.drillDown', { id: 'mediation.cases.received', from: '2024-01-01', to: '2024-12-31' });
    expect(drill.total).toBe(0);
    expect(failure(await call('mediationCase.delete', { id: created.id })).message).toBe('该记录已删除');
    await value('mediationCase.restore', { id: created.id });
    expect(await figure('mediation.cases.received')).toBe(1);
  });

  it('updates a record and keeps the key unique against others only', async () => {
    const created = await value<{ id: number }>('mediationCase.create', { record: caseRecord() });
    const updated = await value('mediationCase.update', { id: created.id, record: caseRecord({ amount_fen: 5000, result: 'pending', closed_on: null, agreement_form: null }) });
    expect(updated).toMatchObject({ amount_fen: 5000, result: 'pending', closed_on: null });
    expect(await figure('mediation.cases.pending')).toBe(1);
  });

  it('proposes the next case number of the office and year', async () => {
    expect(await value('mediationCase.nextCaseNumber', { orgId, year: 2024 })).toEqual({ caseNo: '(2024)城西调字第0001号' });
    await value('mediationCase.create', { record: caseRecord() });
    await value('mediationCase.create', { record: caseRecord({ case_no: '(2024)城西调字第0007号' }) });
    expect(await value('mediationCase.nextCaseNumber', { orgId, year: 2024 })).toEqual({ caseNo: '(2024)城西调字第0013号' });
    expect(await value('mediationCase.nextCaseNumber', { orgId: otherOrgId, year: 2024 })).toEqual({ caseNo: '(2024)城西调字第0013号' });
    expect(await value('legalAidCase.nextCaseNumber', { officeId, year: 2025 })).toEqual({ caseNo: '(2025)法援字第0001号' });
  });

  it('lists with search over names and numbers, office and period filters, sort and paging', async () => {
    for (let n = 1; n <= 12; n++) {
      const number = String(n).padStart(4, '0');
      await value('mediationCase.create', {
        record: caseRecord({ case_no: `(2024)城西调字第${number}号`, received_on: `2024-${String(n).padStart(2, '0')}-01`, closed_on: null, result: 'pending', agreement_form: null, parties: [{ name: n === 7 ? '欧阳娜' : '张三' }] }),
      });
    }
    const page = await value<{ total: number; rows: { case_no: string; org_name: string; office_name: string }[] }>('mediationCase.list', {
      officeId,
      from: '2024-03-01',
      to: '2024-10-31',
      sort: 'received_on',
      descending: true,
      offset: 2,
      limit: 3,
    });
    expect(page.total).toBe(8);
    expect(page.rows.map((row) => row.case_no)).toEqual(['(2024)城西调字第0008号', '(2024)城西调字第0007号', '(2024)城西调字第0006号']);
    expect(page.rows[0]).toMatchObject({ org_name: '城西镇人民调解委员会', office_name: '城西司法所' });
    const found = await value<{ total: number; rows: { case_no: string }[] }>('mediationCase.list', { search: '欧阳' });
    expect(found.rows.map((row) => row.case_no)).toEqual(['(2024)城西调字第0007号']);
    expect((await value<{ total: number }>('mediationCase.list', { search: '第0011号' })).total).toBe(1);
    expect((await value<{ total: number }>('mediationCase.list', { search: '100%_' })).total).toBe(0);
    // A search keeps the list's order and pages: 张三 is in every case but the 7th.
    const searched = await value<{ total: number; rows: { case_no: string }[] }>('mediationCase.list', {
      search: '张三',
      sort: 'received_on',
      descending: true,
      offset: 2,
      limit: 3,
    });
    expect(searched.total).toBe(11);
    expect(searched.rows.map((row) => row.case_no)).toEqual(['(2024)城西调字第0010号', '(2024)城西调字第0009号', '(2024)城西调字第0008号']);
    // The office's name finds its records too.
    expect((await value<{ total: number }>('mediationCase.list', { search: '城西司法' })).total).toBe(12);
  });

  it('narrows a list to a status: 调解中 or 已结案, 在聘 or 已解聘', async () => {
    await value('mediationCase.create', { record: caseRecord() });
    await value('mediationCase.create', {
      record: caseRecord({ case_no: '(2024)城西调字第0013号', result: 'pending', closed_on: null, agreement_form: null }),
    });
    const numbers = async (status: string) =>
      (await value<{ rows: { case_no: string }[] }>('mediationCase.list', { status })).rows.map((row) => row.case_no);
    expect(await numbers('pending')).toEqual(['(2024)城西调字第0013号']);
    expect(await numbers('closed')).toEqual(['(2024)城西调字第0012号']);
    expect(await numbers('no-such-status')).toEqual([]);
    await value('mediator.update', {
      id: otherMediatorId,
      record: { name: '龙霞', org_id: otherOrgId, employment: 'parttime', appointed_on: '2016-01-01', dismissed_on: '2023-06-30' },
    });
    const names = async (status: string) =>
      (await value<{ rows: { name: string }[] }>('mediator.list', { status })).rows.map((row) => row.name);
    expect(await names('serving')).toEqual(['苏海']);
    expect(await names('dismissed')).toEqual(['龙霞']);
    const described = await value<{ name: string; statuses: { code: string; label: string }[] }[]>('registers.describe');
    expect(described.find((register) => register.name === 'correctionStint')!.statuses).toEqual([
      { code: 'active', label: '在矫' },
      { code: 'exited', label: '已解矫' },
    ]);
  });

  it('runs concurrent saves one at a time, every one acknowledged and stored', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        call('disputeSweep.create', { record: { swept_on: `2024-05-${String(n + 1).padStart(2, '0')}`, office_id: officeId, sweeps: n + 1 } }),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    // 1 + 2 + … + 20 = 210 sweeps in May 2024.
    expect(await figure('mediation.sweeps')).toBe(210);
  });
});

describe('示例数据', () => {
  it('loads a sample county into an empty database in one call, and refuses a database that has records', async () => {
    const db = openDatabase(':memory:', { create: true });
    const empty = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '新用户', today: () => '2026-11-22' });
    const outcome = (await empty('sample.load', {})) as ApiResult<{ ok: boolean; problems: unknown[]; importId: number }>;
    expect(outcome.ok && outcome.value.ok).toBe(true);
    expect(outcome.ok && outcome.value.problems).toEqual([]);
    const info = (await empty('app.info', {})) as ApiResult<{ bureauName: string; recordCount: number }>;
    expect(info.ok && info.value.bureauName).toBe('潮州市湘桥区司法局');
    expect(info.ok && info.value.recordCount).toBeGreaterThan(1000);
    // The sample covers the three years up to today: this year has received mediation cases.
    const report = (await empty('report.run', { from: '2026-01-01', to: '2026-12-31' })) as ApiResult<{ indicators: Record<string, number> }>;
    expect(report.ok && report.value.indicators['mediation.cases.received']).toBeGreaterThan(0);
    // …and the ledgers of registers.md §6 too.
    for (const id of ['legal_adviser.advisers', 'legal_adviser.services', 'publicity.sessions', 'resettlement.managed']) {
      expect(report.ok && report.value.indicators[id], id).toBeGreaterThan(0);
    }
    expect(failure(await empty('sample.load', {}))).toMatchObject({ kind: 'conflict' });
    // Where records exist already (beforeEach made some), nothing is loaded.
    expect(failure(await call('sample.load', {})).message).toMatch(/^数据库中已有台账记录/);
  });
});
