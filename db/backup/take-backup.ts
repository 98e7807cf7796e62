// Taking a backup of the open register database: a consistent snapshot (`VACUUM INTO`, one read
// transaction, works beside WAL and needs no second writer) written under a temporary name,
// checked by opening it (`integrity_check`, the application id), flushed to disk, then renamed
// into 备份/ beside the database — so a backup folder only ever holds whole, checked files — and
// copied to the second folder when one is set and reachable. Old backups are then rotated.
// A backup of an encrypted database is encrypted with the same data key (VACUUM INTO writes
// with the connection's key) and checked with it, and the key file is copied beside it in each
// folder: without the key file no password opens the backups. A failure is a UserError in
// Chinese and leaves no partial file; the live database is only read. Plain Node; takes no
// decisions about when to back up beyond "nothing to lose".

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { noProgress, type ProgressSink } from '../api/progress.ts';
import { applyKey, databaseFileKind, databaseKey, type RegisterDatabase } from '../database.ts';
import { syncFile, syncFolder } from '../durable-files.ts';
import { copyKeyFile } from '../encryption/key-file.ts';
import { UserError } from '../errors.ts';
import { registers } from '../registers/index.ts';
import {
  TEMPORARY_SUFFIX,
  backupFile,
  backupFileName,
  backupFolderOf,
  calendarDay,
  freeBackupName,
  headerLooksWhole,
  type BackupFile,
  type BackupKind,
} from './backup-files.ts';
import { rotateBackups } from './rotation.ts';

/** Setting (table `setting`) naming a second folder — a USB disk or a share — that gets a copy of each backup. */
export const SECOND_FOLDER_SETTING = 'backupFolder2';

/**
 * The copies go into a folder of their own inside the chosen one (E:\司法台账备份 on a USB
 * disk), so rotation never touches anything else there.
 */
const SECOND_COPIES_FOLDER = '司法台账备份';

export interface BackupRequest {
  /** The database file the connection has open. */
  readonly dbFile: string;
  readonly kind: BackupKind;
  /** The day the backup is named after, `YYYY-MM-DD`. */
  readonly today: string;
  /** Where to write it; default 备份/ beside the database. */
  readonly folder?: string;
  /** The steps as they start: 写入备份, 校验备份, 复制到第二备份位置, 清理旧备份. */
  readonly onProgress?: ProgressSink;
}

const BACKUP_STEPS = 4;

export interface TakenBackup {
  readonly backup: BackupFile;
  /** The copy in the second folder, when one was made. */
  readonly secondCopy: string | null;
  /** Things people should know that did not stop the backup (second folder unreachable …). */
  readonly notices: string[];
}

export function takeBackup(db: RegisterDatabase, request: BackupRequest): TakenBackup {
  const folder = path.resolve(request.folder ?? backupFolderOf(request.dbFile));
  const report = request.onProgress ?? noProgress;
  const step = (done: number, name: string) => report({ step: name, done, total: BACKUP_STEPS, unit: '步' });
  const check: FileCheck = { applicationId: db.pragma('application_id', { simple: true }) as number, key: databaseKey(db) };
  let final: string;
  try {
    fs.mkdirSync(folder, { recursive: true });
    final = path.join(folder, freeBackupName(folder, request.today, request.kind));
    writeVerifiedFile(final, check, (temporary) => db.prepare('VACUUM INTO ?').run(temporary), step);
  } catch (error) {
    throw new UserError(`备份失败：${writeFailureReason(error)}（备份位置「${folder}」），现有数据未受影响`, 'conflict');
  }
  const backup = backupFile(final)!;
  const notices: string[] = [];
  if (check.key) keepKeyFileBeside(request.dbFile, folder, notices);
  const secondFolder = secondBackupFolder(db);
  step(2, '复制到第二备份位置');
  const secondCopy = secondFolder ? copyToSecondFolder(final, secondFolder, check, notices) : null;
  step(3, '清理旧备份');
  if (secondCopy && check.key) keepKeyFileBeside(request.dbFile, path.dirname(secondCopy), notices);
  for (const rotated of [folder, ...(secondCopy ? [path.dirname(secondCopy)] : [])]) {
    try {
      rotateBackups(rotated, request.today);
    } catch (error) {
      notices.push(`清理「${rotated}」中的旧备份时出错：${(error as Error).message}`);
    }
  }
  return { backup, secondCopy, notices };
}

/** What a backup must show when opened: our application id, read with the database's key if it has one. */
interface FileCheck {
  readonly applicationId: number;
  readonly key: Buffer | null;
}

/** The key file copied into a backup folder; a failure is a notice (the key file beside the database still stands). */
function keepKeyFileBeside(dbFile: string, folder: string, notices: string[]): void {
  try {
    copyKeyFile(dbFile, folder);
  } catch (error) {
    notices.push(`未能把密钥文件复制到「${folder}」：${writeFailureReason(error)}。请另行保存密钥文件，否则这些备份无法打开`);
  }
}

/**
 * Writes a file through `write(temporary)`, checks it is a whole database of ours, flushes it
 * and renames it to `final`; on any failure the temporary file is removed and the error thrown.
 */
