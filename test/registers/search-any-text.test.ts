// Every register's list search takes any text a clerk may type — quotes, brackets, LIKE's own
// % and _, emoji, SQL words — and answers with the records holding it (or none), never with an
// error: registers without searchable text (法律咨询, 远程视频会见) included. An internal error
// reaches the user in Chinese only, without the raw exception text.

import { beforeAll, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, toApiError, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase } from '../../db/database.ts';
import { registers } from '../../db/registers/index.ts';

const awkwardTexts = [
  '张三',
  "O'Brien",
  '"引号"',
  '(2024)',
  ')',
  '[]',
  '100%',
  'a_b',
  '\\',
  '😀',
  "'; DROP TABLE office; --",
  'SELECT * FROM mediation_case',
  '城西',
];

let call: ApiCall;

beforeAll(async () => {
  const db = openDatabase(':memory:', { create: true });
  call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '测试员', today: () => '2024-12-31' });
  const office = await call('office.create', { name: '城西司法所' });
  if (!office.ok) throw new Error(office.error.message);
  const officeId = (office.value as { id: number }).id;
  const consultation = await call('consultation.create', {
    record: { consulted_on: '2024-05-06', office_id: officeId, channel: 'visit', visitors: 2 },
  });
  if (!consultation.ok) throw new Error(consultation.error.message);
  const org = await call('mediationOrg.create', {
    record: { name: "O'Brien 100% a_b 调委会", kind: 'township', office_id: officeId, founded_on: '2015-03-01' },
  });
  if (!org.ok) throw new Error(org.error.message);
});

describe('list search with any text', () => {
  it.each(registers.map((register) => register.name))('%s answers every text without an error', async (name) => {
    for (const search of awkwardTexts) {
      const result = await call(`${name}.list`, { search, offset: 0, limit: 50 });
      expect(result.ok ? 'ok' : result.error.message, `${name} 搜索「${search}」`).toBe('ok');
    }
  });

  it('an office name finds the office’s records in a register without searchable text', async () => {
    const byOffice = await call('consultation.list', { search: '城西', offset: 0, limit: 50 });
    expect(byOffice.ok && (byOffice.value as { total: number }).total).toBe(1);
    const other = await call('consultation.list', { search: '东城', offset: 0, limit: 50 });
    expect(other.ok && (other.value as { total: number }).total).toBe(0);
  });

  it('% and _ are matched as themselves, not as wildcards', async () => {
    const count = async (search: string) => {
      const result = await call('mediationOrg.list', { search, offset: 0, limit: 50 });
      return result.ok ? (result.value as { total: number }).total : -1;
    };
    expect(await count('100%')).toBe(1);
    expect(await count("O'Brien")).toBe(1);
    expect(await count('a_b')).toBe(1);
    expect(await count('a%b')).toBe(0);
    expect(await count('0_%')).toBe(0);
  });
});

describe('internal errors', () => {
  it('reach the user in Chinese, without the exception text', () => {
    const error = toApiError(new Error('near ")": syntax error'));
    expect(error.kind).toBe('internal');
    expect(error.message).not.toMatch(/[A-Za-z]/);
    expect(error.message).toContain('程序内部错误');
  });
});
