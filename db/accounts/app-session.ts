// The app's session: one per app instance (the desktop window, or the loopback server whose
// per-launch token already fences the browser), one user at a time. Both the loopback server
// (db/server/serve-app.ts) and the Electron main process call it. It answers the session.*
// methods itself and hands every other method to a dispatcher made for the logged-in account
// (db/api/dispatcher.ts), which checks that account's role and office on every call.
//
// States: `setup` — no key file yet (no database, or a plain one from an older version or the
// CLI): session.setup creates the first administrator and the encrypted database, converting a
// plain one in place; `locked` — nobody logged in; `open` — a user is. Until the first login of
// a launch the database file stays closed: the password unseals the data key from the key file
// (db/encryption/key-file.ts), and the lock after failed logins and the failed logins themselves
// are kept in the key file until then. Once open, the database stays open for the launch and
// passwords are checked against app_user. The session locks itself when no call came for the
// idle minutes (setting `idleMinutes`, default 15); the next call hears why. Every method but
// session.* is refused as 'unauthorized' unless someone is logged in, and as 'forbidden' while
// the account's password is still one an administrator gave (new account, reset) until its
// user changes it (session.changePassword).
//
// Setup and conversion are safe against a crash at any point: the encrypted database is
// written under a temporary name (`<db>.sftz-encrypted`) and checked, then the key file is
// written, then the database is renamed into place; a launch that finds the key file and the
// temporary file finishes the rename, and one that finds no key file starts setup again. A plain
// database is backed up (verified) before it is converted, and stays untouched until the rename.

import Database from 'better-sqlite3-multiple-ciphers';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createDispatcher, parseInput, toApiError, type ApiCall } from '../api/dispatcher.ts';
import { ProgressBoard } from '../api/progress-board.ts';
import { isWrite, sessionMethods, type ApiResult, type SessionStatus, type UserView } from '../api/contract.ts';
import { recordAudit, type AuditEntry } from '../audit/audit-log.ts';
import { restoreEntry } from '../audit/audit-trail.ts';
import type { RestoreOutcome } from '../backup/restore.ts';
import { takeBackup, takeDailyBackup } from '../backup/take-backup.ts';
import { DatabaseOpenError, databaseFileKind, openDatabase, type RegisterDatabase } from '../database.ts';
import { installDatabaseFile, writeEncryptedCopy } from '../encryption/encrypted-copy.ts';
import {
  keyFileOf,
  newDataKey,
  newKeyFile,
  newRecoveryCode,
  openRecoverySlot,
  readKeyFile,
  sealForUser,
  updateKeyFile,
  userKey,
  writeKeyFile,
} from '../encryption/key-file.ts';
import { UserError } from '../errors.ts';
import { createIntranetRuntime } from '../exchange/intranet.ts';
import { longWorkInThread } from '../worker/long-work-messages.ts';
import {
  WRONG_CREDENTIALS,
  countFailedLogin,
  lockRefusal,
  requireKeyFile,
  saveLockout,
  unsealWithPassword,
  unsealWithRecoveryCode,
  writeWhatWaited,
} from './key-login.ts';
import { UNLOCKED } from './lockout.ts';
import { verifyPassword } from './passwords.ts';
import { checkRole, type Access } from './permissions.ts';
import {
  accountById,
  accountByName,
  createAccount,
  recordLogin,
  setLockout,
  setPasswordHash,
  userView,
  type Account,
} from './users.ts';

const DEFAULT_IDLE_MINUTES = 15;
const IDLE_SETTING = 'idleMinutes';

export interface AppSessionOptions {
  readonly dbFile: string;
  /** Today, `YYYY-MM-DD`. */
  readonly today: () => string;
  /** The clock for idle time and account locks; default the real one. */
  readonly now?: () => Date;
  /** Idle minutes before the database holds a setting; default 15. */
  readonly idleMinutes?: number;
  /** false: no backup at the first unlock of a day (the benchmark, which only reads a 740 MB copy). */
  readonly dailyBackup?: boolean;
  /**
   * true: imports and backups run in a worker of their own over a second connection
   * (db/worker/long-work-messages.ts), so this thread keeps answering; the session's worker sets it.
   */
  readonly longWorkOffThread?: boolean;
}