function writeVerifiedFile(
  final: string,
  check: FileCheck,
  write: (temporary: string) => void,
  step: (done: number, name: string) => void = () => {},
): void {
  const temporary = `${path.join(path.dirname(final), `.${path.basename(final)}.${process.pid}`)}${TEMPORARY_SUFFIX}`;
  try {
    step(0, '写入备份');
    write(temporary);
    step(1, '校验备份');
    verifyBackupFile(temporary, check);
    syncFile(temporary);
    fs.renameSync(temporary, final);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(path.dirname(final));
}

/** Opens a backup read-only (with the key, if any): `integrity_check` must say ok and the application id must be ours. */
function verifyBackupFile(file: string, { applicationId, key }: FileCheck): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (key) applyKey(copy, key);
    const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (integrity.join() !== 'ok') throw new Error(`备份文件校验未通过：${integrity.slice(0, 3).join('；')}`);
    if (copy.pragma('application_id', { simple: true }) !== applicationId) {
      throw new Error('备份文件校验未通过：不是司法台账数据库');
    }
  } finally {
    copy.close();
  }
}

/**
 * Whether a backup in a list still looks whole, cheaply (no integrity_check): a plain one by its
 * header (backup-files.ts); an encrypted one by its first page, read with the key — our
 * application id, and a length of page count × page size.
 */
export function backupLooksWhole(file: string, applicationId: number, key: Buffer | null): boolean {
  if (!key || databaseFileKind(file) !== 'encrypted') return headerLooksWhole(file, applicationId);
  try {
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      applyKey(copy, key);
      const pages = (copy.pragma('page_count', { simple: true }) as number) * (copy.pragma('page_size', { simple: true }) as number);
      return copy.pragma('application_id', { simple: true }) === applicationId && pages === fs.statSync(file).size;
    } finally {
      copy.close();
    }
  } catch {
    return false;
  }
}

/** Why writing failed, for people: disk full, size limit, permissions, a missing folder, a busy database. */
export function writeFailureReason(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return '磁盘空间不足';
  if (code === 'EFBIG') return '文件超出系统允许的大小';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return '无法写入磁盘，可能是磁盘空间不足、文件超出大小限制或磁盘故障';
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'].includes(code)) return '没有写入权限';
  if (code === 'ENOENT' || code === 'ENOTDIR') return '文件夹不存在';
  if (code.startsWith('SQLITE_BUSY')) return '数据库正被其他程序使用，请稍后重试';
  return (error as Error)?.message ?? String(error);
}

export function secondBackupFolder(db: RegisterDatabase): string | null {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(SECOND_FOLDER_SETTING) as { value: string } | undefined;
  return row?.value || null;
}

/** Whether the second folder is there and writable now (a USB disk may be unplugged). */
export function folderReachable(folder: string): boolean {
  try {
    if (!fs.statSync(folder).isDirectory()) return false;
    fs.accessSync(folder, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function copyToSecondFolder(source: string, folder: string, check: FileCheck, notices: string[]): string | null {
  if (!folderReachable(folder)) {
    notices.push(`第二备份位置「${folder}」现在无法访问（U 盘未插入或共享文件夹未连接？），本次备份只保存在数据文件夹`);
    return null;
  }
  const copies = path.resolve(folder, SECOND_COPIES_FOLDER);
  if (copies === path.dirname(source)) return null;
  const target = path.join(copies, path.basename(source));
  try {
    fs.mkdirSync(copies, { recursive: true });
    writeVerifiedFile(target, check, (temporary) => fs.copyFileSync(source, temporary));
    return target;
  } catch (error) {
    notices.push(`复制到第二备份位置「${folder}」失败：${writeFailureReason(error)}，本次备份只保存在数据文件夹`);
    return null;
  }
}

/** Whether any register holds a record: an empty database has nothing to lose. */
function holdsRecords(db: RegisterDatabase): boolean {
  return registers.some((register) => db.prepare(`SELECT 1 FROM ${register.table} LIMIT 1`).get() !== undefined);
}

export type DailyBackup =
  | { readonly status: 'taken'; readonly taken: TakenBackup }
  | { readonly status: 'already-taken' | 'nothing-to-back-up' }
  | { readonly status: 'failed'; readonly message: string };

/**
 * The backup at the first start of a day. It never throws: the app starts even when the disk
 * is full, and `backup.list` shows that today's backup is missing.
 */
export function takeDailyBackup(db: RegisterDatabase, dbFile: string, today: string): DailyBackup {
  if (dbFile === ':memory:') return { status: 'nothing-to-back-up' };
  if (fs.existsSync(path.join(backupFolderOf(dbFile), backupFileName(today, 'daily')))) return { status: 'already-taken' };
  if (!holdsRecords(db)) return { status: 'nothing-to-back-up' };
  try {
    return { status: 'taken', taken: takeBackup(db, { dbFile, kind: 'daily', today }) };
  } catch (error) {
    if (error instanceof UserError) return { status: 'failed', message: error.message };
    throw error;
  }
}

/** The backup before an import: taken when there is something to lose; a failure stops the import. */
export function backupBeforeImport(db: RegisterDatabase, dbFile: string | undefined, today: string): TakenBackup | null {
  if (!dbFile || dbFile === ':memory:' || !holdsRecords(db)) return null;
  try {
    return takeBackup(db, { dbFile, kind: 'before-import', today });
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${error.message}；为免数据无法找回，本次没有导入`, 'conflict');
    throw error;
  }
}

/** The backup before the schema of an existing database file is migrated; a failure stops the migration. */
export function backupBeforeMigration(db: RegisterDatabase, dbFile: string): TakenBackup {
  try {
    return takeBackup(db, { dbFile, kind: 'before-migration', today: calendarDay() });
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`升级数据库结构前${error.message}；数据库没有升级`, 'conflict');
    throw error;
  }
}
