// Backups and restore: the round trip through the API and through the CLI, restore bringing
// back exactly the backup's rows into the connection the app holds open, rotation over 400
// days of a fake clock, refused backup files, and when automatic backups are taken — at the
// day's first unlock, before an import, before a migration, with a copy to a second folder.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppSession, type AppSession } from '../../db/accounts/app-session.ts';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher } from '../../db/api/dispatcher.ts';
import { backupFolderOf } from '../../db/backup/backup-files.ts';
import { restoreBackup } from '../../db/backup/restore.ts';
import { takeBackup } from '../../db/backup/take-backup.ts';
import { APPLICATION_ID, migrate, openDatabase, schemaVersion } from '../../db/database.ts';
import { migrations } from '../../db/schema/migrations.ts';
import { runCli, sampleDir, tempDir } from '../support/cli.ts';
import {
  backupRoundTripScenario,
  openBackupApp,
  recordsDigest,
  refusedBackupsScenario,
  rotationScenario,
  sweepCount,
  type BackupApp,
} from './scenarios/backup-restore.ts';
import { contentDigest, fillDisk, mountTmpfs } from './scenarios/scenario.ts';

const expectOk = (result: { ok: boolean; figures: Record<string, unknown> }) =>
  expect(result.ok, JSON.stringify(result.figures, null, 1)).toBe(true);

let dir: string;
let app: BackupApp;

beforeEach(async () => {
  dir = tempDir('backup-test');
  app = await openBackupApp(dir);
});