export interface AppSession {
  /** Every API method: session.* here, the rest through the logged-in account's dispatcher. */
  call(method: string, input?: unknown): Promise<ApiResult>;
  /** Whether someone is logged in now (and not idle too long). */
  isOpen(): boolean;
  /** Closes the database. */
  close(): void;
}

const NOT_LOGGED_IN = '请先登录';
/** Every method but session.* while the password is still the one an administrator gave. */
export const MUST_CHANGE_PASSWORD = '请先修改管理员为您设置的初始密码，然后才能使用本程序';
const IDLE_LOCKED = '长时间未操作，已自动锁定，请重新登录';

/** Where setup writes the encrypted database before renaming it into place. */
const pendingDatabaseOf = (dbFile: string) => `${path.resolve(dbFile)}.sftz-encrypted`;

export function createAppSession(options: AppSessionOptions): AppSession {
  const dbFile = path.resolve(options.dbFile);
  const keyFile = keyFileOf(dbFile);
  const now = options.now ?? (() => new Date());
  const today = options.today;

  let db: RegisterDatabase | null = null;
  let dataKey: Buffer | null = null;
  let current: { account: UserView; dispatch: ApiCall } | null = null;
  /** Who was logged in when the session locked (for the lock screen); null after a logout. */
  let lockedUser: UserView | null = null;
  let lastCall = now().getTime();
  let lockedForIdleness = false;
  const progress = new ProgressBoard();
  /** The session's writes, in order (the dispatcher is remade at each login and after a restore). */
  let writes: Promise<void> = Promise.resolve();

  /** Work queued behind the session's writes, and the writes behind it. */
  function enqueue<T>(work: () => T | Promise<T>): Promise<T> {
    const result = writes.then(work);
    writes = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** 内网同步 (db/exchange/intranet.ts): the bureau's listener or the office's timer, once the database is open. */
  const intranet = createIntranetRuntime(
    () => (db?.open ? db : null),
    (work) => enqueue(() => work(openDb())),
  );

  finishInterruptedSetup();

  function finishInterruptedSetup(): void {
    const pending = pendingDatabaseOf(dbFile);
    if (!fs.existsSync(pending)) return;
    if (readKeyFile(keyFile)) installDatabaseFile(pending, dbFile);
    else fs.rmSync(pending, { force: true });
  }

  const openDb = () => db!;

  function setting(key: string): string | null {
    return (openDb().prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  function idleMinutes(): number {
    const stored = db ? Number(setting(IDLE_SETTING)) : NaN;
    return Number.isInteger(stored) && stored > 0 ? stored : (options.idleMinutes ?? DEFAULT_IDLE_MINUTES);
  }

  function state(): SessionStatus['state'] {
    if (current) return 'open';
    return readKeyFile(keyFile) || databaseFileKind(dbFile) === 'encrypted' ? 'locked' : 'setup';
  }

  function audit(entry: Omit<AuditEntry, 'at'>): void {
    recordAudit(openDb(), { ...entry, at: now() });
  }

  /** The key file's account slots, as user management changes them. */
  const accountKeys = {
    setPassword: (username: string, password: string) =>
      updateKeyFile(keyFile, (content) => {
        const lockouts = { ...content.lockouts };
        delete lockouts[userKey(username)];
        return { ...content, users: { ...content.users, [userKey(username)]: sealForUser(dataKey!, username, password) }, lockouts };
      }),
    unlock: (username: string) => saveLockout(keyFile, username, UNLOCKED),
  };

  function openFor(account: Account): UserView {
    const access: Access = { role: account.role, officeId: account.officeId, officeName: account.officeName };
    const view = userView(account);
    const dispatch = createDispatcher({
      db: openDb(),
      user: account.username,
      access,
      today,
      dbFile,
      accounts: accountKeys,
      now,
      progress,
      intranet,
      ...(options.longWorkOffThread ? { longWork: longWorkInThread(dbFile, dataKey) } : {}),
    });
    current = { account: view, dispatch };
    lockedUser = null;
    lockedForIdleness = false;
    lastCall = now().getTime();
    return view;
  }

  /** The first unlock of the launch: open the database, write what waited in the key file, back up the day. */
  function unlockDatabase(key: Buffer): void {
    db = openDatabase(dbFile, { create: false, key });
    dataKey = key;
    writeWhatWaited(db, keyFile);
    const bureauName = setting('bureauName');
    if (bureauName && bureauName !== requireKeyFile(keyFile).bureauName) {
      updateKeyFile(keyFile, (stored) => ({ ...stored, bureauName }));
    }
    if (options.dailyBackup !== false) takeDailyBackup(db, dbFile, today());
    void intranet.reconfigure();
  }

  /** A failed login once the database is open (before, key-login.ts keeps them in the key file). */
  function recordFailedLogin(username: string, method: string, reason: string): void {
    audit({ user: username, action: 'login_failed', method, details: { reason } });
  }

  /** Logs in an account whose password or recovery code was right: disabled accounts are refused. */
  function logIn(username: string, method: string): UserView {
    const account = accountByName(openDb(), username);
    if (!account) {
      recordFailedLogin(username, method, '没有此账号');
      throw new UserError(WRONG_CREDENTIALS, 'unauthorized');
    }
    if (account.disabled) {
      recordFailedLogin(account.username, method, '账号已停用');
      throw new UserError('账号已停用，请联系管理员', 'unauthorized');
    }
    if (Object.hasOwn(requireKeyFile(keyFile).lockouts, userKey(account.username))) saveLockout(keyFile, account.username, UNLOCKED);
    recordLogin(openDb(), account.id, now());
    audit({ user: account.username, action: 'login', method });
    return openFor(accountById(openDb(), account.id)!);
  }

  // ---- the session.* methods ----------------------------------------------------------------

  function status(): SessionStatus {
    const content = readKeyFile(keyFile);
    return {
      state: state(),
      bureauName: (db ? setting('bureauName') : null) ?? content?.bureauName ?? plainBureauName(dbFile),
      user: current?.account ?? lockedUser,
      idleMinutes: idleMinutes(),
    };
  }

  function setup(input: { bureauName: string; username: string; displayName: string; password: string }) {
    if (state() !== 'setup') throw new UserError('已完成初始设置，请登录', 'conflict');
    const kind = databaseFileKind(dbFile);
    if (kind === 'other') throw new UserError(`文件「${dbFile}」不是司法台账数据库，不能在它上面建立数据库`, 'conflict');
    const key = newDataKey();
    const recoveryCode = newRecoveryCode();
    const pending = pendingDatabaseOf(dbFile);
    fs.rmSync(pending, { force: true });
    const converted = kind === 'plain' ? encryptedCopyOfPlain(key, pending) : null;
    const fresh = openDatabase(pending, { create: true, key });
    try {
      fresh
        .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run('bureauName', input.bureauName);
      const admin = createAccount(fresh, { ...input, role: 'admin', officeId: null, mustChangePassword: false });
      recordAudit(fresh, {
        user: admin.username,
        action: 'setup',
        method: 'session.setup',
        table: 'app_user',
        recordId: admin.id,
        details: { bureauName: input.bureauName, encrypted: true, ...(converted ? { convertedFrom: dbFile, backup: converted } : {}) },
        at: now(),
      });
    } finally {
      fresh.close();
    }
    writeKeyFile(keyFile, newKeyFile({ bureauName: input.bureauName, dataKey: key, username: input.username, password: input.password, recoveryCode }));
    installDatabaseFile(pending, dbFile);
    db = openDatabase(dbFile, { create: false, key });
    dataKey = key;
    const admin = accountByName(db, input.username)!;
    recordLogin(db, admin.id, now());
    audit({ user: admin.username, action: 'login', method: 'session.setup' });
    void intranet.reconfigure();
    return { user: openFor(accountById(db, admin.id)!), recoveryCode };
  }

  /**
   * The plain database converted: backed up (verified), closed cleanly, copied encrypted to
   * `pending` and checked; the backup's path. The plain file is not touched.
   */
  function encryptedCopyOfPlain(key: Buffer, pending: string): string {
    const plain = openDatabase(dbFile, { create: false });
    let backup: string;
    try {
      backup = takeBackup(plain, { dbFile, kind: 'before-encryption', today: today() }).backup.file;
      plain.pragma('wal_checkpoint(TRUNCATE)');
      plain.pragma('journal_mode = DELETE');
    } finally {
      plain.close();
    }
    writeEncryptedCopy(dbFile, null, pending, key);
    return backup;
  }

  function login({ username, password }: { username: string; password: string }) {
    if (state() === 'setup') throw new UserError('尚未完成初始设置', 'unauthorized');
    if (!db) {
      unlockDatabase(unsealWithPassword(keyFile, username, password, now(), 'session.login'));
      return { user: logIn(username, 'session.login') };
    }
    const content = requireKeyFile(keyFile);
    const locked = lockRefusal(content, username, now());
    if (locked) {
      recordFailedLogin(username, 'session.login', '账号已锁定');
      throw locked;
    }
    const account = accountByName(db, username);
    if (!account || !verifyPassword(password, account.passwordHash)) {
      const { state: lock, refusal } = countFailedLogin(keyFile, content, username, now());
      if (account && lock) setLockout(db, account.username, lock);
      recordFailedLogin(username, 'session.login', '密码错误');
      throw refusal;
    }
    return { user: logIn(account.username, 'session.login') };
  }

  function recover({ recoveryCode, username, newPassword }: { recoveryCode: string; username: string; newPassword: string }) {
    if (state() === 'setup') throw new UserError('尚未完成初始设置', 'unauthorized');
    if (!db) unlockDatabase(unsealWithRecoveryCode(keyFile, username, recoveryCode, now(), 'session.recover'));
    else {
      const key = openRecoverySlot(requireKeyFile(keyFile), recoveryCode);
      if (!key || !crypto.timingSafeEqual(key, dataKey!)) {
        recordFailedLogin(username, 'session.recover', '恢复码错误');
        throw new UserError('恢复码不正确', 'unauthorized');
      }
    }
    const account = accountByName(openDb(), username);
    if (!account || account.role !== 'admin') {
      throw new UserError('恢复码只能用于重设管理员账号的密码：请填写一个管理员的用户名', 'forbidden');
    }
    openDb().transaction(() => {
      setPasswordHash(openDb(), account.id, newPassword, false);
      setLockout(openDb(), account.username, UNLOCKED);
      accountKeys.setPassword(account.username, newPassword);
      audit({ user: account.username, action: 'password_recover', method: 'session.recover', table: 'app_user', recordId: account.id });
    })();
    return { user: logIn(account.username, 'session.recover') };
  }

  function changePassword({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) {
    const account = accountById(openDb(), current!.account.id)!;
    if (!verifyPassword(currentPassword, account.passwordHash)) {
      throw new UserError('当前密码不正确', 'unauthorized', { currentPassword: '当前密码不正确' });
    }
    if (newPassword === currentPassword) {
      throw new UserError('新密码不能与当前密码相同', 'validation', { newPassword: '不能与当前密码相同' });
    }
    openDb().transaction(() => {
      setPasswordHash(openDb(), account.id, newPassword, false);
      accountKeys.setPassword(account.username, newPassword);
      audit({ user: account.username, action: 'password_change', method: 'session.changePassword', table: 'app_user', recordId: account.id });
    })();
    current = { ...current!, account: { ...current!.account, mustChangePassword: false } };
    return {};
  }

  function setIdleMinutes({ minutes }: { minutes: number }) {
    const user = current!.account;
    checkRole(user, 'session.setIdleMinutes');
    const before = idleMinutes();
    openDb().transaction(() => {
      openDb()
        .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(IDLE_SETTING, String(minutes));
      audit({
        user: user.username,
        action: 'settings',
        method: 'session.setIdleMinutes',
        table: 'setting',
        before: { idleMinutes: before },
        after: { idleMinutes: minutes },
      });
    })();
    return { idleMinutes: minutes };
  }

  /**
   * A restore (backup.restore, through the dispatcher's write queue like every write) replaces
   * the encrypted file and closes the connection (backup/restore.ts): the session opens whichever
   * file is now in place, remakes the dispatcher and records the restore in the restored database.
   */
  function reopenAfterRestore(result: ApiResult): void {
    if (!db || db.open || !current) return;
    const user = current.account;
    db = openDatabase(dbFile, { create: false, key: dataKey! });
    openFor(accountById(db, user.id)!);
    if (result.ok) audit({ ...restoreEntry(result.value as RestoreOutcome), user: user.username, method: 'backup.restore' });
    void intranet.reconfigure();
  }

  /** After a call through the dispatcher: what the session keeps in step with the database. */
  function afterDispatch(method: string, input: unknown, result: ApiResult): void {
    if (!result.ok) return;
    if (method === 'settings.update') {
      updateKeyFile(keyFile, (content) => ({ ...content, bureauName: (input as { bureauName: string }).bureauName.trim() }));
    }
    if (method === 'users.update' && (input as { id?: unknown }).id === current?.account.id) {
      const account = accountById(openDb(), current!.account.id)!;
      if (account.disabled) current = null;
      else openFor(account);
    }
  }

  const sessionHandlers: Record<string, (input: never) => unknown> = {
    'session.status': status,
    'session.setup': setup,
    'session.login': login,
    'session.recover': recover,
    'session.logout': () => {
      if (current) audit({ user: current.account.username, action: 'logout', method: 'session.logout' });
      current = null;
      lockedUser = null;
      return {};
    },
    'session.lock': () => {
      if (current) lockedUser = current.account;
      current = null;
      return {};
    },
    'session.changePassword': changePassword,
    'session.setIdleMinutes': setIdleMinutes,
  };
  /** The session methods that need someone logged in. */
  const needsLogin = new Set(['session.changePassword', 'session.setIdleMinutes']);

  function lockIfIdle(): void {
    if (current && now().getTime() - lastCall > idleMinutes() * 60_000) {
      lockedUser = current.account;
      current = null;
      lockedForIdleness = true;
    }
  }

  const refusal = (): ApiResult => ({
    ok: false,
    error: { kind: 'unauthorized', message: lockedForIdleness ? IDLE_LOCKED : NOT_LOGGED_IN },
  });

  async function call(method: string, input?: unknown): Promise<ApiResult> {
    lockIfIdle();
    if (method !== 'session.status' && current) lastCall = now().getTime();
    try {
      if (Object.hasOwn(sessionHandlers, method)) {
        if (needsLogin.has(method) && !current) return refusal();
        const parsed = parseInput(sessionMethods[method as keyof typeof sessionMethods].input, input);
        if (!parsed.ok) return parsed;
        return { ok: true, value: sessionHandlers[method]!(parsed.value as never) };
      }
      if (!current) return refusal();
      if (current.account.mustChangePassword) return { ok: false, error: { kind: 'forbidden', message: MUST_CHANGE_PASSWORD } };
      if (!isWrite(method)) return await current.dispatch(method, input);
      // Writes one at a time, each through the dispatcher of the moment: a write queued behind a
      // restore runs on the restored database, through the dispatcher made for it.
      return await enqueue(async () => {
        if (!current) return refusal();
        const answered = await current.dispatch(method, input);
        reopenAfterRestore(answered);
        afterDispatch(method, input, answered);
        return answered;
      });
    } catch (error) {
      if (error instanceof DatabaseOpenError) return { ok: false, error: { kind: 'conflict', message: error.message } };
      return { ok: false, error: toApiError(error) };
    }
  }

  return {
    call,
    isOpen: () => {
      lockIfIdle();
      return current !== null;
    },
    close: () => {
      current = null;
      void intranet.stop();
      db?.close();
      db = null;
    },
  };
}

/** The bureau name a plain database holds (shown on the setup page of an upgrade), read without changing the file. */
function plainBureauName(dbFile: string): string | null {
  if (databaseFileKind(dbFile) !== 'plain') return null;
  try {
    const plain = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return (plain.prepare("SELECT value FROM setting WHERE key = 'bureauName'").get() as { value: string } | undefined)?.value ?? null;
    } finally {
      plain.close();
    }
  } catch {
    return null;
  }
}
