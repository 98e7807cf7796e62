// The audit log reads as a person (issue 8, point 11): the record named by its case number,
// the user's display name, the action in Chinese, field labels, values as the UI shows them
// (code → label, 元 with two decimals, not fen), local times; the export says the same.

import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';

let db: RegisterDatabase;
let call: ApiCall;

async function value<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

const caseRecord = (org: number, mediator: number, changes: Record<string, unknown>) => ({
  case_no: '(2024)城西调字第0012号',
  org_id: org,
  received_on: '2024-03-01',
  source: 'apply',
  dispute_type: 'neighbour',
  parties: [{ name: '张三' }, { name: '李四' }],
  amount_fen: 350_000,
  mediator_ids: [mediator],
  result: 'pending',
  ...changes,
});

beforeAll(async () => {
  db = openDatabase(':memory:', { create: true });
  db.prepare("INSERT INTO app_user (username, display_name, role, password_hash) VALUES ('wangfang', '王芳', 'admin', 'x')").run();
  call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: 'wangfang', today: () => '2024-12-31' });
  const office = (await value<{ id: number }>('office.create', { name: '城西司法所' })).id;
  const org = (await value<{ id: number }>('mediationOrg.create', { record: { name: '城西镇人民调解委员会', kind: 'township', office_id: office, founded_on: '2015-03-01' } })).id;
  const mediator = (await value<{ id: number }>('mediator.create', { record: { name: '苏海', org_id: org, employment: 'fulltime', appointed_on: '2020-01-01' } })).id;
  const created = await value<{ id: number }>('mediationCase.create', { record: caseRecord(org, mediator, {}) });
  await value('mediationCase.update', {
    id: created.id,
    record: caseRecord(org, mediator, { amount_fen: 1_234_550, dispute_type: 'marriage_family', result: 'succeeded', closed_on: '2024-03-20', agreement_form: 'written' }),
  });
  await value('mediationCase.delete', { id: created.id });
});

type Readable = { time: string; userName: string; actionText: string; object: string; changes: { label: string; before: string; after: string }[] };

describe('audit.search', () => {
  it('names the record, the user and the action, with labelled fields and shown values', async () => {
    const page = await value<{ rows: { method: string; readable: Readable }[] }>('audit.search', {});
    const update = page.rows.find((row) => row.method === 'mediationCase.update')!.readable;
    expect(update.userName).toBe('王芳');
    expect(update.actionText).toBe('修改（人民调解案件）');
    expect(update.object).toBe('(2024)城西调字第0012号');
    expect(update.time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const change = (label: string) => update.changes.find((entry) => entry.label === label);
    expect(change('涉及金额(元)')).toEqual({ label: '涉及金额(元)', before: '3,500.00 元', after: '12,345.50 元' });
    expect(change('纠纷类型')).toEqual({ label: '纠纷类型', before: '邻里', after: '婚姻家庭' });
    expect(change('调解结果')).toMatchObject({ before: '调解中', after: '调解成功' });
    const removed = page.rows.find((row) => row.method === 'mediationCase.delete')!.readable;
    expect(removed.object).toBe('(2024)城西调字第0012号');
    expect(removed.changes.map((entry) => entry.label)).toEqual(['删除时间']);
    expect(removed.changes[0]!.after).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(JSON.stringify(page.rows.map((row) => row.readable))).not.toMatch(/mediationCase|party_names|deleted_at|amount_fen|neighbour|350000/);
  });
});

describe('audit.search by text', () => {
  const found = async (text: string) => (await value<{ rows: { method: string }[] }>('audit.search', { text })).rows.map((row) => row.method);

  it('finds what the inspector reads, not the stored codes', async () => {
    // 邻里 is the case's 纠纷类型 as added, and its value before the update; the deletion shows only 删除时间.
    expect(await found('邻里')).toEqual(['mediationCase.update', 'mediationCase.create']);
    expect(await found('neighbour')).toEqual([]);
    // 3,500.00 元 is the amount as added and before the update; 350000 fen is never shown.
    expect(await found('3,500.00')).toEqual(['mediationCase.update', 'mediationCase.create']);
    expect(await found('350000')).toEqual([]);
    // The case number names the record in its three entries.
    expect(await found('城西调字')).toEqual(['mediationCase.delete', 'mediationCase.update', 'mediationCase.create']);
    // Field labels: 涉及金额(元) was given when added and changed by the update; amount_fen is never shown.
    expect(await found('涉及金额')).toEqual(['mediationCase.update', 'mediationCase.create']);
    expect(await found('amount_fen')).toEqual([]);
    // The user's display name is on all six entries; 删除 only on the deletion (its action and 删除时间).
    expect(await found('王芳')).toHaveLength(6);
    expect(await found('删除')).toEqual(['mediationCase.delete']);
    // The office's name where its id is stored: the office added, the organisation's 所属单位.
    expect(await found('城西司法所')).toEqual(['mediationOrg.create', 'office.create']);
  });

  it('exports what it finds', async () => {
    const exported = await value<{ content: string }>('audit.export', { text: '邻里' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.content, 'base64') as unknown as ArrayBuffer);
    const actions: unknown[] = [];
    workbook.getWorksheet('审计日志')!.eachRow((row, number) => number > 1 && actions.push(row.getCell(4).value));
    expect(actions).toEqual(['新增（人民调解案件）', '修改（人民调解案件）']);
  });
});

describe('audit.export', () => {
  it('says the same as the page', async () => {
    const exported = await value<{ content: string }>('audit.export', {});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.content, 'base64') as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('审计日志')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const update = rows.find((row) => row[3] === '修改（人民调解案件）')!;
    expect(update.slice(2, 5)).toEqual(['王芳', '修改（人民调解案件）', '(2024)城西调字第0012号']);
    expect(String(update[6])).toContain('涉及金额(元)：3,500.00 元');
    expect(String(update[7])).toContain('涉及金额(元)：12,345.50 元');
    expect(String(update[7])).toContain('纠纷类型：婚姻家庭');
    expect(JSON.stringify(rows.map((row) => row.slice(0, 8)))).not.toMatch(/mediationCase|party_names|deleted_at|amount_fen|neighbour|350000/);
  });
});
