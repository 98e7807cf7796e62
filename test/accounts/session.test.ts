// The session (db/accounts/app-session.ts) with a clock the tests move: setup once and only
// once, nothing but session.* before a login, the lock after 5 wrong passwords for 15 minutes
// — with the database open, and at the first login of a launch while it is still locked, where
// the failures wait in the key file for the audit log — the idle lock, the recovery code, a
// changed password working after a restart, and the last administrator kept.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppSession, type AppSession } from '../../db/accounts/app-session.ts';
import type { ApiResult, SessionStatus, UserRow } from '../../db/api/contract.ts';
import { openDatabase } from '../../db/database.ts';
import { keyFileOf, openUserSlot, readKeyFile } from '../../db/encryption/key-file.ts';
import { tempDir } from '../support/cli.ts';

const ADMIN = { username: 'admin', displayName: '管理员', password: 'Guanli2024admin' };
const CLERK = { username: 'lihua', displayName: '李华', password: 'Lihua2024lu' };

let dir: string;
let dbFile: string;
/** The clock every session of a test reads: 2024-03-01 14:20 local time, moved by `later`. */
let clock: Date;
let session: AppSession;

const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

function start(): AppSession {
  return createAppSession({ dbFile, today: () => '2024-03-01', now: () => clock });
}

/** Closes the session and starts another on the same files: the next launch of the app. */
function restart(): void {
  session.close();
  session = start();
}

