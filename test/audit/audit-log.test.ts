// The audit log's hash chain: each entry's hash is SHA-256 over its fields and the hash before
// it (worked out here from the documented serialisation, not by the code under test); the
// schema refuses UPDATE and DELETE; and a row edited or removed with plain SQL — by someone who
// first drops those triggers — is found by audit.verify at the right entry, in Chinese.

import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../db/api/contract.ts';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { recordAudit, verifyAuditLog } from '../../db/audit/audit-log.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { auditChainScenario } from '../trust/audit-chain.ts';

let db: RegisterDatabase;
let call: ApiCall;

interface StoredEntry {
  id: number;
  at: string;
  user: string;
  action: string;
  method: string;
  target_table: string | null;
  record_id: number | null;
  before_json: string | null;
  after_json: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

const stored = () => db.prepare('SELECT * FROM audit_log ORDER BY id').all() as StoredEntry[];

/** The hash as the migration's comment and audit-log.ts's header define it. */
const sha256 = (row: StoredEntry) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        row.id,
        row.at,
        row.user,
        row.action,
        row.method,
        row.target_table,
        row.record_id,
        row.before_json,
        row.after_json,
        row.details,
        row.prev_hash,
      ]),
    )
    .digest('hex');

/** What someone with a SQLite tool and no scruples does first. */
const dropTriggers = () =>
  db.exec('DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete');

async function verify() {
  const result = (await call('audit.verify', {})) as ApiResult<{
    ok: boolean;
    entries: number;
    firstBrokenId?: number;
    problem?: string;
    problems: { id: number; message: string }[];
  }>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

beforeEach(async () => {
  db = openDatabase(':memory:', { create: true });
  call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '审计员', today: () => '2024-12-31' });
  // Six entries: three offices, two renames, the bureau's name.
  for (const name of ['城西司法所', '城东司法所', '法律援助中心']) expect((await call('office.create', { name })).ok).toBe(true);
  expect((await call('office.rename', { id: 1, name: '城西镇司法所' })).ok).toBe(true);
  expect((await call('office.rename', { id: 2, name: '城东镇司法所' })).ok).toBe(true);
  expect((await call('settings.update', { bureauName: '潮州市湘桥区司法局' })).ok).toBe(true);
});

describe('the chain', () => {
  it('links every entry to the one before, from 64 zeros, with SHA-256 over its fields', () => {
    const rows = stored();
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    rows.forEach((row, index) => {
      expect(row.hash).toBe(sha256(row));
      if (index > 0) expect(row.prev_hash).toBe(rows[index - 1]!.hash);
    });
    expect(rows[3]).toMatchObject({ user: '审计员', action: 'settings', method: 'office.rename', target_table: 'office', record_id: 1 });
    expect(rows[3]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
  });

  it('verifies a chain nobody touched', async () => {
    expect(await verify()).toEqual({ ok: true, entries: 6, problems: [] });
  });

  it('takes entries from outside the API: a login, good or failed, recorded the same way', async () => {
    recordAudit(db, { user: '张三', action: 'login', method: 'auth.login', details: { from: '本机' } });
    recordAudit(db, { user: '李四', action: 'login_failed', method: 'auth.login', details: { reason: '密码错误' } });
    const [good, failed] = stored().slice(-2);
    expect(good).toMatchObject({ id: 7, user: '张三', action: 'login', details: '{"from":"本机"}', prev_hash: stored()[5]!.hash });
    expect(failed).toMatchObject({ id: 8, user: '李四', action: 'login_failed', prev_hash: good!.hash });
    expect((await verify()).ok).toBe(true);
  });

  it('is append-only: the schema refuses to change or remove an entry', () => {
    expect(() => db.prepare("UPDATE audit_log SET user = '别人' WHERE id = 2").run()).toThrow('审计日志只能追加，不能修改');
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow('审计日志只能追加，不能删除');
    expect(stored()).toHaveLength(6);
  });
});

describe('tampering with plain SQL', () => {
  it('finds an edited entry', async () => {
    dropTriggers();
    db.prepare("UPDATE audit_log SET user = '别人' WHERE id = 3").run();
    expect(await verify()).toMatchObject({ ok: false, entries: 6, firstBrokenId: 3, problem: '第 3 条日志被修改' });
  });

  it('finds an entry edited with its hash worked out again, by the next entry that no longer points at it', async () => {
    dropTriggers();
    const row = stored()[3]!;
    const forged = { ...row, after_json: row.after_json!.replace('城西镇司法所', '城北镇司法所') };
    db.prepare('UPDATE audit_log SET after_json = ?, hash = ? WHERE id = 4').run(forged.after_json, sha256(forged));
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: 4, problem: '第 4 条日志被修改' });
  });

  it('finds a removed entry, and several removed in a row', async () => {
    dropTriggers();
    db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(await verify()).toMatchObject({ ok: false, entries: 5, firstBrokenId: 2, problem: '第 2 条日志被删除' });
    db.prepare('DELETE FROM audit_log WHERE id IN (4, 5)').run();
    expect((await verify()).problems.map((problem) => problem.message)).toEqual(['第 2 条日志被删除', '第 4 至 5 条日志被删除']);
  });

  it('finds entries removed from the end, and the whole log removed', async () => {
    dropTriggers();
    db.prepare('DELETE FROM audit_log WHERE id >= 5').run();
    expect(await verify()).toMatchObject({ ok: false, entries: 4, firstBrokenId: 5, problem: '第 4 条之后的日志被删除' });
    // The next entry keeps its number after the removed ones, so the gap stays visible.
    expect((await call('office.create', { name: '城南司法所' })).ok).toBe(true);
    expect(stored().at(-1)!.id).toBe(7);
    expect((await verify()).problem).toBe('第 5 至 6 条日志被删除');
    db.prepare('DELETE FROM audit_log').run();
    expect(await verify()).toMatchObject({ ok: false, entries: 0, firstBrokenId: 1, problem: '全部 7 条日志被删除' });
  });

  it('finds the first entry replaced', async () => {
    dropTriggers();
    db.prepare("UPDATE audit_log SET prev_hash = ? WHERE id = 1").run('f'.repeat(64));
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, firstBrokenId: 1, problem: '第 1 条日志被修改' });
  });
});

describe('the trust report’s run', () => {
  it('verifies a few hundred entries and catches each kind of tampering at the right entry', async () => {
    const result = await auditChainScenario(300, 7);
    expect(result.ok, JSON.stringify(result.figures)).toBe(true);
    expect(result.figures).toMatchObject({ 校验的日志条数: 301, 检出的篡改: 3 });
  });
});
