// Proposed case numbers come from the whole series, whatever the asking account may see: an
// office clerk is offered the county's next 法律援助 number, not their office's; the
// administrator's pattern and series (per office or county-wide) in 设置 are followed; and the
// one 调解中 threshold of 设置 is what report.quality uses when not told otherwise.

import { beforeEach, describe, expect, it } from 'vitest';
import type { Access } from '../../db/accounts/permissions.ts';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';

let db: RegisterDatabase;
let admin: ApiCall;
let chengxi: number;
let centre: number;

async function value<T>(call: ApiCall, method: string, input: unknown = {}): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

const legalAid = (case_no: string, office_id: number) => ({
  record: {
    case_no,
    office_id,
    received_on: '2025-01-14',
    source: 'application',
    category: 'civil',
    review_result: 'granted',
    recipient_name: '范远华',
    recipient_sex: 'female',
    recipient_birth_date: '1980-05-01',
    handler_name: '袁磊平',
    handler_type: 'lawyer',
  },
});

const clerkOf = (officeId: number, officeName: string): ApiCall => {
  const access: Access = { role: 'clerk', officeId, officeName };
  return createDispatcher({ access, db, user: '城西录入员', today: () => '2025-03-01' });
};

beforeEach(async () => {
  db = openDatabase(':memory:', { create: true });
  admin = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '管理员', today: () => '2025-03-01' });
  chengxi = (await value<{ id: number }>(admin, 'office.create', { name: '城西司法所' })).id;
  centre = (await value<{ id: number }>(admin, 'office.create', { name: '县法律援助中心' })).id;
  await value(admin, 'legalAidCase.create', legalAid('(2025)湘法援字第0001号', chengxi));
  await value(admin, 'legalAidCase.create', legalAid('(2025)湘法援字第0007号', centre));
  const deleted = await value<{ id: number }>(admin, 'legalAidCase.create', legalAid('(2025)湘法援字第0008号', centre));
  await value(admin, 'legalAidCase.delete', { id: deleted.id });
});

describe('legal-aid case numbers', () => {
  it('an office clerk is offered the county series’ next number (a deleted number stays taken)', async () => {
    const clerk = clerkOf(chengxi, '城西司法所');
    // The clerk sees only their own office's case …
    expect((await value<{ total: number }>(clerk, 'legalAidCase.list', { offset: 0, limit: 50 })).total).toBe(1);
    // … and is offered the number after the county's highest.
    expect(await value(clerk, 'legalAidCase.nextCaseNumber', { officeId: chengxi, year: 2025 })).toEqual({ caseNo: '(2025)湘法援字第0009号' });
    expect(await value(clerk, 'legalAidCase.nextCaseNumber', { officeId: chengxi, year: 2024 })).toEqual({ caseNo: '(2024)法援字第0001号' });
  });

  it('follows the administrator’s pattern and series', async () => {
    const rules = await value<Record<string, unknown>>(admin, 'workingRules.get');
    expect(rules).toEqual({
      pendingMediationDays: 30,
      openLegalAidDays: 90,
      correctionEndingDays: 30,
      caseNumbering: { mediationCase: { pattern: null, series: 'office' }, legalAidCase: { pattern: null, series: 'county' } },
    });
    await value(admin, 'workingRules.update', {
      pendingMediationDays: 30,
      caseNumbering: {
        mediationCase: { pattern: null, series: 'office' },
        legalAidCase: { pattern: '（{年}）{单位}法援字第{序号}号', series: 'office' },
      },
    });
    // Per office: 城西's own series (its one number was written with ASCII brackets, still counted).
    await value(admin, 'legalAidCase.create', legalAid('(2025)城西法援字第0004号', chengxi));
    expect(await value(admin, 'legalAidCase.nextCaseNumber', { officeId: chengxi, year: 2025 })).toEqual({ caseNo: '（2025）城西法援字第0005号' });
    expect(await value(admin, 'legalAidCase.nextCaseNumber', { officeId: centre, year: 2025 })).toEqual({ caseNo: '（2025）县法援字第0001号' });
    await value(admin, 'workingRules.update', {
      pendingMediationDays: 30,
      caseNumbering: { mediationCase: { pattern: null, series: 'office' }, legalAidCase: { pattern: '({年})湘法援字第{序号}号', series: 'county' } },
    });
    expect(await value(clerkOf(chengxi, '城西司法所'), 'legalAidCase.nextCaseNumber', { officeId: chengxi, year: 2025 })).toEqual({
      caseNo: '(2025)湘法援字第0009号',
    });
  });

  it('refuses a pattern without 年 or 序号, or a per-office series whose numbers would not name the office', async () => {
    const refused = await admin('workingRules.update', {
      pendingMediationDays: 30,
      caseNumbering: { mediationCase: { pattern: '调字第{序号}号', series: 'office' }, legalAidCase: { pattern: null, series: 'county' } },
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toContain('编号格式必须包含{年}');
    expect(refused.error.message).toContain('必须包含{单位}');
    expect(await value(admin, 'workingRules.get')).toMatchObject({ caseNumbering: { mediationCase: { pattern: null } } });
  });

  it('only an administrator changes the rules', async () => {
    const result = await clerkOf(chengxi, '城西司法所')('workingRules.update', {
      pendingMediationDays: 10,
      caseNumbering: { mediationCase: { pattern: null, series: 'office' }, legalAidCase: { pattern: null, series: 'county' } },
    });
    expect(result.ok || result.error.kind).toBe('forbidden');
  });
});

describe('the 调解中 threshold', () => {
  it('is the one report.quality uses when not given', async () => {
    const org = await value<{ id: number }>(admin, 'mediationOrg.create', {
      record: { name: '城西镇人民调解委员会', kind: 'township', office_id: chengxi, founded_on: '2015-03-01' },
    });
    const mediator = await value<{ id: number }>(admin, 'mediator.create', {
      record: { name: '苏海', org_id: org.id, employment: 'fulltime', appointed_on: '2020-01-01' },
    });
    // 受理 2025-01-20: 40 days before 2025-03-01.
    await value(admin, 'mediationCase.create', {
      record: {
        case_no: '(2025)城西调字第0001号',
        org_id: org.id,
        received_on: '2025-01-20',
        source: 'apply',
        dispute_type: 'neighbour',
        parties: [{ name: '张三' }, { name: '李四' }],
        mediator_ids: [mediator.id],
        result: 'pending',
      },
    });
    const pendingCount = async () =>
      (await value<{ code: string; count: number }[]>(admin, 'report.quality', {})).find((warning) => warning.code === 'mediation.pending_overdue')?.count ?? 0;
    expect(await pendingCount()).toBe(1);
    await value(admin, 'workingRules.update', {
      pendingMediationDays: 45,
      caseNumbering: { mediationCase: { pattern: null, series: 'office' }, legalAidCase: { pattern: null, series: 'county' } },
    });
    expect(await pendingCount()).toBe(0);
  });
});
