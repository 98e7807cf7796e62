// Reading a backup back: what it holds (counts per register, newest record date, schema
// version), and restoring it over the open database. A backup is never used in place: it is
// copied to a private temporary folder first, and the copy is what gets checked — SQLite
// header, our application id, `integrity_check`, a schema version this program knows — and,
// when older, migrated. Backups of an encrypted database are read with its key; a plain backup
// (one taken before the database was encrypted) is read as it is.
//
// A restore brings back the data, not the accounts: the accounts as they are now are written
// into the checked copy before it replaces anything, so nobody is locked out by a backup from
// before their account or their last password change, and no old password comes back.
//
// Restoring a plain database while the app holds it open: SQLite's online backup API copies the
// checked copy page by page INTO the live file through a second connection (better-sqlite3's
// `backup()` called on the copy, with the live file as destination). That is one write
// transaction on the live database: in WAL mode it is appended to the WAL and committed at once,
// so a crash or a full disk part-way leaves the old content; the schema cookie it bumps makes
// the open connection drop its cached schema and statements, and its next read sees exactly
// the backup's pages. Rows are never copied table by table, so no trigger fires and no table
// is forgotten. A backup of the current content is taken first; if that fails, nothing is restored.
//
// Restoring an encrypted database (replaceWithBackup): the backup API cannot write into an
// encrypted file through the second connection it opens, so the checked copy is written
// encrypted with the database's key beside the live file (db/encryption/encrypted-copy.ts) and,
// once the caller's connection is closed, renamed over it — one atomic rename. The caller (the
// session, the CLI) owns the connection and opens the database again.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAllAccounts, replaceAllAccounts } from '../accounts/users.ts';
import type { ProgressSink } from '../api/progress.ts';
import { APPLICATION_ID, applyKey, databaseFileKind, databaseKey, migrate, schemaVersion, type RegisterDatabase } from '../database.ts';
import { installDatabaseFile, writeEncryptedCopy } from '../encryption/encrypted-copy.ts';
import { UserError } from '../errors.ts';
import { registers } from '../registers/index.ts';
import type { RegisterName } from '../registers/register.ts';
import { migrations } from '../schema/migrations.ts';
import { backupKindLabels, parseBackupName, type BackupFile, type BackupKind } from './backup-files.ts';
import { takeBackup, writeFailureReason } from './take-backup.ts';

export interface RegisterCount {
  readonly name: RegisterName;
  /** 人民调解案件 … */
  readonly title: string;
  /** Records not deleted. */
  readonly count: number;
  /** Latest date of the register's own date column (受理日期 …), or null when empty. */
  readonly newest: string | null;
}

export interface RecordCounts {
  readonly registers: RegisterCount[];
  readonly total: number;
  readonly newestRecordDate: string | null;
  /** When a record was last saved (its updated_at), ISO; null when there are none. */
  readonly lastSavedAt: string | null;
}

/** Counts per register; a register missing from an older schema counts as empty. */
function countRecords(db: Database.Database): RecordCounts {
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name),
  );
  let newestRecordDate: string | null = null;
  let lastSavedAt: string | null = null;
  const counts = registers.map((register) => {
    if (!tables.has(register.table)) return { name: register.name, title: register.title, count: 0, newest: null };
    const row = db
      .prepare(
        `SELECT count(*) AS count, max(${register.dateColumn}) AS newest, max(updated_at) AS saved FROM ${register.table} WHERE deleted_at IS NULL`,
      )
      .get() as { count: number; newest: string | null; saved: string | null };
    if (row.newest && (!newestRecordDate || row.newest > newestRecordDate)) newestRecordDate = row.newest;
    if (row.saved && (!lastSavedAt || row.saved > lastSavedAt)) lastSavedAt = row.saved;
    return { name: register.name, title: register.title, count: row.count, newest: row.newest };
  });
  return { registers: counts, total: counts.reduce((sum, count) => sum + count.count, 0), newestRecordDate, lastSavedAt };
}

export interface BackupPreview extends RecordCounts {
  readonly file: string;
  readonly name: string;
  /** From the file name when it is one of our backups; null for a file named otherwise. */
  readonly kind: BackupKind | null;
  readonly kindLabel: string | null;
  readonly date: string | null;
  /** When the file was written (file system time), ISO. */
  readonly takenAt: string;
  readonly size: number;
  readonly schemaVersion: number;
  readonly bureauName: string | null;
  /** Records per register in the open database now, beside the backup's, in the same order. */
  readonly current: number[];
}

