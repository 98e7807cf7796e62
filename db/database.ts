// Opening a register database: refuse what is not ours, migrate what is, and set the pragmas
// every connection needs (WAL, foreign keys). Plain Node; the only place that opens SQLite.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import { backupBeforeMigration } from './backup/take-backup.ts';
import { migrations } from './schema/migrations.ts';

export type RegisterDatabase = Database.Database;

/** Marks a SQLite file as ours ('SFTZ'), so another program's database is never migrated. */
export const APPLICATION_ID = 0x5346545a;

export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
}

export interface OpenOptions {
  /** Create a new database when the file does not exist (the app does; `cli report` does not). */
  readonly create: boolean;
  /** Bureau name stored on creation. */
  readonly bureauName?: string;
}

export function openDatabase(file: string, options: OpenOptions): RegisterDatabase {
  const exists = file !== ':memory:' && fs.existsSync(file);
  if (!exists && file !== ':memory:' && !options.create) {
    throw new DatabaseOpenError(`数据库文件「${file}」不存在`);
  }
  let db: RegisterDatabase;
  try {
    db = new Database(file, { fileMustExist: !options.create });
  } catch (error) {
    throw new DatabaseOpenError(`无法打开数据库文件「${file}」：${(error as Error).message}`);
  }
  try {
    checkOwnership(db, file);
    refuseNewer(db);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (exists && schemaVersion(db) > 0 && schemaVersion(db) < migrations.length) backupBeforeMigration(db, file);
    migrate(db);
    if (options.bureauName) {
      db.prepare('INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)').run('bureauName', options.bureauName);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(`无法打开数据库文件「${file}」：${(error as Error).message}`);
  }
}

function checkOwnership(db: RegisterDatabase, file: string): void {
  let applicationId: number;
  let tableCount: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tableCount = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
  } catch {
    throw new DatabaseOpenError(`文件「${file}」不是司法台账数据库（无法识别的文件格式）`);
  }
  if (applicationId === 0 && tableCount === 0) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    return;
  }
  if (applicationId !== APPLICATION_ID) {
    throw new DatabaseOpenError(`文件「${file}」是其他程序的数据库，不是司法台账数据库`);
  }
}

/** Applies the migrations a database has not seen, each in its own transaction. */
export function migrate(db: RegisterDatabase, target = migrations.length): void {
  refuseNewer(db);
  const current = schemaVersion(db);
  for (let version = current; version < target; version++) {
    db.transaction(() => {
      migrations[version]!.up(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

function refuseNewer(db: RegisterDatabase): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new DatabaseOpenError(
      `该数据库由更新版本的司法台账创建（结构版本 ${current}，本程序支持到 ${migrations.length}），请升级程序后再打开`,
    );
  }
}

export function schemaVersion(db: RegisterDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}
