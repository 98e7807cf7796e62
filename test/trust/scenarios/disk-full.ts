// Full-disk scenarios: a save and a backup that cannot be written, on a really full disk (a
// small tmpfs, where writes fail with ENOSPC) and under a file-size limit (`ulimit -f`, where
// they fail with EFBIG — the same as a FAT32 USB disk's 4 GB limit). Each must end in a clear
// Chinese message, and the data saved before must be intact after reopening; a failed backup
// leaves no file behind and the database untouched.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { takeBackup } from '../../../db/backup/take-backup.ts';
import { openDatabase } from '../../../db/database.ts';
import { UserError } from '../../../db/errors.ts';
import { contentDigest, fillDisk, inTempDir, mountTmpfs, reopen, startWriter, type ScenarioResult } from './scenario.ts';

export type FullDiskMedium = 'tmpfs' | 'file-size-limit';

const mediumNames: Record<FullDiskMedium, string> = { tmpfs: '磁盘已满（tmpfs）', 'file-size-limit': '超出文件大小上限（ulimit -f）' };

/** Records saved (and closed cleanly) before the disk fills. */
const SAVED_BEFORE = 100;

/** A database of `count` 矛盾纠纷排查 records, written by the save worker. */
async function databaseWithSweeps(dbFile: string, count: number): Promise<number[]> {
  const writer = startWriter('save-worker.ts', [dbFile, '0', String(count)]);
  const { code, stderr } = await writer.exited;
  const saved = savedIds(writer.lines);
  if (code !== 0 || saved.length !== count) throw new Error(`the save worker saved ${saved.length} of ${count}: ${stderr}`);
  return saved;
}

const savedIds = (lines: readonly string[]) =>
  lines.filter((line) => line.startsWith('saved ')).map((line) => Number(line.split(' ')[1]));

/**
 * Runs `work` in a folder on the medium: a tmpfs of `tmpfsKib` (skipped where it cannot be
 * mounted) or a plain temp folder, the limit then being set on the writing process.
 */
async function onMedium(
  medium: FullDiskMedium,
  name: string,
  tmpfsKib: number,
  work: (folder: string) => Promise<Omit<ScenarioResult, 'name'>>,
): Promise<ScenarioResult> {
  if (medium === 'file-size-limit') return { name, ...(await inTempDir('full-disk', work)) };
  const tmpfs = mountTmpfs(tmpfsKib);
  if ('unavailable' in tmpfs) return { name, figures: {}, ok: true, skipped: tmpfs.unavailable };
  try {
    return { name, ...(await work(tmpfs.folder)) };
  } finally {
    tmpfs.unmount();
  }
}

/** KiB a save may grow the WAL by under the file-size limit. */
const SAVE_HEADROOM_KIB = 256;

export function fullDiskSaveScenario(medium: FullDiskMedium): Promise<ScenarioResult> {
  return onMedium(medium, `保存时${mediumNames[medium]}`, 8192, async (folder) => {
    const dbFile = path.join(folder, 'sftz.sqlite');
    const before = await databaseWithSweeps(dbFile, SAVED_BEFORE);
    const limitKib = Math.ceil(fs.statSync(dbFile).size / 1024) + SAVE_HEADROOM_KIB;
    const writer = startWriter(
      'save-worker.ts',
      [dbFile, String(SAVED_BEFORE), '100000', '--until-failure', '--wait'],
      medium === 'file-size-limit' ? { fileSizeLimitKib: limitKib } : {},
    );
    await writer.line('ready');
    const filler = path.join(folder, 'filler.bin');
    const fillerBytes = medium === 'tmpfs' ? fillDisk(filler) : 0;
    writer.send('go');
    const failure = await writer.line('failed ');
    await writer.exited;
    const error = JSON.parse(failure.slice('failed '.length)) as { kind: string; message: string };
    fs.rmSync(filler, { force: true });
    const after = savedIds(writer.lines);
    const acknowledged = [...before, ...after];
    const found = reopen(dbFile);
    const present = new Set(found.sweepIds);
    const missing = acknowledged.filter((id) => !present.has(id));
    return {
      figures: {
        ...(medium === 'tmpfs' ? { '填满磁盘的文件（字节）': fillerBytes } : { '文件大小上限（KiB）': limitKib }),
        '此前已保存': before.length,
        '之后确认保存': after.length,
        '失败时的提示': error.message,
        '确认保存合计': acknowledged.length,
        '重开后找到': acknowledged.length - missing.length,
        '库中记录': found.sweepIds.length,
        integrity_check: found.integrity,
      },
      ok: /磁盘空间不足/.test(error.message) && missing.length === 0 && found.sweepIds.length === acknowledged.length && found.integrity === 'ok',
    };
  });
}

/** Room for the backup: less than the database it copies. */
const BACKUP_ROOM_KIB = 256;

export function fullDiskBackupScenario(medium: FullDiskMedium): Promise<ScenarioResult> {
  return onMedium(medium, `备份时${mediumNames[medium]}`, BACKUP_ROOM_KIB, (destination) =>
    inTempDir('full-backup', async (folder) => {
      const dbFile = path.join(folder, 'sftz.sqlite');
      await databaseWithSweeps(dbFile, 300);
      const digestBefore = digestOf(dbFile);
      const message = medium === 'tmpfs' ? backupInProcess(dbFile, destination) : await backupUnderLimit(dbFile, destination);
      const leftOver = fs.readdirSync(destination);
      const unchanged = digestOf(dbFile) === digestBefore;
      const found = reopen(dbFile);
      return {
        figures: {
          '数据库大小（字节）': fs.statSync(dbFile).size,
          [medium === 'tmpfs' ? '目标磁盘大小（KiB）' : '文件大小上限（KiB）']: BACKUP_ROOM_KIB,
          '失败时的提示': message,
          '目标文件夹中残留的文件': leftOver.length,
          '数据库内容未变': unchanged ? '是' : '否',
          integrity_check: found.integrity,
        },
        ok: /^备份失败：.*磁盘空间不足.*现有数据未受影响$/.test(message) && leftOver.length === 0 && unchanged && found.integrity === 'ok',
      };
    }),
  );
}

/** The message of a backup into `destination` taken in this process (it must fail). */
function backupInProcess(dbFile: string, destination: string): string {
  const db = openDatabase(dbFile, { create: false });
  try {
    takeBackup(db, { dbFile, kind: 'manual', today: '2026-11-22', folder: destination });
    return '（备份竟然成功了）';
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return error.message;
  } finally {
    db.close();
  }
}

/** The message of a backup taken by a process that may not write files larger than the room. */
async function backupUnderLimit(dbFile: string, destination: string): Promise<string> {
  const writer = startWriter('backup-worker.ts', [dbFile, destination], { fileSizeLimitKib: BACKUP_ROOM_KIB });
  const { stderr } = await writer.exited;
  const outcome = writer.lines[0] ? (JSON.parse(writer.lines[0]) as { ok: boolean; message?: string }) : null;
  if (outcome?.ok) return '（备份竟然成功了）';
  return outcome?.message ?? `（备份进程没有结果：${stderr.slice(-500)}）`;
}

function digestOf(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    return contentDigest(db);
  } finally {
    db.close();
  }
}
