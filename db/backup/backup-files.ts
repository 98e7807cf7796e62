// Backup files as they lie in a folder: how they are named (sftz-2026-11-22-daily.sqlite), what
// kind each is, and what can be told about one without opening it (its SQLite header). Plain
// Node; it reads folders and file headers and never writes.

import fs from 'node:fs';
import path from 'node:path';

/** Why a backup was taken. A `monthly` backup is a daily one kept past the 30 days as its month's last. */
export const backupKinds = ['daily', 'monthly', 'manual', 'before-import', 'before-restore', 'before-migration', 'before-encryption'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupKindLabels: Record<BackupKind, string> = {
  daily: '每日自动备份',
  monthly: '每月保留备份',
  manual: '手动备份',
  'before-import': '导入前备份',
  'before-restore': '恢复前备份',
  'before-migration': '升级前备份',
  'before-encryption': '加密前备份',
};

/** The folder, beside the database, that automatic backups go to. */
const BACKUP_FOLDER_NAME = '备份';

export function backupFolderOf(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), BACKUP_FOLDER_NAME);
}

export interface BackupFile {
  readonly file: string;
  readonly name: string;
  /** The day it was taken, `YYYY-MM-DD` (from its name). */
  readonly date: string;
  readonly kind: BackupKind;
  /** Second and later backups of one kind on one day: 2, 3 … (0 for the first). */
  readonly sequence: number;
  readonly size: number;
  /** When the file was written (ISO, from the file system). */
  readonly takenAt: string;
}

const namePattern = new RegExp(`^sftz-(\\d{4}-\\d{2}-\\d{2})-(${backupKinds.join('|')})(?:-(\\d+))?\\.sqlite$`);

export function backupFileName(date: string, kind: BackupKind, sequence = 0): string {
  return `sftz-${date}-${kind}${sequence > 1 ? `-${sequence}` : ''}.sqlite`;
}

export function parseBackupName(name: string): { date: string; kind: BackupKind; sequence: number } | null {
  const match = namePattern.exec(name);
  if (!match) return null;
  return { date: match[1]!, kind: match[2] as BackupKind, sequence: match[3] ? Number(match[3]) : 0 };
}

/** The backup at `file`, or null when the file is absent or not named as one of our backups. */
export function backupFile(file: string): BackupFile | null {
  const name = path.basename(file);
  const parsed = parseBackupName(name);
  const stat = parsed && fs.statSync(file, { throwIfNoEntry: false });
  if (!parsed || !stat?.isFile()) return null;
  return { file, name, ...parsed, size: stat.size, takenAt: stat.mtime.toISOString() };
}

/** The backups in a folder, newest first; an absent folder holds none. */
export function backupsIn(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .map((name) => backupFile(path.join(folder, name)))
    .filter((backup) => backup !== null)
    .sort((a, b) => b.date.localeCompare(a.date) || b.takenAt.localeCompare(a.takenAt) || b.sequence - a.sequence);
}

/** The first free name for a backup of this kind on this day. */
export function freeBackupName(folder: string, date: string, kind: BackupKind): string {
  let name = backupFileName(date, kind);
  for (let sequence = 2; fs.existsSync(path.join(folder, name)); sequence++) name = backupFileName(date, kind, sequence);
  return name;
}

/** Temporary files of backups being written; a leftover one (a crash mid-backup) is removed later. */
export const TEMPORARY_SUFFIX = '.sftz-partial';

/**
 * What the 100-byte SQLite header says: a whole file of our database (its length is the page
 * count times the page size, and the application id is ours). Cheap enough to ask of every
 * backup in a list; the full `integrity_check` is run when a backup is written and restored.
 */
export function headerLooksWhole(file: string, applicationId: number): boolean {
  let header: Buffer;
  let size: number;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(100);
      if (fs.readSync(fd, header, 0, 100, 0) < 100) return false;
      size = fs.fstatSync(fd).size;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return false;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCountValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  const pageCount = header.readUInt32BE(28);
  return header.readUInt32BE(68) === applicationId && (!pageCountValid || size === pageSize * pageCount);
}

/** The local calendar day, `YYYY-MM-DD`. */
export function calendarDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
