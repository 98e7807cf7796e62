// Backup scenarios through the API, as the UI would drive them: a round trip (save, back up,
// change, preview, restore), a year and more of daily backups under a fake clock (rotation),
// and backups that must be refused (another program's file, a damaged one, a cut-off one, one
// from a newer version) with the live database left exactly as it was.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult } from '../../../db/api/contract.ts';
import { BUREAU_ADMINISTRATOR } from '../../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../../db/api/dispatcher.ts';
import { backupsIn, backupFolderOf } from '../../../db/backup/backup-files.ts';
import { takeBackup, takeDailyBackup } from '../../../db/backup/take-backup.ts';
import { openDatabase, type RegisterDatabase } from '../../../db/database.ts';
import { sampleDir } from '../../support/cli.ts';
import { contentDigest, inTempDir, type ScenarioResult } from './scenario.ts';

export interface BackupApp {
  readonly db: RegisterDatabase;
  readonly dbFile: string;
  readonly call: ApiCall;
  /** The value of a call that must succeed. */
  value<T = Record<string, unknown>>(method: string, input?: unknown): Promise<T>;
  /** Saves 矛盾纠纷排查 records for days `first` … `first + count - 1` of 2024. */
  saveSweeps(first: number, count: number): Promise<number[]>;
  close(): void;
}

/** The database file in `folder` (created if new) with the dispatcher over it, as the app runs it, and one office. */
export async function openBackupApp(folder: string, today: () => string = () => '2026-11-22'): Promise<BackupApp> {
  const dbFile = path.join(folder, 'sftz.sqlite');
  const db = openDatabase(dbFile, { create: true, bureauName: '潮州市湘桥区司法局' });
  const call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '备份测试', today, dbFile });
  const value = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result: ApiResult = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const officeId =
    (db.prepare("SELECT id FROM office WHERE name = '城西司法所'").pluck().get() as number | undefined) ??
    (await value<{ id: number }>('office.create', { name: '城西司法所' })).id;
  return {
    db,
    dbFile,
    call,
    value,
    saveSweeps: async (first, count) => {
      const ids: number[] = [];
      for (let day = first; day < first + count; day++) {
        const swept_on = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
        const record = { swept_on, office_id: officeId, sweeps: 2, disputes_found: 1 };
        ids.push((await value<{ id: number }>('disputeSweep.create', { record })).id);
      }
      return ids;
    },
    close: () => db.close(),
  };
}

export const sweepCount = (db: RegisterDatabase) => db.prepare('SELECT count(*) FROM dispute_sweep WHERE deleted_at IS NULL').pluck().get() as number;

export function backupRoundTripScenario(): Promise<ScenarioResult> {
  return withBackupApp(async (app) => {
    await app.saveSweeps(0, 20);
    const backup = (await app.value<{ backup: { file: string; name: string } }>('backup.create')).backup;
    const atBackup = recordsDigest(app.db);
    const added = await app.saveSweeps(100, 5);
    await app.value('disputeSweep.delete', { id: added[0] });
    await app.value('disputeSweep.delete', { id: 1 });
    const changed = sweepCount(app.db);
    const preview = await app.value<{ registers: { name: string; count: number }[]; current: number[]; newestRecordDate: string }>(
      'backup.preview',
      { file: backup.name },
    );
    const sweepIndex = preview.registers.findIndex((register) => register.name === 'disputeSweep');
    const restored = await app.value<{ preRestoreBackup: { file: string } }>('backup.restore', { file: backup.name });
    const after = sweepCount(app.db);
    const identical = recordsDigest(app.db) === atBackup;
    const integrity = app.db.pragma('integrity_check', { simple: true }) as string;
    const preRestoreKept = fs.existsSync(restored.preRestoreBackup.file);
    const preRestoreCount = countIn(restored.preRestoreBackup.file);
    return {
      name: '备份与恢复（经由 API）',
      figures: {
        '备份时的排查记录': 20,
        '修改后的排查记录': changed,
        '预览：备份中': preview.registers[sweepIndex]!.count,
        '预览：现有': preview.current[sweepIndex]!,
        '预览：最新记录日期': preview.newestRecordDate,
        '恢复后的排查记录': after,
        '恢复后与备份时逐行一致': identical ? '是' : '否',
        '恢复前备份中的排查记录': preRestoreCount,
        integrity_check: integrity,
      },
      ok:
        changed === 23 &&
        preview.registers[sweepIndex]!.count === 20 &&
        preview.current[sweepIndex] === 23 &&
        preview.newestRecordDate === '2024-01-20' &&
        after === 20 &&
        identical &&
        preRestoreKept &&
        preRestoreCount === 23 &&
        integrity === 'ok',
    };
  });
}

/** Runs `work` over a backup app in a temp folder, closed and removed afterwards. */
function withBackupApp(work: (app: BackupApp) => Promise<ScenarioResult>): Promise<ScenarioResult> {
  return inTempDir('backup', async (folder) => {
    const app = await openBackupApp(folder);
    try {
      return await work(app);
    } finally {
      app.close();
    }
  });
}

/** Every record of every register and the settings — what a restore must bring back exactly. */
export function recordsDigest(db: Database.Database): string {
  return contentDigest(db, (table) => !table.startsWith('audit_') && table !== 'sqlite_sequence');
}

function countIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return sweepCount(db);
  } finally {
    db.close();
  }
}

const ROTATION_DAYS = 400;

/** Day `index` of a run starting 2025-01-01. */
const rotationDay = (index: number) => new Date(Date.UTC(2025, 0, 1 + index)).toISOString().slice(0, 10);

export function rotationScenario(): Promise<ScenarioResult> {
  return withBackupApp(async (app) => {
    await app.saveSweeps(0, 1);
    const folder = backupFolderOf(app.dbFile);
    let taken = 0;
    let secondStartsTaken = 0;
    for (let day = 0; day < ROTATION_DAYS; day++) {
      const today = rotationDay(day);
      if (day === 0) takeBackup(app.db, { dbFile: app.dbFile, kind: 'manual', today });
      if (day === 0 || day === ROTATION_DAYS - 20) takeBackup(app.db, { dbFile: app.dbFile, kind: 'before-import', today });
      if (takeDailyBackup(app.db, app.dbFile, today).status === 'taken') taken++;
      // A second start on the same day takes no second daily backup.
      if (takeDailyBackup(app.db, app.dbFile, today).status === 'taken') secondStartsTaken++;
    }
    const kept = backupsIn(folder);
    const of = (kind: string) => kept.filter((backup) => backup.kind === kind);
    // Worked out by hand: the last day is 2026-02-04, so the 30 daily backups are 2026-01-06 …
    // 2026-02-04; January and February 2026 are still covered by them, so the monthly ones are
    // the last days of 2025's twelve months.
    const monthly = of('monthly').map((backup) => backup.date).sort();
    const expectedMonthly = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2025, month + 1, 0)).toISOString().slice(0, 10));
    const daily = of('daily').map((backup) => backup.date).sort();
    return {
      name: `备份轮换（模拟 ${ROTATION_DAYS} 天）`,
      figures: {
        '模拟天数': ROTATION_DAYS,
        '每日备份次数': taken,
        '同日再次启动时的备份次数': secondStartsTaken,
        '保留的每日备份': daily.length,
        '最早/最新每日备份': `${daily[0]} / ${daily.at(-1)}`,
        '保留的每月备份': monthly.length,
        '最早/最新每月备份': `${monthly[0]} / ${monthly.at(-1)}`,
        '保留的手动备份': of('manual').length,
        '保留的导入前备份': of('before-import').length,
        '文件夹中的文件': fs.readdirSync(folder).length,
      },
      ok:
        taken === ROTATION_DAYS &&
        secondStartsTaken === 0 &&
        daily.length === 30 &&
        daily[0] === '2026-01-06' &&
        daily.at(-1) === '2026-02-04' &&
        JSON.stringify(monthly) === JSON.stringify(expectedMonthly) &&
        of('manual').length === 1 &&
        of('before-import').length === 1 &&
        of('before-import')[0]!.date === rotationDay(ROTATION_DAYS - 20) &&
        fs.readdirSync(folder).length === kept.length,
    };
  });
}

/** Backups that must be refused: how each is made from a good one. */
const badBackups: Record<string, (good: string, bad: string) => void> = {
  '其他程序的文件（Excel 工作簿）': (_good, bad) => fs.copyFileSync(path.join(sampleDir, '台账.xlsx'), bad),
  '其他程序的 SQLite 数据库': (_good, bad) => {
    const db = new Database(bad);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
  },
  '内容损坏的备份': (good, bad) => {
    const content = fs.readFileSync(good);
    const pageSize = content.readUInt16BE(16);
    // Pages 2 … 6 hold the first tables' b-trees: overwritten, the structure no longer holds.
    content.fill(0xa5, pageSize, pageSize * 6);
    fs.writeFileSync(bad, content);
  },
  '被截断的备份': (good, bad) => {
    const content = fs.readFileSync(good);
    fs.writeFileSync(bad, content.subarray(0, Math.floor(content.length / 2)));
  },
  '更新版本程序的备份': (good, bad) => {
    fs.copyFileSync(good, bad);
    const db = new Database(bad);
    db.pragma('user_version = 99');
    db.close();
  },
};

export function refusedBackupsScenario(): Promise<ScenarioResult> {
  return withBackupApp(async (app) => {
    await app.saveSweeps(0, 10);
    const good = (await app.value<{ backup: { file: string } }>('backup.create')).backup.file;
    await app.saveSweeps(10, 5);
    const before = contentDigest(app.db);
    const figures: Record<string, number | string> = {};
    let ok = true;
    for (const [what, make] of Object.entries(badBackups)) {
      const bad = path.join(path.dirname(app.dbFile), `${Object.keys(figures).length + 1}.sqlite`);
      make(good, bad);
      const previewed = await app.call('backup.preview', { file: bad });
      const restored = await app.call('backup.restore', { file: bad });
      const message = restored.ok ? '（竟然恢复了）' : restored.error.message;
      figures[what] = message;
      ok &&= !previewed.ok && !restored.ok && /不能用于恢复|请升级程序后再恢复/.test(message);
    }
    const untouched = contentDigest(app.db) === before;
    figures['现有数据未变'] = untouched ? '是' : '否';
    figures['现有排查记录'] = sweepCount(app.db);
    return { name: '拒绝不可用的备份文件', figures, ok: ok && untouched && sweepCount(app.db) === 15 };
  });
}
