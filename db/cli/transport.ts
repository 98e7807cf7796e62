// The command line as a transport like the others: the database opened (a plain one as it is;
// an encrypted one unlocked with the account's password or the recovery code, the login
// recorded), then every command calls the same dispatcher as the window and the loopback server
// — the same methods, role and office rules, date checks and audit entries. The user is the
// account (`--user`), or the operating-system account for a plain database, marked 命令行.

import os from 'node:os';
import { unsealWithPassword, unsealWithRecoveryCode, writeWhatWaited } from '../accounts/key-login.ts';
import { BUREAU_ADMINISTRATOR, checkRole, type Access } from '../accounts/permissions.ts';
import { accountByName } from '../accounts/users.ts';
import { createDispatcher } from '../api/dispatcher.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { restoreEntry } from '../audit/audit-trail.ts';
import { calendarDay } from '../backup/backup-files.ts';
import type { RestoreOutcome } from '../backup/restore.ts';
import { databaseFileKind, openDatabase, type RegisterDatabase } from '../database.ts';
import { keyFileOf } from '../encryption/key-file.ts';
import { UserError } from '../errors.ts';

/** Who runs a command on an encrypted database. */
export interface Credentials {
  readonly user: string | undefined;
  readonly recoveryCode: boolean;
}

export interface CliTransport {
  /** Calls an API method; its value, or a UserError with the method's Chinese message. */
  call<T>(method: string, input?: unknown): Promise<T>;
  /** The open connection (a restore of an encrypted database replaces and reopens it). */
  readonly db: () => RegisterDatabase;
  /** Who acts, as the audit log and the import log name them: 张三（命令行）. */
  readonly user: string;
  close(): void;
}

/**
 * An account whose password is still the one an administrator gave: as the window refuses every
 * method until its user changes it, the command line refuses every command (exit 1), writing nothing.
 */
export class PasswordChangePending extends UserError {
  constructor(username: string) {
    super(`用户「${username}」还在使用管理员设置的初始密码：请先登录本程序修改密码，然后才能使用命令行`, 'forbidden');
  }
}

/** How the audit log marks what was done from the command line. */
export const CLI_MARK = '（命令行）';

export function openCliTransport(dbFile: string, command: string, method: string, credentials: Credentials, create: boolean): CliTransport {
  const opened = openForCommand(dbFile, command, method, credentials, create);
  let db = opened.db;
  const user = `${opened.user}${CLI_MARK}`;
  let dispatch = createDispatcher({ db, user, access: opened.access, today: calendarDay, dbFile, readsLocalFiles: true });
  return {
    call: async <T>(name: string, input: unknown = {}) => {
      const result = await dispatch(name, input);
      if (!db.open) {
        // A restore of an encrypted database replaced the file: open whichever file is now in place.
        db = openDatabase(dbFile, { create: false, key: opened.key! });
        dispatch = createDispatcher({ db, user, access: opened.access, today: calendarDay, dbFile, readsLocalFiles: true });
        if (result.ok) recordAudit(db, { ...restoreEntry(result.value as RestoreOutcome), user, method: name });
      }
      if (!result.ok) throw new UserError(result.error.message, result.error.kind === 'internal' ? 'conflict' : result.error.kind);
      return result.value as T;
    },
    db: () => db,
    user,
    close: () => db.close(),
  };
}

interface OpenedForCommand {
  readonly db: RegisterDatabase;
  readonly access: Access;
  readonly user: string;
  readonly key: Buffer | null;
}

/**
 * The database for a command: a plain one as it is; an encrypted one unlocked with the
 * credentials, the account checked for `method` (the API method the command calls) and its
 * login recorded in the audit log as `cli.<command>`.
 */
function openForCommand(dbFile: string, command: string, method: string, credentials: Credentials, create: boolean): OpenedForCommand {
  if (databaseFileKind(dbFile) !== 'encrypted') {
    return { db: openDatabase(dbFile, { create }), access: BUREAU_ADMINISTRATOR, user: os.userInfo().username, key: null };
  }
  const keyFile = keyFileOf(dbFile);
  const loginMethod = `cli.${command}`;
  let key: Buffer;
  let username: string;
  if (credentials.recoveryCode) {
    const code = process.env.SFTZ_RECOVERY_CODE;
    if (!code) throw new UserError('请在环境变量 SFTZ_RECOVERY_CODE 中给出恢复码');
    username = '恢复码';
    key = unsealWithRecoveryCode(keyFile, username, code, new Date(), loginMethod);
  } else if (credentials.user) {
    const password = process.env.SFTZ_PASSWORD;
    if (!password) throw new UserError(`请在环境变量 SFTZ_PASSWORD 中给出用户「${credentials.user}」的密码`);
    username = credentials.user;
    key = unsealWithPassword(keyFile, username, password, new Date(), loginMethod);
  } else {
    throw new UserError(
      '数据库已加密：请用 --user 用户名，并在环境变量 SFTZ_PASSWORD 中给出密码（或用 --recovery-code，并在环境变量 SFTZ_RECOVERY_CODE 中给出恢复码）',
    );
  }
  const db = openDatabase(dbFile, { create: false, key });
  try {
    writeWhatWaited(db, keyFile);
    let access = BUREAU_ADMINISTRATOR;
    if (!credentials.recoveryCode) {
      const account = accountByName(db, username);
      if (!account || account.disabled) throw new UserError(account ? '账号已停用，请联系管理员' : '用户名或密码错误');
      if (account.mustChangePassword) throw new PasswordChangePending(account.username);
      access = account;
      username = account.username;
      checkRole(access, method);
    }
    recordAudit(db, { user: username, action: 'login', method: loginMethod });
    return { db, access, user: username, key };
  } catch (error) {
    db.close();
    throw error;
  }
}