/** What a backup holds, read from a checked copy opened read-only. */
export function previewBackup(db: RegisterDatabase, file: string): BackupPreview {
  const staged = stageBackup(file);
  try {
    const copy = openCheckedCopy(staged.copy, file, { readonly: true, key: databaseKey(db) });
    try {
      const parsed = parseBackupName(path.basename(file));
      const bureau = copy.prepare("SELECT value FROM setting WHERE key = 'bureauName'").get() as { value: string } | undefined;
      const current = countRecords(db);
      return {
        file: staged.original,
        name: path.basename(file),
        kind: parsed?.kind ?? null,
        kindLabel: parsed ? backupKindLabels[parsed.kind] : null,
        date: parsed?.date ?? null,
        takenAt: staged.stat.mtime.toISOString(),
        size: staged.stat.size,
        schemaVersion: schemaVersion(copy),
        bureauName: bureau?.value ?? null,
        ...countRecords(copy),
        current: current.registers.map((register) => register.count),
      };
    } finally {
      copy.close();
    }
  } finally {
    staged.remove();
  }
}

export interface RestoreRequest {
  /** The database file the connection has open. */
  readonly dbFile: string;
  /** The backup to restore. */
  readonly file: string;
  readonly today: string;
  /** The steps as they start: 校验备份, 备份当前数据, 写入恢复的数据. */
  readonly onProgress?: ProgressSink;
}

const RESTORE_STEPS = 3;

function restoreStep(request: RestoreRequest, done: number, step: string): void {
  request.onProgress?.({ step, done, total: RESTORE_STEPS, unit: '步' });
}

export interface RestoreOutcome {
  readonly restoredFrom: string;
  /** The backup of what the database held just before. */
  readonly preRestoreBackup: BackupFile;
  /** What the database held before … */
  readonly replaced: RecordCounts;
  /** … and what it holds now (the backup's content). */
  readonly restored: RecordCounts;
  /** The backup's schema version (migrated to the current one when older). */
  readonly backupSchemaVersion: number;
  readonly notices: string[];
}

/** Restores a backup into a plain database, through the connection the caller keeps open. */
export async function restoreBackup(db: RegisterDatabase, request: RestoreRequest): Promise<RestoreOutcome> {
  restoreStep(request, 0, '校验备份');
  const staged = stageBackup(request.file);
  try {
    const source = openCheckedCopy(staged.copy, request.file, { readonly: false, key: null });
    try {
      const backupSchemaVersion = schemaVersion(source);
      migrate(source);
      replaceAllAccounts(source, readAllAccounts(db));
      source.pragma('journal_mode = DELETE');
      // The backup API cannot copy into a WAL database of another page size.
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      if (source.pragma('page_size', { simple: true }) !== pageSize) {
        source.pragma(`page_size = ${pageSize}`);
        source.exec('VACUUM');
      }
      const replaced = countRecords(db);
      restoreStep(request, 1, '备份当前数据');
      const before = takeBackup(db, { dbFile: request.dbFile, kind: 'before-restore', today: request.today });
      restoreStep(request, 2, '写入恢复的数据');
      try {
        await source.backup(request.dbFile, { progress: ({ remainingPages }) => remainingPages });
      } catch (error) {
        throw new UserError(
          `恢复失败：${writeFailureReason(error)}；数据库保持恢复前的内容（恢复前备份：${before.backup.file}）`,
          'conflict',
        );
      }
      db.pragma('wal_checkpoint(TRUNCATE)');
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') {
        throw new Error(`恢复后的数据库完整性检查未通过（${String(integrity)}）；恢复前的数据在「${before.backup.file}」`);
      }
      return {
        restoredFrom: staged.original,
        preRestoreBackup: before.backup,
        replaced,
        restored: countRecords(db),
        backupSchemaVersion,
        notices: before.notices,
      };
    } finally {
      source.close();
    }
  } finally {
    staged.remove();
  }
}

/**
 * Restores a backup into an encrypted database by replacing its file. `db` is closed once the
 * encrypted copy is written and checked — when this returns, and when it throws after that
 * point (`db.open` tells); the caller opens the database again.
 */