afterEach(() => {
  if (app.db.open) app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const backupsOnDisk = (folder = backupFolderOf(app.dbFile)) => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

describe('round trip', () => {
  it('through the API: the preview shows the backup’s counts, restore brings its rows back, the replaced content is backed up', async () => {
    expectOk(await backupRoundTripScenario());
  });

  it('into the open connection: every table equals the backup, statements prepared before still work, integrity ok', async () => {
    await app.saveSweeps(0, 12);
    const backup = takeBackup(app.db, { dbFile: app.dbFile, kind: 'manual', today: '2026-11-22' }).backup.file;
    const prepared = app.db.prepare('SELECT count(*) FROM dispute_sweep').pluck();
    await app.saveSweeps(50, 7);
    await app.value('settings.update', { bureauName: '改过的名称' });
    expect(prepared.get()).toBe(19);

    const outcome = await restoreBackup(app.db, { dbFile: app.dbFile, file: backup, today: '2026-11-22' });

    expect(prepared.get()).toBe(12);
    const fromBackup = new Database(backup, { readonly: true });
    expect(contentDigest(app.db)).toBe(contentDigest(fromBackup));
    fromBackup.close();
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(app.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(outcome.replaced.registers.find((register) => register.name === 'disputeSweep')!.count).toBe(19);
    expect(outcome.restored.registers.find((register) => register.name === 'disputeSweep')!.count).toBe(12);
    expect(path.basename(outcome.preRestoreBackup.file)).toBe('sftz-2026-11-22-before-restore.sqlite');
    // The app goes on saving into the restored database.
    await app.saveSweeps(200, 1);
    expect(sweepCount(app.db)).toBe(13);
    app.close();
    const reopened = openDatabase(app.dbFile, { create: false });
    expect(sweepCount(reopened)).toBe(13);
    expect(reopened.prepare("SELECT value FROM setting WHERE key = 'bureauName'").pluck().get()).toBe('潮州市湘桥区司法局');
    reopened.close();
  });

  it('a backup from the previous schema version is migrated on a copy, then restored', async () => {
    const old = path.join(dir, 'old.sqlite');
    const db = new Database(old);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, migrations.length - 1);
    db.prepare("INSERT INTO office (id, name) VALUES (1, '老城司法所')").run();
    db.prepare("INSERT INTO dispute_sweep (swept_on, office_id, sweeps) VALUES ('2023-05-01', 1, 3), ('2023-05-02', 1, 4)").run();
    db.close();
    const before = fs.readFileSync(old);

    const preview = await app.value<{ schemaVersion: number; total: number }>('backup.preview', { file: old });
    expect(preview).toMatchObject({ schemaVersion: migrations.length - 1, total: 2 });
    await app.value('backup.restore', { file: old });

    expect(schemaVersion(app.db)).toBe(migrations.length);
    expect(sweepCount(app.db)).toBe(2);
    expect(app.db.prepare('SELECT name FROM office').pluck().all()).toEqual(['老城司法所']);
    expect(fs.readFileSync(old).equals(before)).toBe(true);
  });

  it('a backup with another page size is restored too', async () => {
    const other = path.join(dir, 'page-size.sqlite');
    const db = new Database(other);
    db.pragma('page_size = 8192');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
    db.prepare("INSERT INTO office (id, name) VALUES (1, '老城司法所')").run();
    db.prepare("INSERT INTO dispute_sweep (swept_on, office_id, sweeps) VALUES ('2023-05-01', 1, 3)").run();
    db.close();

    await app.value('backup.restore', { file: other });

    expect(sweepCount(app.db)).toBe(1);
    expect(app.db.pragma('page_size', { simple: true })).toBe(4096);
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('through the CLI: backup (to the data folder or --to), restore that asks nothing and says what it replaced', async () => {
    await app.saveSweeps(0, 10);
    app.close();
    const made = runCli(['backup', '--db', app.dbFile]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const backup = made.stdout.match(/已备份（已校验）：(.+?\.sqlite)/)![1]!;
    expect(path.dirname(backup)).toBe(backupFolderOf(app.dbFile));
    expect(fs.existsSync(backup)).toBe(true);
    const elsewhere = path.join(dir, 'U盘');
    fs.mkdirSync(elsewhere);
    expect(runCli(['backup', '--db', app.dbFile, '--to', elsewhere]).status).toBe(0);
    expect(fs.readdirSync(elsewhere)).toHaveLength(1);

    app = await openBackupApp(dir);
    await app.saveSweeps(10, 5);
    app.close();
    const restored = runCli(['restore', '--db', app.dbFile, '--from', backup]);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('矛盾纠纷排查：15 → 10');
    const preRestore = restored.stdout.match(/恢复前的数据已备份到：(.+)/)![1]!;
    const check = new Database(preRestore, { readonly: true });
    expect(sweepCount(check)).toBe(15);
    check.close();
    const db = openDatabase(app.dbFile, { create: false });
    expect(sweepCount(db)).toBe(10);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const refused = runCli(['restore', '--db', app.dbFile, '--from', path.join(sampleDir, '台账.xlsx')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('「台账.xlsx」不是司法台账的备份文件，不能用于恢复');
    const after = openDatabase(app.dbFile, { create: false });
    expect(sweepCount(after)).toBe(10);
    after.close();
  });
});

describe('rotation and refusals', () => {
  it('400 days of a fake clock keep 30 daily and 12 monthly backups, event backups for 30 days, manual ones', async () => {
    expectOk(await rotationScenario());
  });

  it('refuses another program’s file, a damaged, a cut-off and a newer-version backup, leaving the database as it was', async () => {
    expectOk(await refusedBackupsScenario());
  });
});

describe('backup.list', () => {
  it('lists the backups newest first with kind, size and a header check; says whether today’s backup exists', async () => {
    await app.saveSweeps(0, 3);
    await app.value('backup.create');
    takeBackup(app.db, { dbFile: app.dbFile, kind: 'daily', today: '2026-11-22' });
    takeBackup(app.db, { dbFile: app.dbFile, kind: 'daily', today: '2026-11-21' });
    const broken = path.join(backupFolderOf(app.dbFile), 'sftz-2026-11-20-daily.sqlite');
    fs.copyFileSync(path.join(backupFolderOf(app.dbFile), 'sftz-2026-11-21-daily.sqlite'), broken);
    fs.truncateSync(broken, 8192);
    fs.writeFileSync(path.join(backupFolderOf(app.dbFile), '别的文件.txt'), '不是备份');

    const list = await app.value<{
      folder: string;
      dailyTakenToday: boolean;
      secondFolder: unknown;
      backups: { name: string; kind: string; kindLabel: string; size: number; verified: boolean }[];
    }>('backup.list');

    expect(list.folder).toBe(path.join(dir, '备份'));
    expect(list.dailyTakenToday).toBe(true);
    expect(list.secondFolder).toBeNull();
    expect(list.backups.map((backup) => [backup.name, backup.kindLabel, backup.verified])).toEqual([
      ['sftz-2026-11-22-daily.sqlite', '每日自动备份', true],
      ['sftz-2026-11-22-manual.sqlite', '手动备份', true],
      ['sftz-2026-11-21-daily.sqlite', '每日自动备份', true],
      ['sftz-2026-11-20-daily.sqlite', '每日自动备份', false],
    ]);
    expect(list.backups[0]!.size).toBe(fs.statSync(path.join(list.folder, list.backups[0]!.name)).size);
  });

  it('an in-memory database has nothing to back up', async () => {
    const call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: openDatabase(':memory:', { create: true }), user: '测试', today: () => '2026-11-22' });
    const result = await call('backup.create', {});
    expect(result).toMatchObject({ ok: false, error: { message: '当前数据库只在内存中，没有可备份或恢复的文件' } });
  });
});

describe('automatic backups', () => {
  it('at the first unlock of a day (the first login after a start), not at the second; not of an empty database', async () => {
    const dbFile = path.join(dir, 'app', 'sftz.sqlite');
    fs.mkdirSync(path.dirname(dbFile));
    const admin = { username: 'admin', displayName: '管理员', password: 'Beifen2024admin' };
    const launch = async (today: string, first: 'session.setup' | 'session.login' | null, work?: (session: AppSession) => Promise<void>) => {
      const session = createAppSession({ dbFile, today: () => today });
      try {
        if (first) expect((await session.call(first, { bureauName: '潮州市湘桥区司法局', ...admin })).ok).toBe(true);
        await work?.(session);
      } finally {
        session.close();
      }
    };
    await launch('2026-11-22', 'session.setup', async (session) => {
      const office = await session.call('office.create', { name: '城西司法所' });
      const record = { swept_on: '2024-01-01', office_id: (office as { value: { id: number } }).value.id, sweeps: 2 };
      expect((await session.call('disputeSweep.create', { record })).ok).toBe(true);
    });
    expect(backupsOnDisk(backupFolderOf(dbFile))).toEqual([]);
    await launch('2026-11-22', null);
    expect(backupsOnDisk(backupFolderOf(dbFile))).toEqual([]);
    await launch('2026-11-22', 'session.login');
    await launch('2026-11-22', 'session.login');
    await launch('2026-11-23', 'session.login');
    expect(backupsOnDisk(backupFolderOf(dbFile))).toEqual([
      'sftz-2026-11-22-daily.sqlite',
      'sftz-2026-11-23-daily.sqlite',
      'sftz.sqlite.keys',
    ]);
  });

  it('before an import through the API, holding what was there before it', async () => {
    const ledger = (name: string) => ({ name, content: fs.readFileSync(path.join(sampleDir, 'csv', name)).toString('base64') });
    await app.value('import.commit', { files: [ledger('调解组织.csv')] });
    expect(backupsOnDisk()).toEqual([]);
    await app.value('import.commit', { files: [ledger('调解员.csv')] });
    expect(backupsOnDisk()).toEqual(['sftz-2026-11-22-before-import.sqlite']);
    const backup = new Database(path.join(backupFolderOf(app.dbFile), 'sftz-2026-11-22-before-import.sqlite'), { readonly: true });
    expect(backup.prepare('SELECT count(*) FROM mediator').pluck().get()).toBe(0);
    expect(backup.prepare('SELECT count(*) FROM mediation_org').pluck().get()).toBeGreaterThan(0);
    backup.close();
  });

  it('before a migration of an existing database file, at its old version; never for a new or current one', () => {
    app.close();
    expect(backupsOnDisk()).toEqual([]);
    const old = path.join(dir, 'old', 'sftz.sqlite');
    fs.mkdirSync(path.dirname(old));
    const db = new Database(old);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, migrations.length - 1);
    db.close();

    openDatabase(old, { create: false }).close();

    const [backup, ...others] = backupsOnDisk(backupFolderOf(old));
    expect(others).toEqual([]);
    expect(backup).toMatch(/^sftz-\d{4}-\d{2}-\d{2}-before-migration\.sqlite$/);
    const copy = new Database(path.join(backupFolderOf(old), backup!), { readonly: true });
    expect(schemaVersion(copy)).toBe(migrations.length - 1);
    copy.close();
    openDatabase(old, { create: false }).close();
    expect(backupsOnDisk(backupFolderOf(old))).toHaveLength(1);
  });

  it('copies to the second folder when it is reachable; when it is not, backs up anyway with a notice', async () => {
    await app.saveSweeps(0, 2);
    const inside = await app.call('backup.setSecondFolder', { folder: path.dirname(app.dbFile) });
    expect(inside).toMatchObject({ ok: false, error: { fieldErrors: { folder: '在数据文件夹中' } } });
    const usb = path.join(tempDir('usb'), 'U盘');
    const missing = await app.call('backup.setSecondFolder', { folder: usb });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { folder: '不存在或无法写入' } } });
    fs.mkdirSync(usb);
    await app.value('backup.setSecondFolder', { folder: usb });

    const first = await app.value<{ backup: { file: string; size: number }; secondCopy: string; notices: string[] }>('backup.create');
    expect(first.secondCopy).toBe(path.join(usb, '司法台账备份', 'sftz-2026-11-22-manual.sqlite'));
    expect(fs.statSync(first.secondCopy).size).toBe(first.backup.size);
    expect(first.notices).toEqual([]);

    fs.rmSync(usb, { recursive: true });
    const second = await app.value<{ backup: { file: string }; secondCopy: string | null; notices: string[] }>('backup.create');
    expect(fs.existsSync(second.backup.file)).toBe(true);
    expect(second.secondCopy).toBeNull();
    expect(second.notices).toEqual([`第二备份位置「${usb}」现在无法访问（U 盘未插入或共享文件夹未连接？），本次备份只保存在数据文件夹`]);
    expect((await app.value<{ secondFolder: unknown }>('backup.list')).secondFolder).toEqual({ folder: usb, reachable: false });
    fs.rmSync(path.dirname(usb), { recursive: true, force: true });
  });

  it('a full second folder is a notice and leaves no partial copy there', async (context) => {
    const tmpfs = mountTmpfs(64);
    if ('unavailable' in tmpfs) return context.skip(tmpfs.unavailable);
    try {
      await app.saveSweeps(0, 200);
      await app.value('backup.setSecondFolder', { folder: tmpfs.folder });
      fillDisk(path.join(tmpfs.folder, 'filler.bin'));
      const taken = await app.value<{ backup: { file: string }; secondCopy: string | null; notices: string[] }>('backup.create');
      expect(fs.existsSync(taken.backup.file)).toBe(true);
      expect(taken.secondCopy).toBeNull();
      expect(taken.notices).toEqual([`复制到第二备份位置「${tmpfs.folder}」失败：磁盘空间不足，本次备份只保存在数据文件夹`]);
      const files = fs.readdirSync(tmpfs.folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      expect(files.map((entry) => entry.name)).toEqual(['filler.bin']);
    } finally {
      tmpfs.unmount();
    }
  });

  it('a restore keeps the backup of what it replaced, under its own kind', async () => {
    await app.saveSweeps(0, 4);
    const { backup } = await app.value<{ backup: { name: string } }>('backup.create');
    await app.saveSweeps(10, 1);
    const before = recordsDigest(app.db);
    await app.value('backup.restore', { file: backup.name });
    const preRestore = new Database(path.join(backupFolderOf(app.dbFile), 'sftz-2026-11-22-before-restore.sqlite'), {
      readonly: true,
    });
    expect(recordsDigest(preRestore)).toBe(before);
    preRestore.close();
  });
});
