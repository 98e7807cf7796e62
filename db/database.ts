// Opening a register database: refuse what is not ours, migrate what is, and set the pragmas
// every connection needs (WAL, foreign keys, the page cache). Plain Node.
//
// Encryption at rest: SQLite3 Multiple Ciphers (better-sqlite3-multiple-ciphers) with the
// AES-256-CBC cipher, keyed with the 256-bit data key of db/encryption/key-file.ts. AES-256-CBC
// rather than the library's default ChaCha20-Poly1305 because every office PC has AES in
// hardware: a cold read of the 100× county (740 MB) costs about what the plain file costs, where
// ChaCha20 added about 1 s to a full report (test/bench figures in the notes). An encrypted file
// is recognised by its first 16 bytes, which are not SQLite's plain header; it opens only with
// its key — a wrong or missing key is a DatabaseOpenError, and nothing is ever written over such
// a file. Plain files (the CLI's, the test fixtures') open as before, without a key.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { backupBeforeMigration } from './backup/take-backup.ts';
import { migrations } from './schema/migrations.ts';

export type RegisterDatabase = Database.Database;

/** Marks a SQLite file as ours ('SFTZ'), so another program's database is never migrated. */
export const APPLICATION_ID = 0x5346545a;

/** SQLite3 Multiple Ciphers' name of the cipher our encrypted databases use. */
const CIPHER = 'aes256cbc';

/**
 * Page cache per connection, in KiB: up to 256 MiB, taken only as pages are read (a county of the
 * sample's size uses some 8 MB). Decrypting a page costs more than reading it, and every report
 * reads the big tables again; pages kept decrypted in the cache are read free. Measured on a
 * database 100× the sample (780 MB): a report in Chromium 977 ms with 64 MiB, 764 ms with 256 MiB.
 */
const CACHE_KIB = 262_144;

export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
}

export interface OpenOptions {
  /** Create a new database when the file does not exist (the app does; `cli report` does not). */
  readonly create: boolean;
  /** Bureau name stored on creation. */
  readonly bureauName?: string;
  /** The data key of an encrypted database; a new database made with a key is encrypted. */
  readonly key?: Buffer;
}

/** The key each open connection was opened with, for the backups it writes and reads. */
const connectionKeys = new WeakMap<RegisterDatabase, Buffer>();

/** The data key the connection was opened with; null for a plain database. */
export function databaseKey(db: RegisterDatabase): Buffer | null {
  return connectionKeys.get(db) ?? null;
}

/** Keys a connection before its first read: the cipher, then the key. */
export function applyKey(connection: Database.Database, key: Buffer): void {
  connection.pragma(`cipher = '${CIPHER}'`);
  connection.key(key);
  connectionKeys.set(connection, key);
}

const PLAIN_HEADER = 'SQLite format 3\0';

/**
 * What a file holds, from its first 24 bytes: `plain` SQLite (its plain header), `encrypted`
 * (not that header, but bytes 16–23 as SQLite writes them, which SQLite3 Multiple Ciphers
 * leaves in clear: page size, file format versions — 1 and 1, or 2 and 2 in WAL mode —
 * reserved bytes, the fixed 64, 32, 32), `empty` (absent or shorter than a header: a new database) or `other` (a text file,
 * another program's file).
 */
export function databaseFileKind(file: string): 'plain' | 'encrypted' | 'empty' | 'other' {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return 'empty';
  }
  const header = Buffer.alloc(24);
  let length: number;
  try {
    length = fs.readSync(fd, header, 0, 24, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (length === 0) return 'empty';
  if (length < 24) return 'other';
  if (header.toString('latin1', 0, 16) === PLAIN_HEADER) return 'plain';
  const pageSize = header.readUInt16BE(16);
  const sqliteFields =
    (pageSize === 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0)) &&
    (header[18] === 1 || header[18] === 2) &&
    header[18] === header[19] &&
    header[21] === 64 &&
    header[22] === 32 &&
    header[23] === 32;
  return sqliteFields ? 'encrypted' : 'other';
}

const WRONG_KEY_MESSAGE = '数据库已加密，密钥不正确，无法打开';

export function openDatabase(file: string, options: OpenOptions): RegisterDatabase {
  const exists = file !== ':memory:' && fs.existsSync(file);
  if (!exists && file !== ':memory:' && !options.create) {
    throw new DatabaseOpenError(`数据库文件「${file}」不存在`);
  }
  const kind = exists ? databaseFileKind(file) : 'empty';
  const encrypted = kind === 'encrypted';
  if (encrypted && !options.key) {
    throw new DatabaseOpenError(`${WRONG_KEY_MESSAGE}：数据库「${file}」已加密，请用账号和密码登录（或用恢复码）后再打开`);
  }
  if (kind === 'plain' && options.key) throw new DatabaseOpenError(`数据库文件「${file}」没有加密，不能用密钥打开`);
  let db: RegisterDatabase;
  try {
    db = new Database(file, { fileMustExist: !options.create });
  } catch (error) {
    throw new DatabaseOpenError(`无法打开数据库文件「${file}」：${(error as Error).message}`);
  }
  try {
    if (options.key) applyKey(db, options.key);
    checkOwnership(db, file, encrypted);
    refuseNewer(db);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = -${CACHE_KIB}`);
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

function checkOwnership(db: RegisterDatabase, file: string, encrypted: boolean): void {
  let applicationId: number;
  let tableCount: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tableCount = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
  } catch {
    if (encrypted) throw new DatabaseOpenError(`${WRONG_KEY_MESSAGE}（或文件「${file}」不是司法台账数据库）`);
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
