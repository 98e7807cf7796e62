// The accounts table (app_user): reading accounts as the API shows them, adding and changing
// them with their rules (an administrator is bureau-level; the last active administrator
// stays one), password hashes, logins and the mirrored lock after failed logins. Plain SQL over
// an open database; no key file and no API knowledge here.

import type { UserRow, UserView } from '../api/contract.ts';
import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { statement } from '../registers/register.ts';
import type { LockoutState } from './lockout.ts';
import { hashPassword } from './passwords.ts';
import { BUREAU_LEVEL, roleLabels, type Role } from './roles.ts';

/** An account as stored, with what the session needs beside the view. */
export interface Account extends UserRow {
  readonly passwordHash: string;
}

interface AccountRow {
  readonly id: number;
  readonly username: string;
  readonly display_name: string;
  readonly role: Role;
  readonly office_id: number | null;
  readonly office_name: string | null;
  readonly password_hash: string;
  readonly disabled: number;
  readonly locked_until: string | null;
  readonly last_login_at: string | null;
  readonly must_change_password: number;
}

const SELECT_ACCOUNT = `SELECT u.id, u.username, u.display_name, u.role, u.office_id, f.name AS office_name,
  u.password_hash, u.disabled, u.locked_until, u.last_login_at, u.must_change_password
  FROM app_user u LEFT JOIN office f ON f.id = u.office_id`;

function account(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    officeId: row.office_id,
    officeName: row.office_name,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    passwordHash: row.password_hash,
  };
}

export function userView(user: UserView): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    officeId: user.officeId,
    officeName: user.officeName,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The row the user list shows: the view, whether disabled or locked, the last login. */
export function userRow(user: UserRow, now: Date): UserRow {
  return {
    ...userView(user),
    disabled: user.disabled,
    lockedUntil: user.lockedUntil && new Date(user.lockedUntil) > now ? user.lockedUntil : null,
    lastLoginAt: user.lastLoginAt,
  };
}

/** 录入员，城西司法所 — how a refusal names the account. */
export function accountDescription(user: Pick<UserView, 'role' | 'officeName' | 'officeId'>): string {
  return `${roleLabels[user.role]}，${user.officeId === null ? BUREAU_LEVEL : (user.officeName ?? `单位 ${user.officeId}`)}`;
}

export function accountById(db: RegisterDatabase, id: number): Account | null {
  const row = statement(db, `${SELECT_ACCOUNT} WHERE u.id = ?`).get(id) as AccountRow | undefined;
  return row ? account(row) : null;
}

export function accountByName(db: RegisterDatabase, username: string): Account | null {
  const row = statement(db, `${SELECT_ACCOUNT} WHERE u.username = ?`).get(username) as AccountRow | undefined;
  return row ? account(row) : null;
}

export function listAccounts(db: RegisterDatabase): Account[] {
  return (statement(db, `${SELECT_ACCOUNT} ORDER BY u.role = 'admin' DESC, u.office_id IS NOT NULL, f.sort, u.id`).all() as AccountRow[]).map(
    account,
  );
}

export interface AccountFields {
  readonly displayName: string;
  readonly role: Role;
  readonly officeId: number | null;
}

function checkFields(db: RegisterDatabase, fields: AccountFields): void {
  if (fields.role === 'admin' && fields.officeId !== null) {
    throw new UserError('管理员应为局机关账号，不能属于某个司法所', 'validation', { officeId: '管理员应为局机关账号' });
  }
  if (fields.officeId !== null && !statement(db, 'SELECT 1 FROM office WHERE id = ? AND deleted_at IS NULL').get(fields.officeId)) {
    throw new UserError(`单位不存在（编号 ${fields.officeId}）`, 'validation', { officeId: '单位不存在' });
  }
}

/** A new account; `mustChangePassword` when an administrator chose the password for someone else. */
export function createAccount(
  db: RegisterDatabase,
  fields: AccountFields & { readonly username: string; readonly password: string; readonly mustChangePassword: boolean },
): Account {
  checkFields(db, fields);
  if (accountByName(db, fields.username)) {
    throw new UserError(`已有用户名为「${fields.username}」的账号`, 'validation', { username: '已有同名账号' });
  }
  const id = Number(
    statement(
      db,
      'INSERT INTO app_user (username, display_name, role, office_id, password_hash, must_change_password) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(fields.username, fields.displayName, fields.role, fields.officeId, hashPassword(fields.password), fields.mustChangePassword ? 1 : 0)
      .lastInsertRowid,
  );
  return accountById(db, id)!;
}

function activeAdministrators(db: RegisterDatabase): number {
  return (statement(db, "SELECT count(*) AS n FROM app_user WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
}

export function updateAccount(db: RegisterDatabase, id: number, fields: AccountFields & { readonly disabled: boolean }): Account {
  const current = existingAccount(db, id);
  checkFields(db, fields);
  const staysActiveAdmin = fields.role === 'admin' && !fields.disabled;
  if (current.role === 'admin' && !current.disabled && !staysActiveAdmin && activeAdministrators(db) <= 1) {
    throw new UserError('这是最后一个可用的管理员账号，不能改为其他角色或停用；请先新增另一个管理员', 'conflict');
  }
  statement(
    db,
    "UPDATE app_user SET display_name = ?, role = ?, office_id = ?, disabled = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
  ).run(fields.displayName, fields.role, fields.officeId, fields.disabled ? 1 : 0, id);
  return accountById(db, id)!;
}

export function existingAccount(db: RegisterDatabase, id: number): Account {
  const found = accountById(db, id);
  if (!found) throw new UserError(`账号不存在（编号 ${id}）`, 'not_found');
  return found;
}

/** A new password: chosen by the account's user, or given by an administrator (`mustChangePassword`). */
export function setPasswordHash(db: RegisterDatabase, id: number, password: string, mustChangePassword: boolean): void {
  statement(
    db,
    "UPDATE app_user SET password_hash = ?, must_change_password = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
  ).run(hashPassword(password), mustChangePassword ? 1 : 0, id);
}

/** Mirrors the lock after failed logins (kept in the key file) into the row, for the user list. */
export function setLockout(db: RegisterDatabase, username: string, state: LockoutState): void {
  statement(db, 'UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE username = ?').run(
    state.failedAttempts,
    state.lockedUntil,
    username,
  );
}

export function recordLogin(db: RegisterDatabase, id: number, now: Date): void {
  statement(db, 'UPDATE app_user SET last_login_at = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(now.toISOString(), id);
}

/** Every account as it is, to be put back after a restore (the accounts are not part of the data restored). */
export function readAllAccounts(db: RegisterDatabase): Record<string, unknown>[] {
  return statement(db, 'SELECT * FROM app_user ORDER BY id').all() as Record<string, unknown>[];
}

/**
 * Replaces the accounts of a database (a restored copy) with `accounts`, as read by
 * readAllAccounts. An account of an office the copy does not have is kept disabled, as a
 * bureau-level 查看 account, so that it can neither log in nor see more than before.
 */
export function replaceAllAccounts(db: RegisterDatabase, accounts: readonly Record<string, unknown>[]): void {
  const officeExists = db.prepare('SELECT 1 FROM office WHERE id = ?');
  db.transaction(() => {
    db.prepare('DELETE FROM app_user').run();
    for (const stored of accounts) {
      const orphan = stored.office_id !== null && officeExists.get(stored.office_id) === undefined;
      const row = orphan ? { ...stored, office_id: null, role: 'viewer', disabled: 1 } : stored;
      const columns = Object.keys(row);
      db.prepare(`INSERT INTO app_user (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`).run(row);
    }
  })();
}
