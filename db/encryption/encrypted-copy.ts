// Encrypted copies of a database file, and putting one in place of the live file: what setup's
// conversion of a plain database, a restore into an encrypted one and the benchmark's cached
// 100× county use. SQLite's backup API cannot copy between an encrypted and a plain file, so a
// copy is made with VACUUM INTO from a connection keyed with the data key: the source is
// attached (with its own key, or none when plain) and VACUUM INTO writes the target with the
// connection's key. The copy is checked (integrity_check, our application id) before anything
// relies on it; putting it in place is one rename, so a crash leaves either file whole.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { APPLICATION_ID, applyKey } from '../database.ts';
import { syncFile, syncFolder } from '../durable-files.ts';

/**
 * Writes `target` (which must not exist): the database in `source` — plain (`sourceKey` null)
 * or encrypted with `sourceKey` — encrypted with `key`, checked. The source must not be written
 * meanwhile. On failure nothing is left at `target`.
 */
export function writeEncryptedCopy(source: string, sourceKey: Buffer | null, target: string, key: Buffer): void {
  // The connection that holds the key; its own file stays empty and is removed.
  const holderFile = `${target}.key-holder`;
  fs.rmSync(holderFile, { force: true });
  const holder = new Database(holderFile);
  try {
    applyKey(holder, key);
    holder.prepare('ATTACH ? AS source KEY ?').run(source, sourceKey ?? '');
    holder.prepare('VACUUM source INTO ?').run(target);
    holder.prepare('DETACH source').run();
    checkEncryptedFile(target, key);
    syncFile(target);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  } finally {
    holder.close();
    fs.rmSync(holderFile, { force: true });
  }
}

function checkEncryptedFile(file: string, key: Buffer): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(copy, key);
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`加密副本完整性检查未通过：${String(integrity)}`);
    if (copy.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new Error('加密副本不是司法台账数据库');
  } finally {
    copy.close();
  }
}

/**
 * Renames `replacement` over `dbFile`, whose connections must all be closed. Refused while the
 * live file still has a write-ahead log with content (another program has it open): that log
 * would be replayed into the new file.
 */
export function installDatabaseFile(replacement: string, dbFile: string): void {
  const wal = fs.statSync(`${dbFile}-wal`, { throwIfNoEntry: false });
  if (wal && wal.size > 0) throw new Error(`数据库「${dbFile}」仍被其他程序打开（有未写完的日志文件），请关闭后重试`);
  fs.rmSync(`${dbFile}-wal`, { force: true });
  fs.rmSync(`${dbFile}-shm`, { force: true });
  fs.renameSync(replacement, dbFile);
  syncFolder(path.dirname(path.resolve(dbFile)));
}