async function value<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const result = await session.call(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.message}`);
  return result.value as T;
}

function failure(result: ApiResult) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

const status = () => value<SessionStatus>('session.status');

/** The audit log, read with the administrator's key (a second connection, as an inspector would). */
function auditRows(password = ADMIN.password): { user: string; action: string; method: string; at: string; details: string | null }[] {
  const key = openUserSlot(readKeyFile(keyFileOf(dbFile))!, ADMIN.username, password)!;
  const db = openDatabase(dbFile, { create: false, key });
  try {
    return db.prepare('SELECT user, action, method, at, details FROM audit_log ORDER BY id').all() as never;
  } finally {
    db.close();
  }
}

beforeEach(() => {
  dir = tempDir('session');
  dbFile = path.join(dir, 'sftz.sqlite');
  clock = new Date(2024, 2, 1, 14, 20, 0);
  session = start();
});

afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function setUp(): Promise<string> {
  return (await value<{ recoveryCode: string }>('session.setup', { bureauName: '示例县司法局', ...ADMIN })).recoveryCode;
}

describe('setup', () => {
  it('starts in setup with nothing open: only session.* answers, everything else asks for a login', async () => {
    expect(await status()).toEqual({ state: 'setup', bureauName: null, user: null, idleMinutes: 15 });
    expect(failure(await session.call('app.info', {}))).toEqual({ kind: 'unauthorized', message: '请先登录' });
    expect(failure(await session.call('users.list', {}))).toEqual({ kind: 'unauthorized', message: '请先登录' });
    expect(failure(await session.call('session.login', ADMIN))).toMatchObject({ kind: 'unauthorized' });
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('refuses a weak password with the rule, on the field', async () => {
    const error = failure(await session.call('session.setup', { bureauName: '示例县司法局', ...ADMIN, password: 'abc123' }));
    expect(error.kind).toBe('bad_request');
    expect(error.fieldErrors).toEqual({ password: '密码至少 8 位，且须同时包含字母和数字' });
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('creates the encrypted database and a bureau-level administrator, logged in, with a recovery code — once', async () => {
    const setup = await value<{ user: unknown; recoveryCode: string }>('session.setup', { bureauName: '示例县司法局', ...ADMIN });
    expect(setup.recoveryCode).toMatch(/^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){5}$/);
    const admin = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', officeId: null, officeName: null, mustChangePassword: false };
    expect(setup.user).toEqual(admin);
    expect(await status()).toEqual({ state: 'open', bureauName: '示例县司法局', user: admin, idleMinutes: 15 });
    expect(fs.readFileSync(dbFile).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(fs.existsSync(keyFileOf(dbFile))).toBe(true);

    expect(failure(await session.call('session.setup', { bureauName: '另一个局', ...ADMIN }))).toMatchObject({ kind: 'conflict' });
    restart();
    expect(await status()).toEqual({ state: 'locked', bureauName: '示例县司法局', user: null, idleMinutes: 15 });
    expect(failure(await session.call('session.setup', { bureauName: '另一个局', ...ADMIN }))).toMatchObject({ kind: 'conflict' });
    expect((await value<{ user: unknown }>('session.login', ADMIN)).user).toEqual(admin);
    expect(auditRows().map((row) => `${row.user} ${row.action} ${row.method}`)).toEqual([
      'admin setup session.setup',
      'admin login session.setup',
      'admin login session.login',
    ]);
  });
});

describe('the lock after failed logins', () => {
  it('locks after 5 wrong passwords until 15 minutes later, saying when; an administrator can lift it', async () => {
    await setUp();
    const clerk = await value<UserRow>('users.create', { ...CLERK, role: 'clerk', officeId: null });
    await value('session.logout');
    const messages: string[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      messages.push(failure(await session.call('session.login', { username: 'lihua', password: 'Wrong2024' })).message);
    }
    expect(messages).toEqual([
      '用户名或密码错误（再错 4 次将锁定 15 分钟）',
      '用户名或密码错误（再错 3 次将锁定 15 分钟）',
      '用户名或密码错误（再错 2 次将锁定 15 分钟）',
      '用户名或密码错误（再错 1 次将锁定 15 分钟）',
      '用户名或密码错误。账号已锁定，请于 14:35 后再试，或请管理员解锁',
    ]);
    expect(failure(await session.call('session.login', CLERK))).toEqual({
      kind: 'unauthorized',
      message: '账号已锁定，请于 14:35 后再试，或请管理员解锁',
    });
    later(14);
    expect(failure(await session.call('session.login', CLERK)).message).toBe('账号已锁定，请于 14:35 后再试，或请管理员解锁');

    await value('session.login', ADMIN);
    const listed = (await value<UserRow[]>('users.list')).find((user) => user.id === clerk.id)!;
    expect(listed.lockedUntil).toBe(new Date(2024, 2, 1, 14, 35, 0).toISOString());
    await value('users.unlock', { id: clerk.id });
    expect((await value<UserRow[]>('users.list')).find((user) => user.id === clerk.id)!.lockedUntil).toBeNull();
    await value('session.logout');
    expect((await value<{ user: { username: string } }>('session.login', CLERK)).user.username).toBe('lihua');
  });

  it('counts while the database is still locked at start, across restarts, and writes those failures to the audit log at the next unlock', async () => {
    await setUp();
    restart();
    for (let attempt = 0; attempt < 3; attempt++) await session.call('session.login', { ...ADMIN, password: 'Wrong2024' });
    restart();
    later(1);
    const fourth = failure(await session.call('session.login', { ...ADMIN, password: 'Wrong2024' }));
    expect(fourth.message).toBe('用户名或密码错误（再错 1 次将锁定 15 分钟）');
    const fifth = failure(await session.call('session.login', { ...ADMIN, password: 'Wrong2024' }));
    expect(fifth.message).toBe('用户名或密码错误。账号已锁定，请于 14:36 后再试，或请管理员解锁');
    restart();
    expect(failure(await session.call('session.login', ADMIN)).message).toBe('账号已锁定，请于 14:36 后再试，或请管理员解锁');
    expect(failure(await session.call('session.login', { username: 'nobody', password: 'Wrong2024' })).message).toBe('用户名或密码错误');
    expect(readKeyFile(keyFileOf(dbFile))!.pendingFailedLogins).toHaveLength(7);

    later(15);
    await value('session.login', ADMIN);
    const failed = auditRows().filter((row) => row.action === 'login_failed');
    expect(failed.map((row) => [row.user, row.at.slice(11, 16), JSON.parse(row.details!).reason])).toEqual([
      ['admin', '14:20', '密码错误'],
      ['admin', '14:20', '密码错误'],
      ['admin', '14:20', '密码错误'],
      ['admin', '14:21', '密码错误'],
      ['admin', '14:21', '密码错误'],
      ['admin', '14:21', '账号已锁定'],
      ['nobody', '14:21', '密码错误'],
    ]);
    expect(readKeyFile(keyFileOf(dbFile))!.pendingFailedLogins).toEqual([]);
    expect(readKeyFile(keyFileOf(dbFile))!.lockouts).toEqual({});
  });

  it('refuses a disabled account even with the right password', async () => {
    await setUp();
    const clerk = await value<UserRow>('users.create', { ...CLERK, role: 'viewer', officeId: null });
    await value('users.update', { id: clerk.id, displayName: CLERK.displayName, role: 'viewer', officeId: null, disabled: true });
    await value('session.logout');
    expect(failure(await session.call('session.login', CLERK))).toEqual({ kind: 'unauthorized', message: '账号已停用，请联系管理员' });
  });
});

describe('idle time', () => {
  it('locks the session after 15 minutes without a call; session.status does not count; the next call is told why', async () => {
    await setUp();
    later(14);
    expect((await session.call('app.info', {})).ok).toBe(true);
    later(10);
    expect((await status()).state).toBe('open');
    later(5.1);
    const admin = (await status()).user;
    expect(await status()).toMatchObject({ state: 'locked', user: admin });
    expect(failure(await session.call('app.info', {}))).toEqual({ kind: 'unauthorized', message: '长时间未操作，已自动锁定，请重新登录' });
    await value('session.login', ADMIN);
    expect((await session.call('app.info', {})).ok).toBe(true);
  });

  it('takes the minutes an administrator sets (1–240), and only from an administrator', async () => {
    await setUp();
    expect(failure(await session.call('session.setIdleMinutes', { minutes: 0 })).kind).toBe('bad_request');
    expect(failure(await session.call('session.setIdleMinutes', { minutes: 241 })).kind).toBe('bad_request');
    expect(await value('session.setIdleMinutes', { minutes: 5 })).toEqual({ idleMinutes: 5 });
    expect((await status()).idleMinutes).toBe(5);
    await value('users.create', { ...CLERK, role: 'clerk', officeId: null });
    await value('session.logout');
    await value('session.login', CLERK);
    expect(failure(await session.call('session.setIdleMinutes', { minutes: 30 }))).toMatchObject({ kind: 'forbidden' });
    later(5.1);
    expect(failure(await session.call('app.info', {})).message).toBe('长时间未操作，已自动锁定，请重新登录');
    const settings = auditRows().filter((row) => row.method === 'session.setIdleMinutes');
    expect(settings).toHaveLength(1);
  });

  it('keeps who was logged in for the lock screen after session.lock, and nobody after a logout', async () => {
    await setUp();
    await value('session.lock');
    expect(await status()).toMatchObject({ state: 'locked', user: { username: 'admin' } });
    expect(failure(await session.call('app.info', {})).message).toBe('请先登录');
    await value('session.login', ADMIN);
    await value('session.logout');
    expect(await status()).toMatchObject({ state: 'locked', user: null });
    expect(auditRows().filter((row) => row.action === 'logout')).toHaveLength(1);
  });
});

describe('passwords', () => {
  it('sets a new administrator password with the recovery code, also at the start of a launch; the old one stops working', async () => {
    const recoveryCode = await setUp();
    await value('users.create', { ...CLERK, role: 'clerk', officeId: null });
    restart();
    const newPassword = 'Huifu2024mima';
    expect(failure(await session.call('session.recover', { recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', username: 'admin', newPassword }))).toEqual({
      kind: 'unauthorized',
      message: '恢复码不正确',
    });
    expect(failure(await session.call('session.recover', { recoveryCode, username: 'lihua', newPassword }))).toMatchObject({ kind: 'forbidden' });
    const typed = recoveryCode.toLowerCase().replaceAll('-', ' ');
    expect((await value<{ user: { username: string } }>('session.recover', { recoveryCode: typed, username: 'admin', newPassword })).user.username).toBe('admin');
    expect((await status()).state).toBe('open');
    await value('session.logout');
    expect(failure(await session.call('session.login', ADMIN)).kind).toBe('unauthorized');
    await value('session.login', { username: 'admin', password: newPassword });
    restart();
    expect(failure(await session.call('session.login', ADMIN)).kind).toBe('unauthorized');
    await value('session.login', { username: 'ADMIN', password: newPassword });
    expect(auditRows(newPassword).filter((row) => row.action === 'password_recover').map((row) => row.user)).toEqual(['admin']);
  });

  it('changes one’s own password after checking the current one; the new one opens the database at the next launch', async () => {
    await setUp();
    expect(failure(await session.call('session.changePassword', { currentPassword: 'Wrong2024', newPassword: 'Xinmima2024' }))).toMatchObject({
      kind: 'unauthorized',
      fieldErrors: { currentPassword: '当前密码不正确' },
    });
    expect(failure(await session.call('session.changePassword', { currentPassword: ADMIN.password, newPassword: 'short' })).kind).toBe('bad_request');
    await value('session.changePassword', { currentPassword: ADMIN.password, newPassword: 'Xinmima2024' });
    restart();
    expect(failure(await session.call('session.login', ADMIN)).kind).toBe('unauthorized');
    await value('session.login', { username: 'admin', password: 'Xinmima2024' });
  });

  it('resets a user’s password for the administrator: the new password opens the database, the old does not', async () => {
    await setUp();
    const clerk = await value<UserRow>('users.create', { ...CLERK, role: 'clerk', officeId: null });
    await value('users.resetPassword', { id: clerk.id, password: 'Chongzhi2024' });
    restart();
    expect(failure(await session.call('session.login', CLERK)).kind).toBe('unauthorized');
    await value('session.login', { username: 'lihua', password: 'Chongzhi2024' });
  });
});

describe('accounts', () => {
  it('keeps the last active administrator one, and every administrator bureau-level', async () => {
    await setUp();
    const office = await value<{ id: number }>('office.create', { name: '城西司法所' });
    const lastAdmin = '这是最后一个可用的管理员账号，不能改为其他角色或停用；请先新增另一个管理员';
    expect(failure(await session.call('users.update', { id: 1, displayName: '管理员', role: 'clerk', officeId: null, disabled: false }))).toEqual({
      kind: 'conflict',
      message: lastAdmin,
    });
    expect(failure(await session.call('users.update', { id: 1, displayName: '管理员', role: 'admin', officeId: null, disabled: true })).message).toBe(lastAdmin);
    expect(failure(await session.call('users.create', { ...CLERK, role: 'admin', officeId: office.id }))).toMatchObject({
      kind: 'validation',
      fieldErrors: { officeId: '管理员应为局机关账号' },
    });
    expect(failure(await session.call('users.create', { ...CLERK, username: 'ADMIN', role: 'viewer', officeId: null }))).toMatchObject({
      kind: 'validation',
      fieldErrors: { username: '已有同名账号' },
    });
    const second = await value<UserRow>('users.create', { username: 'wangfang', displayName: '王芳', password: 'Wangfang2024', role: 'admin', officeId: null });
    const demoted = await value<UserRow>('users.update', { id: 1, displayName: '管理员', role: 'clerk', officeId: office.id, disabled: false });
    expect(demoted).toMatchObject({ role: 'clerk', officeId: office.id, officeName: '城西司法所' });
    // The session follows its own account's change at once.
    expect(failure(await session.call('users.list', {}))).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('录入员，城西司法所') });
    await value('session.login', { username: 'wangfang', password: 'Wangfang2024' });
    await value('session.changePassword', { currentPassword: 'Wangfang2024', newPassword: 'Wangfang2025' });
    expect(failure(await session.call('users.update', { id: second.id, displayName: '王芳', role: 'viewer', officeId: null, disabled: false })).message).toBe(lastAdmin);
  });
});
