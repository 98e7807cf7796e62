// Logging in against the key file, before the database is open: the lock after failed logins
// and the record of failed logins are kept there (the audit log is inside the locked database),
// and an account's password or the recovery code unseals the data key. Used by the session
// (accounts/app-session.ts) while the database is still locked and by the CLI for an encrypted
// database. Failed logins wait in the key file until the next unlock writes them to the audit
// log (writeWhatWaited), which also mirrors the locks into app_user.

import { recordAudit } from '../audit/audit-log.ts';
import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import {
  openRecoverySlot,
  openUserSlot,
  readKeyFile,
  updateKeyFile,
  userKey,
  type KeyFileContent,
  type PendingFailedLogin,
} from '../encryption/key-file.ts';
import { UNLOCKED, afterFailedLogin, failedLoginMessage, lockedMessage, lockedUntil, type LockoutState } from './lockout.ts';
import { setLockout } from './users.ts';

/** Failed logins kept at most while the database stays locked (the oldest are dropped first). */
const MAX_PENDING_FAILED_LOGINS = 500;

export const WRONG_CREDENTIALS = '用户名或密码错误';

function missingKeyFileMessage(keyFile: string): string {
  return `找不到密钥文件「${keyFile}」，无法解密数据库。请把备份文件夹中的同名文件（.keys）复制到数据库文件旁边`;
}

/** The key file, which an encrypted database cannot be opened without. */
export function requireKeyFile(keyFile: string): KeyFileContent {
  const content = readKeyFile(keyFile);
  if (!content) throw new UserError(missingKeyFileMessage(keyFile), 'unauthorized');
  return content;
}

function lockoutOf(content: KeyFileContent, username: string): LockoutState {
  return content.lockouts[userKey(username)] ?? UNLOCKED;
}

/** Stores an account's lock state in the key file (an unlocked account has no entry). */
export function saveLockout(keyFile: string, username: string, state: LockoutState): void {
  updateKeyFile(keyFile, (content) => {
    const lockouts = { ...content.lockouts };
    if (state.failedAttempts === 0 && state.lockedUntil === null) delete lockouts[userKey(username)];
    else lockouts[userKey(username)] = state;
    return { ...content, lockouts };
  });
}

/** Keeps a failed login for the audit log of the next unlock. */
function keepFailedLogin(keyFile: string, entry: PendingFailedLogin): void {
  updateKeyFile(keyFile, (content) => ({
    ...content,
    pendingFailedLogins: [...content.pendingFailedLogins, entry].slice(-MAX_PENDING_FAILED_LOGINS),
  }));
}

/** A refusal for an account locked at `now`, or null. */
export function lockRefusal(content: KeyFileContent, username: string, now: Date): UserError | null {
  const until = lockedUntil(lockoutOf(content, username), now);
  return until ? new UserError(lockedMessage(until), 'unauthorized') : null;
}

/**
 * One more wrong password for `username`: counted in the key file when the account has a slot
 * there (a name nobody has is not counted). The account's new lock state (null when not
 * counted) and the refusal to give.
 */
export function countFailedLogin(
  keyFile: string,
  content: KeyFileContent,
  username: string,
  now: Date,
): { readonly state: LockoutState | null; readonly refusal: UserError } {
  if (!content.users[userKey(username)]) return { state: null, refusal: new UserError(WRONG_CREDENTIALS, 'unauthorized') };
  const state = afterFailedLogin(lockoutOf(content, username), now);
  saveLockout(keyFile, username, state);
  return { state, refusal: new UserError(failedLoginMessage(state, now), 'unauthorized') };
}

/**
 * The data key, unsealed with an account's password while the database is closed; a refusal
 * (locked, wrong password) is thrown as an 'unauthorized' UserError after the failure is
 * counted and kept for the audit log.
 */
export function unsealWithPassword(keyFile: string, username: string, password: string, now: Date, method: string): Buffer {
  const content = requireKeyFile(keyFile);
  const locked = lockRefusal(content, username, now);
  const key = locked ? null : openUserSlot(content, username, password);
  if (key) return key;
  const refusal = locked ?? countFailedLogin(keyFile, content, username, now).refusal;
  keepFailedLogin(keyFile, { at: now.toISOString(), user: username, method, details: { reason: locked ? '账号已锁定' : '密码错误' } });
  throw refusal;
}

/** The data key, unsealed with the recovery code; a wrong code is kept for the audit log and refused. */
export function unsealWithRecoveryCode(keyFile: string, username: string, recoveryCode: string, now: Date, method: string): Buffer {
  const key = openRecoverySlot(requireKeyFile(keyFile), recoveryCode);
  if (key) return key;
  keepFailedLogin(keyFile, { at: now.toISOString(), user: username, method, details: { reason: '恢复码错误' } });
  throw new UserError('恢复码不正确', 'unauthorized');
}

/**
 * At an unlock, into the just-opened database: the failed logins that waited in the key file
 * (into the audit log, at the time they happened) and the locks (mirrored into app_user).
 */
export function writeWhatWaited(db: RegisterDatabase, keyFile: string): void {
  const content = requireKeyFile(keyFile);
  db.transaction(() => {
    for (const failed of content.pendingFailedLogins) {
      recordAudit(db, { user: failed.user, action: 'login_failed', method: failed.method, details: failed.details, at: new Date(failed.at) });
    }
    db.prepare('UPDATE app_user SET failed_attempts = 0, locked_until = NULL').run();
    for (const [name, lock] of Object.entries(content.lockouts)) setLockout(db, name, lock);
  })();
  if (content.pendingFailedLogins.length > 0) updateKeyFile(keyFile, (stored) => ({ ...stored, pendingFailedLogins: [] }));
}
