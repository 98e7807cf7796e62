// A ledger named by its path: the command line's transport hands the importer paths (the file is
// streamed from disk, never held as base64), through the same import.commit, role rule and audit
// entry; every other transport (the window, the loopback server) may send content only.

import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { readExpected, sampleDir } from '../support/cli.ts';

const orgsFile = path.join(sampleDir, 'csv', '调解组织.csv');
let db: RegisterDatabase;

const dispatcher = (readsLocalFiles: boolean) =>
  createDispatcher({ db, user: '张三', access: BUREAU_ADMINISTRATOR, today: () => '2026-12-02', readsLocalFiles });
const orgCount = () => (db.prepare('SELECT count(*) AS n FROM mediation_org').get() as { n: number }).n;
const auditEntries = () => db.prepare("SELECT method, details FROM audit_log WHERE action = 'import'").all() as { method: string; details: string }[];

beforeEach(() => {
  db = openDatabase(':memory:', { create: true });
});
afterEach(() => db.close());

describe('import.commit with a path', () => {
  it('is refused from a transport that does not read local files, and nothing is written or audited', async () => {
    const result = await dispatcher(false)('import.commit', { files: [{ name: '调解组织.csv', path: orgsFile }] });
    expect(result).toEqual({ ok: false, error: { kind: 'bad_request', message: '只能导入随请求上传的文件内容，不能按本机路径读取文件' } });
    expect(orgCount()).toBe(0);
    expect(auditEntries()).toEqual([]);
  });

  it('streams the file from the command line, with the same audit entry as content', async () => {
    const result = await dispatcher(true)('import.commit', { files: [{ name: orgsFile, path: orgsFile }] });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(orgCount()).toBe(readExpected().rows['调解组织']);
    const [entry, ...others] = auditEntries();
    expect(others).toEqual([]);
    expect(entry!.method).toBe('import.commit');
    expect(JSON.parse(entry!.details)).toMatchObject({ files: [orgsFile], rejectedFiles: [], problems: 0 });
  });

  it('is refused when the path is unreadable, naming the file in Chinese', async () => {
    const missing = path.join(sampleDir, 'csv', '没有这个文件.csv');
    const result = await dispatcher(true)('import.commit', { files: [{ name: missing, path: missing }] });
    expect(orgCount()).toBe(0);
    expect(JSON.stringify(result)).toContain('无法读取文件「没有这个文件.csv」：文件不存在或没有读取权限');
  });
});
