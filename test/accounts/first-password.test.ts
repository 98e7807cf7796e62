// A password an administrator gives (a new account, a reset) must be changed by its user at the
// first login: until then the session answers nothing but session.* (the renderer shows only the
// change-password page), the new password must differ from the given one, and after the change
// the account works, also after the next launch. The first administrator chose their own.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MUST_CHANGE_PASSWORD, createAppSession, type AppSession } from '../../db/accounts/app-session.ts';
import type { ApiResult, SessionStatus, UserRow } from '../../db/api/contract.ts';
import { tempDir } from '../support/cli.ts';

const ADMIN = { username: 'admin', displayName: '管理员', password: 'Guanli2024admin' };
const GIVEN = { username: 'lihua', password: 'Gei2024lihua' };

let dir: string;
let dbFile: string;
let session: AppSession;

const start = () => createAppSession({ dbFile, today: () => '2026-12-02' });

async function value<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const result = await session.call(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.message}`);
  return result.value as T;
}

function failure(result: ApiResult) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

beforeEach(async () => {
  dir = tempDir('first-password');
  dbFile = path.join(dir, 'sftz.sqlite');
  session = start();
  const setup = await value<{ user: { mustChangePassword: boolean } }>('session.setup', { bureauName: '示例县司法局', ...ADMIN });
  expect(setup.user.mustChangePassword).toBe(false);
});

afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a password given by the administrator', () => {
  it('lets the new clerk do nothing but change it, refuses the same one, and then works, also after a restart', async () => {
    const clerk = await value<UserRow>('users.create', { ...GIVEN, displayName: '李华', role: 'clerk', officeId: null });
    expect(clerk.mustChangePassword).toBe(true);
    await value('session.logout');

    const login = await value<{ user: { mustChangePassword: boolean } }>('session.login', GIVEN);
    expect(login.user.mustChangePassword).toBe(true);
    expect((await value<SessionStatus>('session.status')).user?.mustChangePassword).toBe(true);
    for (const method of ['app.info', 'mediationCase.list', 'office.list']) {
      expect(failure(await session.call(method, {}))).toEqual({ kind: 'forbidden', message: MUST_CHANGE_PASSWORD });
    }
    expect(failure(await session.call('session.changePassword', { currentPassword: GIVEN.password, newPassword: GIVEN.password }))).toMatchObject({
      kind: 'validation',
      fieldErrors: { newPassword: '不能与当前密码相同' },
    });
    expect((await session.call('app.info', {})).ok).toBe(false);

    await value('session.changePassword', { currentPassword: GIVEN.password, newPassword: 'Ziji2026lihua' });
    expect((await value<SessionStatus>('session.status')).user?.mustChangePassword).toBe(false);
    expect((await session.call('app.info', {})).ok).toBe(true);

    session.close();
    session = start();
    expect(failure(await session.call('session.login', GIVEN)).kind).toBe('unauthorized');
    const again = await value<{ user: { mustChangePassword: boolean } }>('session.login', { username: 'lihua', password: 'Ziji2026lihua' });
    expect(again.user.mustChangePassword).toBe(false);
    expect((await session.call('mediationCase.list', {})).ok).toBe(true);
  });

  it('must be changed again after the administrator resets it', async () => {
    const clerk = await value<UserRow>('users.create', { ...GIVEN, displayName: '李华', role: 'viewer', officeId: null });
    await value('session.logout');
    await value('session.login', GIVEN);
    await value('session.changePassword', { currentPassword: GIVEN.password, newPassword: 'Ziji2026lihua' });
    await value('session.login', ADMIN);
    expect((await value<UserRow[]>('users.list')).find((user) => user.id === clerk.id)?.mustChangePassword).toBe(false);

    await value('users.resetPassword', { id: clerk.id, password: 'Chongzhi2026' });
    expect((await value<UserRow[]>('users.list')).find((user) => user.id === clerk.id)?.mustChangePassword).toBe(true);
    await value('session.login', { username: 'lihua', password: 'Chongzhi2026' });
    expect(failure(await session.call('report.indicators', {}))).toEqual({ kind: 'forbidden', message: MUST_CHANGE_PASSWORD });
  });
});
