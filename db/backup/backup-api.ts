// The backup.* API methods over the open database: list, back up now, preview and restore a
// backup, and the second backup folder. Spread into the handlers by db/api/handlers.ts; the
// contract (db/api/contract.ts) holds their input schemas. No transport knowledge here.

import fs from 'node:fs';
import path from 'node:path';
import type { HandlerContext } from '../api/handlers.ts';
import type { ProgressBoard } from '../api/progress-board.ts';
import { APPLICATION_ID, databaseKey } from '../database.ts';
import { UserError } from '../errors.ts';
import { backupFileName, backupFolderOf, backupKindLabels, backupsIn } from './backup-files.ts';
import { previewBackup, replaceWithBackup, restoreBackup } from './restore.ts';
import { SECOND_FOLDER_SETTING, backupLooksWhole, folderReachable, secondBackupFolder, type TakenBackup } from './take-backup.ts';

/** `backUpNow`: the manual backup, run as long work (db/worker/long-work.ts); a restore's steps go on `progress`. */
export function backupHandlers(
  context: Pick<HandlerContext, 'db' | 'dbFile' | 'today'>,
  backUpNow: (folder?: string) => Promise<TakenBackup>,
  progress: ProgressBoard,
) {
  const { db } = context;
  const dbFile = () => {
    if (!context.dbFile || context.dbFile === ':memory:') {
      throw new UserError('当前数据库只在内存中，没有可备份或恢复的文件', 'bad_request');
    }
    return context.dbFile;
  };
  /** A backup chosen from the list may be named by its file name alone. */
  const backupPath = (file: string) => path.resolve(backupFolderOf(dbFile()), file);

  return {
    'backup.list': () => {
      const folder = backupFolderOf(dbFile());
      const second = secondBackupFolder(db);
      return {
        folder,
        secondFolder: second ? { folder: second, reachable: folderReachable(second) } : null,
        /** Whether today's automatic backup exists (it is taken at the day's first start). */
        dailyTakenToday: fs.existsSync(path.join(folder, backupFileName(context.today(), 'daily'))),
        backups: backupsIn(folder).map((backup) => ({
          ...backup,
          kindLabel: backupKindLabels[backup.kind],
          /** Checked with integrity_check when written; its header (or first page) still shows a whole file of ours. */
          verified: backupLooksWhole(backup.file, APPLICATION_ID, databaseKey(db)),
        })),
      };
    },
    'backup.create': ({ folder }: { folder?: string | undefined }) => {
      dbFile();
      return backUpNow(folder);
    },
    'backup.preview': ({ file }: { file: string }) => previewBackup(db, backupPath(file)),
    /** An encrypted database's file is replaced and the connection closed (backup/restore.ts): the caller reopens it. */
    'backup.restore': ({ file }: { file: string }) => {
      const request = { dbFile: dbFile(), file: backupPath(file), today: context.today() };
      return progress.track('恢复', (onProgress) =>
        (databaseKey(db) ? replaceWithBackup : restoreBackup)(db, { ...request, onProgress }),
      );
    },
    'backup.setSecondFolder': ({ folder }: { folder: string | null }) => {
      if (!folder) {
        db.prepare('DELETE FROM setting WHERE key = ?').run(SECOND_FOLDER_SETTING);
        return { folder: null };
      }
      if (!path.isAbsolute(folder)) throw new UserError('请填写完整的文件夹路径', 'validation', { folder: '应为完整路径' });
      if (!folderReachable(folder)) {
        throw new UserError(`文件夹「${folder}」不存在或无法写入`, 'validation', { folder: '不存在或无法写入' });
      }
      const dataFolder = path.dirname(path.resolve(dbFile()));
      const relative = path.relative(dataFolder, path.resolve(folder));
      if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
        throw new UserError('第二备份位置应是另一处（U 盘或共享文件夹），不能在数据文件夹中', 'validation', { folder: '在数据文件夹中' });
      }
      db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
        SECOND_FOLDER_SETTING,
        folder,
      );
      return { folder };
    },
  };
}
