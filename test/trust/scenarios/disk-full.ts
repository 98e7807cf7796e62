// Full-disk scenarios: a save and a backup that cannot be written, on a really full disk (a
// small tmpfs, where writes fail with ENOSPC) and under a file-size limit (`ulimit -f`, where
// they fail with EFBIG — the same as a FAT32 USB disk's 4 GB limit). Each must end in a clear
// Chinese message, and the data saved before must be intact after reopening; a failed backup
// leaves no file behind and the database untouched.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { takeBackup } from '../../../db/backup/take-backup.ts';
import { openDatabase } from '../../../db/database.ts';
import { UserError } from '../../../db/errors.ts';
import { contentDigest, fillDisk, mountTmpfs, reopen, startWriter, tempDir, type ScenarioResult } from './scenario.ts';

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

export async function fullDiskSaveScenario(medium: FullDiskMedium): Promise<ScenarioResult> {
  const name = `保存时${mediumNames[medium]}`;
  const tmpfs = medium === 'tmpfs' ? mountTmpfs(8192) : null;
  if (tmpfs && 'unavailable' in tmpfs) return { name, figures: {}, ok: true, skipped: tmpfs.unavailable };
  try {
    const folder = tmpfs ? tmpfs.folder : tempDir('full-save');
    const dbFile = path.join(folder, 'sftz.sqlite');
    const before = await databaseWithSweeps(dbFile, SAVED_BEFORE);
    const limitKib = Math.ceil(fs.statSync(dbFile).size / 1024) + 256;
    const writer = startWriter(
      'save-worker.ts',
      [dbFile, String(SAVED_BEFORE), '100000', '--until-failure', '--wait'],
      tmpfs ? {} : { fileSizeLimitKib: limitKib },
    );
    await writer.line('ready');
    const filler = path.join(folder, 'filler.bin');
    const fillerBytes = tmpfs ? fillDisk(filler) : 0;
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
      name,
      figures: {
        ...(tmpfs ? { '填满磁盘的文件（字节）': fillerBytes } : { '文件大小上限（KiB）': limitKib }),
        '此前已保存': before.length,
        '之后确认保存': after.length,
        '失败时的提示': error.message,
        '确认保存合计': acknowledged.length,
        '重开后找到': acknowledged.length - missing.length,
        '库中记录': found.rows['矛盾纠纷排查']!,
        integrity_check: found.integrity,
      },
      ok:
        /磁盘空间不足/.test(error.message) &&
        missing.length === 0 &&
        found.rows['矛盾纠纷排查'] === acknowledged.length &&
        found.integrity === 'ok',
    };
  } finally {
    if (tmpfs) tmpfs.unmount();
  }
}

export async function fullDiskBackupScenario(medium: FullDiskMedium): Promise<ScenarioResult> {
  const name = `备份时${mediumNames[medium]}`;
  const tmpfs = medium === 'tmpfs' ? mountTmpfs(256) : null;
  if (tmpfs && 'unavailable' in tmpfs) return { name, figures: {}, ok: true, skipped: tmpfs.unavailable };
  try {
    const dbFile = path.join(tempDir('full-backup'), 'sftz.sqlite');
    await databaseWithSweeps(dbFile, 300);
    const destination = tmpfs ? tmpfs.folder : tempDir('full-backup-to');
    const limitKib = 256;
    const digestBefore = digestOf(dbFile);
    let message: string;
    if (tmpfs) {
      const db = openDatabase(dbFile, { create: false });
      try {
        takeBackup(db, { dbFile, kind: 'manual', today: '2026-11-22', folder: destination });
        message = '（备份竟然成功了）';
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        message = error.message;
      } finally {
        db.close();
      }
    } else {
      const writer = startWriter('backup-worker.ts', [dbFile, destination], { fileSizeLimitKib: limitKib });
      const { stderr } = await writer.exited;
      const outcome = writer.lines[0] ? (JSON.parse(writer.lines[0]) as { ok: boolean; message?: string }) : null;
      message = outcome?.message ?? `（备份进程没有结果：${stderr.slice(-500)}）`;
    }
    const leftOver = fs.readdirSync(destination);
    const unchanged = digestOf(dbFile) === digestBefore;
    const found = reopen(dbFile);
    return {
      name,
      figures: {
        '数据库大小（字节）': fs.statSync(dbFile).size,
        ...(tmpfs ? { '目标磁盘大小（KiB）': 256 } : { '文件大小上限（KiB）': limitKib }),
        '失败时的提示': message,
        '目标文件夹中残留的文件': leftOver.length,
        '数据库内容未变': unchanged ? '是' : '否',
        integrity_check: found.integrity,
      },
      ok: /^备份失败：.*(磁盘空间不足).*现有数据未受影响$/.test(message) && leftOver.length === 0 && unchanged && found.integrity === 'ok',
    };
  } finally {
    if (tmpfs) tmpfs.unmount();
  }
}

function digestOf(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    return contentDigest(db);
  } finally {
    db.close();
  }
}
