// The first-login password change holds on the command line too: an account whose password is
// still the one an administrator gave is refused every command (exit 1, told in Chinese to log in
// to the app and change it first), and nothing is written — no record, no audit entry. Once its
// user has changed the password in the app, the same command runs.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, type AppSession } from '../../db/accounts/app-session.ts';
import type { ApiResult } from '../../db/api/contract.ts';
import { calendarDay } from '../../db/backup/backup-files.ts';
import { GIVEN_PASSWORD, firstLogin } from '../support/accounts.ts';
import { runCli, sampleDir, tempDir } from '../support/cli.ts';

const ADMIN = { username: 'admin', displayName: '管理员', password: 'Guanli2024admin' };
const NEWCOMER = { username: 'wangfang', displayName: '王芳', password: 'Wangfang2026zj' };
/** 调解组织.csv of the sample county: 39 organisations under its header line. */
const organisations = path.join(sampleDir, 'csv', '调解组织.csv');

let dir: string;
let session: AppSession;

async function value<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const result: ApiResult = await session.call(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.message}`);
  return result.value as T;
}

const auditCount = async () => (await value<{ total: number }>('audit.search', {})).total;
const organisationCount = async () => (await value<{ total: number }>('mediationOrg.list', {})).total;

beforeAll(async () => {
  dir = tempDir('first-login');
  session = createAppSession({ dbFile: path.join(dir, 'sftz.sqlite'), today: () => calendarDay() });
  await value('session.setup', { bureauName: '示例县司法局', ...ADMIN });
  await value('users.create', { ...NEWCOMER, password: GIVEN_PASSWORD, role: 'admin', officeId: null });
});

afterAll(() => {
  session?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a CLI command by an account that has not changed its given password', () => {
  const importAs = () => runCli(['import', '--db', path.join(dir, 'sftz.sqlite'), '--user', NEWCOMER.username, organisations], { SFTZ_PASSWORD: GIVEN_PASSWORD });

  it('is refused with exit 1 and a Chinese message, writing nothing', async () => {
    const auditBefore = await auditCount();
    const run = importAs();
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('用户「wangfang」还在使用管理员设置的初始密码：请先登录本程序修改密码，然后才能使用命令行');
    expect(await organisationCount()).toBe(0);
    expect(await auditCount()).toBe(auditBefore);
  }, 60_000);

  it('runs once the user has changed the password in the app', async () => {
    await firstLogin(session.call, NEWCOMER);
    await value('session.logout');
    const run = runCli(['import', '--db', path.join(dir, 'sftz.sqlite'), '--user', NEWCOMER.username, organisations], { SFTZ_PASSWORD: NEWCOMER.password });
    expect(run.status, run.stderr).toBe(0);
    await value('session.login', { username: ADMIN.username, password: ADMIN.password });
    expect(await organisationCount()).toBe(39);
  }, 60_000);
});
