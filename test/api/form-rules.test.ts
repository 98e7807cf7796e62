// Rules and messages behind the record forms (issue 8): a mediation case received after its
// organisation was revoked or its mediator dismissed is refused by the API and by the importer
// with a message naming the date; a record's errors are said field by field, never glued to
// their label; the values already used in a free-text field are offered, most used first, an
// office account's only from its office.

import { beforeEach, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import type { ApiResult } from '../../db/api/contract.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { importLedgers } from '../../db/import/import-ledger.ts';

let db: RegisterDatabase;
let call: ApiCall;
let officeId: number;
let otherOfficeId: number;
let orgId: number;
let mediatorId: number;

async function value<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

function failure(result: ApiResult) {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

const caseRecord = (overrides: Record<string, unknown> = {}) => ({
  case_no: '(2026)城西调字第0001号',
  org_id: orgId,
  received_on: '2026-03-15',
  source: 'apply',
  dispute_type: 'neighbour',
  parties: [{ name: '张三' }],
  mediator_ids: [mediatorId],
  result: 'pending',
  ...overrides,
});

beforeEach(async () => {
  db = openDatabase(':memory:', { create: true });
  call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '测试员', today: () => '2026-12-02' });
  officeId = (await value<{ id: number }>('office.create', { name: '城西司法所' })).id;
  otherOfficeId = (await value<{ id: number }>('office.create', { name: '东湖司法所' })).id;
  orgId = (
    await value<{ id: number }>('mediationOrg.create', {
      record: { name: '城西镇人民调解委员会', kind: 'township', office_id: officeId, founded_on: '2015-03-01', dissolved_on: '2026-03-15' },
    })
  ).id;
  mediatorId = (
    await value<{ id: number }>('mediator.create', {
      record: { name: '苏海', org_id: orgId, employment: 'fulltime', appointed_on: '2016-01-01', dismissed_on: '2026-03-10' },
    })
  ).id;
});

describe('a mediation case and the dates of its organisation and mediators', () => {
  it('is refused when received after the mediator was dismissed, and saved on the dismissal day', async () => {
    const late = failure(await call('mediationCase.create', { record: caseRecord({ received_on: '2026-03-11' }) }));
    expect(late.fieldErrors).toEqual({ mediator_ids: '其中「苏海」已于 2026-03-10 解聘，不能调解此后受理的案件（受理日期 2026-03-11）' });
    await value('mediationCase.create', { record: caseRecord({ received_on: '2026-03-10' }) });
  });

  it('is refused when received after the organisation was revoked', async () => {
    const error = failure(await call('mediationCase.create', { record: caseRecord({ received_on: '2026-12-01' }) }));
    expect(error.fieldErrors).toEqual({
      org_id: '已于 2026-03-15 撤销，不能受理此后的案件（受理日期 2026-12-01）',
      mediator_ids: '其中「苏海」已于 2026-03-10 解聘，不能调解此后受理的案件（受理日期 2026-12-01）',
    });
    expect(error.message).toBe(
      '人民调解案件未保存：调解组织：已于 2026-03-15 撤销，不能受理此后的案件（受理日期 2026-12-01）；' +
        '调解员：其中「苏海」已于 2026-03-10 解聘，不能调解此后受理的案件（受理日期 2026-12-01）',
    );
    const list = await value<{ total: number }>('mediationCase.list', {});
    expect(list.total).toBe(0);
  });

  it('is refused by the importer too, naming sheet, row and column', async () => {
    const csv = [
      '案件编号,调解组织,受理日期,案件来源,纠纷类型,当事人,调解员,调解结果',
      '(2026)城西调字第0002号,城西镇人民调解委员会,2026-12-01,当事人申请,邻里,张三,苏海,调解中',
    ].join('\n');
    const outcome = await importLedgers(db, [{ name: '人民调解案件.csv', content: Buffer.from(csv, 'utf8') }], { user: '测试员' });
    expect(outcome.problems.map((problem) => problem.message)).toEqual([
      '人民调解案件 第2行 调解组织「城西镇人民调解委员会」已于 2026-03-15 撤销，不能受理此后的案件（受理日期 2026-12-01）',
      '人民调解案件 第2行 调解员「苏海」其中「苏海」已于 2026-03-10 解聘，不能调解此后受理的案件（受理日期 2026-12-01）',
    ]);
    expect((await value<{ total: number }>('mediationCase.list', {})).total).toBe(0);
  });
});

describe('messages', () => {
  it('name each field once: a message that names its field is not prefixed, others follow 「label：」', async () => {
    await value('mediationCase.create', { record: caseRecord({ received_on: '2026-03-01' }) });
    const taken = failure(await call('mediationCase.create', { record: caseRecord({ received_on: '2026-03-01' }) }));
    expect(taken.fieldErrors).toEqual({ case_no: '案件编号已存在' });
    expect(taken.message).toBe('人民调解案件未保存：案件编号已存在');
    const none = failure(await call('mediationCase.create', { record: caseRecord({ case_no: '(2026)城西调字第0009号', mediator_ids: [], amount_fen: -1 }) }));
    expect(none.fieldErrors).toEqual({ amount_fen: '应不小于 0', mediator_ids: '至少填写一名调解员' });
    expect(none.message).toBe('人民调解案件未保存：涉及金额(元)：应不小于 0；至少填写一名调解员');
  });

  it('say which check digit a 身份证号码 should end in', async () => {
    const error = failure(
      await call('mediator.create', { record: { name: '龙霞', org_id: orgId, employment: 'parttime', appointed_on: '2020-01-01', id_number: '110105194912310021' } }),
    );
    expect(error.fieldErrors).toEqual({ id_number: '校验位应为 X' });
    expect(error.message).toBe('调解员未保存：身份证号码：校验位应为 X');
  });
});

describe('values already used in a free-text field', () => {
  const stint = (name: string, crime: string, office: number, idNumber: string) => ({
    name,
    id_number: idNumber,
    office_id: office,
    category: 'probation',
    crime,
    decision_authority: null,
    term_start: '2026-01-01',
    term_end: '2027-01-01',
    entered_on: '2026-01-05',
    supervision_level: 'ordinary',
  });

  it('are offered most used first, an office account only its own office’s', async () => {
    const made = async (record: object) => value('correctionStint.create', { record });
    await made(stint('甲', '危险驾驶罪', officeId, '110105194912310011'));
    await made(stint('乙', '盗窃罪', officeId, '11010519491231002X'));
    await made(stint('丙', '盗窃罪', officeId, '110105194912310038'));
    await made(stint('丁', '诈骗罪', otherOfficeId, '110105194912310046'));
    expect(await value('registers.usedValues', { register: 'correctionStint', field: 'crime' })).toEqual(['盗窃罪', '危险驾驶罪', '诈骗罪']);

    const clerk = createDispatcher({ access: { role: 'clerk', officeId, officeName: '城西司法所' }, db, user: '录入员', today: () => '2026-12-02' });
    const seen = await clerk('registers.usedValues', { register: 'correctionStint', field: 'crime' });
    expect(seen).toEqual({ ok: true, value: ['盗窃罪', '危险驾驶罪'] });
    const refused = await clerk('registers.usedValues', { register: 'correctionStint', field: 'crime', officeId: otherOfficeId });
    expect(refused.ok).toBe(false);
  });

  it('are only offered for free-text fields', async () => {
    const error = failure(await call('registers.usedValues', { register: 'correctionStint', field: 'category' }));
    expect(error.message).toBe('「社区矫正对象」没有可提示的文字项「category」');
  });
});
