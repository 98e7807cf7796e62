// Searching and exporting the audit log: by day, user, action and text, newest first and paged,
// with the fields an update changed; the export holds the entries found (oldest first, with
// their hashes) and what verifying the chain found.

import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';

let db: RegisterDatabase;
let clerk: ApiCall;
let head: ApiCall;
let sweepId: number;

type Page = { total: number; rows: Record<string, unknown>[] };

async function value<T = Page>(call: ApiCall, method: string, input: unknown = {}): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

const search = (input: Record<string, unknown>) => value(head, 'audit.search', input);

beforeAll(async () => {
  db = openDatabase(':memory:', { create: true });
  clerk = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '录入员张三', today: () => '2024-12-31' });
  head = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '科长李四', today: () => '2024-12-31' });
  const office = (await value<{ id: number }>(head, 'office.create', { name: '城西司法所' })).id;
  sweepId = (await value<{ id: number }>(clerk, 'disputeSweep.create', { record: { swept_on: '2024-05-01', office_id: office, sweeps: 3 } })).id;
  await value(clerk, 'disputeSweep.update', { id: sweepId, record: { swept_on: '2024-05-01', office_id: office, sweeps: 4, note: '复查' } });
  await value(clerk, 'disputeSweep.delete', { id: sweepId });
  await value(head, 'settings.update', { bureauName: '湘桥区司法局' });
});

describe('audit.search', () => {
  it('lists entries newest first with the user, the action in Chinese and the fields changed', async () => {
    const page = await search({});
    expect(page.total).toBe(5);
    expect(page.rows.map((row) => [row.id, row.user, row.actionLabel, row.method])).toEqual([
      [5, '科长李四', '修改设置', 'settings.update'],
      [4, '录入员张三', '删除', 'disputeSweep.delete'],
      [3, '录入员张三', '修改', 'disputeSweep.update'],
      [2, '录入员张三', '新增', 'disputeSweep.create'],
      [1, '科长李四', '修改设置', 'office.create'],
    ]);
    expect(page.rows[2]).toMatchObject({ table: 'dispute_sweep', recordId: sweepId, changedFields: ['sweeps', 'note'] });
    expect(page.rows[1]!.changedFields).toEqual(['deleted_at']);
  });

  it('filters by user, action, text and day, and pages', async () => {
    expect((await search({ user: '张三' })).total).toBe(3);
    expect((await search({ action: 'delete' })).rows.map((row) => row.id)).toEqual([4]);
    // 复查 is shown by the update (备注 changed to it); the deletion shows only its 删除时间.
    expect((await search({ text: '复查' })).rows.map((row) => row.id)).toEqual([3]);
    expect((await search({ text: '100%' })).total).toBe(0);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect((await search({ from: day, to: day })).total).toBe(5);
    expect((await search({ to: '2000-01-01' })).total).toBe(0);
    expect((await search({ offset: 1, limit: 2 })).rows.map((row) => row.id)).toEqual([4, 3]);
  });

  it('refuses an action it does not know, in Chinese', async () => {
    const result = await head('audit.search', { action: 'drop' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('bad_request');
  });
});

describe('audit.export', () => {
  it('writes the entries found, oldest first, and what verifying the chain found', async () => {
    const exported = await value<{ fileName: string; content: string }>(head, 'audit.export', { user: '李四' });
    expect(exported.fileName).toBe('湘桥区司法局审计日志2024-12-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['序号', '时间', '用户', '操作', '对象', '修改的字段', '修改前', '修改后', '说明', '哈希（SHA-256）']);
    expect(rows.slice(1).map((row) => [row[0], row[2], row[3], row[4]])).toEqual([
      [1, '科长李四', '修改设置', '城西司法所'],
      [5, '科长李四', '修改设置', ''],
    ]);
    expect(rows[2]![5]).toBe('本局名称');
    expect(rows[2]![7]).toBe('本局名称：湘桥区司法局');
    expect(String(rows[1]![1])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(rows[1]![9]).toMatch(/^[0-9a-f]{64}$/);
    const check = workbook.getWorksheet('校验结果')!;
    expect(check.getCell('B2').value).toBe(5);
    expect(check.getCell('B3').value).toBe('哈希链完整，未发现修改或删除');
  });
});