export async function replaceWithBackup(db: RegisterDatabase, request: RestoreRequest): Promise<RestoreOutcome> {
  const key = databaseKey(db)!;
  restoreStep(request, 0, '校验备份');
  const staged = stageBackup(request.file);
  const replacement = `${path.resolve(request.dbFile)}.restoring`;
  try {
    const backupKey = databaseFileKind(staged.copy) === 'encrypted' ? key : null;
    const source = openCheckedCopy(staged.copy, request.file, { readonly: false, key: backupKey });
    let backupSchemaVersion: number;
    let restored: RecordCounts;
    try {
      backupSchemaVersion = schemaVersion(source);
      migrate(source);
      replaceAllAccounts(source, readAllAccounts(db));
      restored = countRecords(source);
    } finally {
      source.close();
    }
    const replaced = countRecords(db);
    restoreStep(request, 1, '备份当前数据');
    const before = takeBackup(db, { dbFile: request.dbFile, kind: 'before-restore', today: request.today });
    restoreStep(request, 2, '写入恢复的数据');
    try {
      fs.rmSync(replacement, { force: true });
      writeEncryptedCopy(staged.copy, backupKey, replacement, key);
      db.close();
      installDatabaseFile(replacement, request.dbFile);
    } catch (error) {
      throw new UserError(
        `恢复失败：${writeFailureReason(error)}；数据库保持恢复前的内容（恢复前备份：${before.backup.file}）`,
        'conflict',
      );
    }
    return { restoredFrom: staged.original, preRestoreBackup: before.backup, replaced, restored, backupSchemaVersion, notices: before.notices };
  } finally {
    fs.rmSync(replacement, { force: true });
    staged.remove();
  }
}

interface StagedBackup {
  readonly original: string;
  readonly copy: string;
  readonly stat: fs.Stats;
  remove(): void;
}

/** Copies a backup (and a WAL beside it, if any) into a private temporary folder. */
function stageBackup(file: string): StagedBackup {
  const original = path.resolve(file);
  const stat = fs.statSync(original, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new UserError(`备份文件「${original}」不存在`, 'not_found');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-restore-'));
  const remove = () => fs.rmSync(folder, { recursive: true, force: true });
  const copy = path.join(folder, 'backup.sqlite');
  try {
    fs.copyFileSync(original, copy);
    if (fs.existsSync(`${original}-wal`)) fs.copyFileSync(`${original}-wal`, `${copy}-wal`);
  } catch (error) {
    remove();
    throw new UserError(`无法读取备份文件「${original}」：${writeFailureReason(error)}`, 'conflict');
  }
  return { original, copy, stat, remove };
}

/**
 * Opens the staged copy and refuses what is not a whole backup of ours that this program can
 * read: a plain one, or — given the database's key — one encrypted with that key.
 */
function openCheckedCopy(copy: string, original: string, options: { readonly: boolean; key: Buffer | null }): Database.Database {
  const name = path.basename(original);
  const notOurs = () => new UserError(`「${name}」不是司法台账的备份文件，不能用于恢复`, 'bad_request');
  const kind = databaseFileKind(copy);
  if (kind === 'encrypted' && !options.key) {
    throw new UserError(`备份文件「${name}」已加密，而当前数据库没有加密，不能用它恢复`, 'bad_request');
  }
  if (kind !== 'plain' && kind !== 'encrypted') throw notOurs();
  let db: Database.Database;
  try {
    db = new Database(copy, { readonly: options.readonly, fileMustExist: true });
  } catch {
    throw notOurs();
  }
  if (kind === 'encrypted') {
    applyKey(db, options.key!);
    try {
      db.pragma('application_id', { simple: true });
    } catch {
      db.close();
      throw new UserError(`备份文件「${name}」用的是另一把密钥加密（不是本数据库的备份），无法打开`, 'bad_request');
    }
  }
  const damaged = (problems: string[]) =>
    new UserError(`备份文件「${name}」已损坏（完整性检查未通过：${problems.slice(0, 3).join('；')}），不能用于恢复`, 'bad_request');
  try {
    let applicationId: unknown;
    let problems: string[];
    try {
      applicationId = db.pragma('application_id', { simple: true });
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    } catch (error) {
      throw damaged([(error as Error).message]);
    }
    if (applicationId !== APPLICATION_ID) throw notOurs();
    if (problems.join() !== 'ok') throw damaged(problems);
    const version = schemaVersion(db);
    if (version > migrations.length) {
      throw new UserError(
        `备份文件「${name}」由更新版本的司法台账创建（结构版本 ${version}，本程序支持到 ${migrations.length}），请升级程序后再恢复`,
        'bad_request',
      );
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
