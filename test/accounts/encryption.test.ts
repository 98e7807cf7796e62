// Encryption at rest: the sample county imported by the CLI into a plain database (as an
// upgrade from the unencrypted version finds it) and converted in place at setup — a verified
// plain backup first, every record kept, the figures still those of expected.json, the file no
// longer holding a name or SQLite's header; backups encrypted with the same key, their key file
// beside them, restored through the session with the accounts kept; the CLI asking for
// credentials; a wrong or missing key never answered with a new database; an interrupted setup
// finished at the next start; FTS5's trigram tokenizer in this build. The session's today is the
// real day, as the CLI's is (rotation would drop a backup named after another day).

import Database from 'better-sqlite3-multiple-ciphers';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, type AppSession } from '../../db/accounts/app-session.ts';
import type { ApiResult } from '../../db/api/contract.ts';
import { backupFolderOf, calendarDay } from '../../db/backup/backup-files.ts';
import { DatabaseOpenError, applyKey, openDatabase } from '../../db/database.ts';
import { keyFileOf, openUserSlot, readKeyFile } from '../../db/encryption/key-file.ts';
import { noExtraFigures, readExpected, runCli, sampleLedgerPaths, tempDir } from '../support/cli.ts';
import { GIVEN_PASSWORD, firstLogin } from '../support/accounts.ts';

const ADMIN = { username: 'admin', displayName: '管理员', password: 'Guanli2024admin' };
const CLERK = { username: 'chengxi', displayName: '城西录入员', password: 'Chengxi2024lu' };
const expected = readExpected();
/** A person under correction in the sample county (社区矫正对象.csv, second row). */
const KNOWN_NAME = '徐鹏英';

const registerTables = ['mediation_org', 'mediator', 'mediation_case', 'dispute_sweep', 'legal_aid_case', 'consultation', 'duty_shift', 'correction_stint', 'correction_event', 'correction_activity', 'investigation', 'remote_visit', 'legal_adviser', 'legal_adviser_service', 'publicity_activity', 'resettlement'];

let dir: string;
let dbFile: string;
let session: AppSession;
let plainCounts: Record<string, number>;
let recoveryCode: string;

async function value<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const result: ApiResult = await session.call(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.message}`);
  return result.value as T;
}

function counts(db: Database.Database): Record<string, number> {
  return Object.fromEntries(registerTables.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]));
}

function dataKey(): Buffer {
  return openUserSlot(readKeyFile(keyFileOf(dbFile))!, ADMIN.username, ADMIN.password)!;
}

/** A file's bytes contain neither SQLite's plain header nor `text` in UTF-8. */
function holdsNoPlaintext(file: string, text: string): boolean {
  const bytes = fs.readFileSync(file);
  return !bytes.includes(Buffer.from('SQLite format 3')) && !bytes.includes(Buffer.from(text, 'utf8'));
}

const cliAsAdmin = (args: string[]) => runCli([...args, '--user', ADMIN.username], { SFTZ_PASSWORD: ADMIN.password });

beforeAll(async () => {
  dir = tempDir('encryption');
  dbFile = path.join(dir, 'sftz.sqlite');
  const run = runCli(['import', '--db', dbFile, ...sampleLedgerPaths()]);
  expect(run.status, run.stderr).toBe(0);
  const plain = new Database(dbFile, { readonly: true });
  plainCounts = counts(plain);
  expect(plain.prepare('SELECT count(*) FROM correction_stint WHERE name = ?').pluck().get(KNOWN_NAME)).toBe(1);
  plain.close();
  expect(fs.readFileSync(dbFile).includes(Buffer.from(KNOWN_NAME))).toBe(true);

  session = createAppSession({ dbFile, today: () => calendarDay() });
  recoveryCode = (await value<{ recoveryCode: string }>('session.setup', { bureauName: '示例县司法局', ...ADMIN })).recoveryCode;
}, 120_000);

afterAll(() => {
  session?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('converting the plain database at setup', () => {
  it('keeps every record and every figure, and leaves no name or plain header in the file', async () => {
    expect(holdsNoPlaintext(dbFile, KNOWN_NAME)).toBe(true);
    if (fs.existsSync(`${dbFile}-wal`)) expect(holdsNoPlaintext(`${dbFile}-wal`, KNOWN_NAME)).toBe(true);
    const db = openDatabase(dbFile, { create: false, key: dataKey() });
    expect(counts(db)).toEqual(plainCounts);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const rows = Object.values(plainCounts).reduce((sum, n) => sum + n, 0);
    expect(rows).toBe(Object.values(expected.rows).reduce((sum, n) => sum + n, 0));

    for (const testCase of expected.cases) {
      const office = testCase.office ? ['--office', testCase.office] : [];
      const run = cliAsAdmin(['report', '--db', dbFile, '--from', testCase.from, '--to', testCase.to, ...office, '--format', 'json']);
      expect(run.status, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as { indicators: unknown }).indicators).toEqual({ ...testCase.indicators, ...noExtraFigures() });
    }
  }, 120_000);

  it('took a verified plain backup first, holding every record', () => {
    const backups = fs.readdirSync(backupFolderOf(dbFile)).filter((name) => name.includes('before-encryption'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(backupFolderOf(dbFile), backups[0]!), { readonly: true });
    expect(counts(backup)).toEqual(plainCounts);
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
  });
});

describe('backups of the encrypted database', () => {
  let backupFile: string;

  it('are encrypted with the same key, open with it, and have the key file beside them', async () => {
    backupFile = (await value<{ backup: { file: string } }>('backup.create')).backup.file;
    expect(holdsNoPlaintext(backupFile, KNOWN_NAME)).toBe(true);
    const withoutKey = new Database(backupFile, { readonly: true });
    expect(() => withoutKey.prepare('SELECT count(*) FROM correction_stint').get()).toThrow(/not a database/);
    withoutKey.close();
    const opened = new Database(backupFile, { readonly: true });
    applyKey(opened, dataKey());
    expect(opened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(counts(opened)).toEqual(plainCounts);
    opened.close();
    const copy = path.join(path.dirname(backupFile), 'sftz.sqlite.keys');
    expect(fs.readFileSync(copy, 'utf8')).toBe(fs.readFileSync(keyFileOf(dbFile), 'utf8'));

    const listed = await value<{ backups: { name: string; verified: boolean }[] }>('backup.list');
    expect(listed.backups.find((backup) => backup.name === path.basename(backupFile))?.verified).toBe(true);
    const preview = await value<{ total: number; bureauName: string }>('backup.preview', { file: path.basename(backupFile) });
    expect(preview).toMatchObject({ total: Object.values(plainCounts).reduce((sum, n) => sum + n, 0), bureauName: '示例县司法局' });
  });

  it('restore through the session: the records come back, the accounts stay as they are, the file stays encrypted', async () => {
    const stint = (await value<{ rows: { id: number }[] }>('correctionStint.list', { search: KNOWN_NAME })).rows[0]!;
    await value('correctionStint.delete', { id: stint.id });
    const office = (await value<{ id: number; name: string }[]>('office.list')).find((row) => row.name === '城西司法所')!;
    await value('users.create', { ...CLERK, password: GIVEN_PASSWORD, role: 'clerk', officeId: office.id });

    const outcome = await value<{ restored: { total: number }; replaced: { total: number } }>('backup.restore', { file: path.basename(backupFile) });
    expect(outcome.restored.total - outcome.replaced.total).toBe(1);
    expect((await value<{ total: number }>('correctionStint.list', { search: KNOWN_NAME })).total).toBe(1);
    expect((await value<{ username: string }[]>('users.list')).map((user) => user.username).sort()).toEqual(['admin', 'chengxi']);
    const audit = await value<{ rows: { action: string }[] }>('audit.search', { action: 'restore_backup' });
    expect(audit.rows).toHaveLength(1);
    expect(holdsNoPlaintext(dbFile, KNOWN_NAME)).toBe(true);

    await value('session.logout');
    await firstLogin(session.call, CLERK);
    expect((await value<{ total: number }>('correctionStint.list', {})).total).toBeLessThan(plainCounts.correction_stint!);
    await value('session.login', ADMIN);
  });

  it('restores the plain backup taken before the encryption into the encrypted database', async () => {
    const plainBackup = fs.readdirSync(backupFolderOf(dbFile)).find((name) => name.includes('before-encryption'))!;
    const outcome = await value<{ restored: { total: number } }>('backup.restore', { file: plainBackup });
    expect(outcome.restored.total).toBe(Object.values(plainCounts).reduce((sum, n) => sum + n, 0));
    expect(holdsNoPlaintext(dbFile, KNOWN_NAME)).toBe(true);
    expect((await value<{ username: string }[]>('users.list')).map((user) => user.username).sort()).toEqual(['admin', 'chengxi']);
  });
});

describe('the CLI on the encrypted database', () => {
  const report = ['report', '--from', '2024-01-01', '--to', '2024-12-31', '--format', 'json'];

  it('asks for credentials, counts a wrong password, and applies the account’s role and office', async () => {
    const none = runCli([...report, '--db', dbFile]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('数据库已加密：请用 --user 用户名，并在环境变量 SFTZ_PASSWORD 中给出密码');

    const wrong = runCli([...report, '--db', dbFile, '--user', 'chengxi'], { SFTZ_PASSWORD: 'Wrong2024' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim()).toBe('用户名或密码错误（再错 4 次将锁定 15 分钟）');
    expect(readKeyFile(keyFileOf(dbFile))!.lockouts).toEqual({ chengxi: { failedAttempts: 1, lockedUntil: null } });

    const office = runCli([...report, '--db', dbFile, '--user', 'chengxi'], { SFTZ_PASSWORD: CLERK.password });
    expect(office.status, office.stderr).toBe(0);
    const west = expected.cases.find((testCase) => testCase.office === '城西司法所' && testCase.from === '2024-01-01')!;
    expect(JSON.parse(office.stdout)).toMatchObject({ office: '城西司法所', indicators: west.indicators });
    const other = runCli([...report, '--db', dbFile, '--user', 'chengxi', '--office', '城南司法所'], { SFTZ_PASSWORD: CLERK.password });
    expect(other.status).toBe(2);
    const backup = runCli(['backup', '--db', dbFile, '--user', 'chengxi'], { SFTZ_PASSWORD: CLERK.password });
    expect(backup.status).toBe(2);
    expect(backup.stderr).toContain('您的账号（录入员，城西司法所）无权进行此项操作');
    // The sample county's ledgers hold every office's rows: an office clerk's import writes none of them.
    const casesBefore = (await value<{ total: number }>('mediationCase.list', {})).total;
    const imported = runCli(['import', '--db', dbFile, '--user', 'chengxi', ...sampleLedgerPaths()], { SFTZ_PASSWORD: CLERK.password });
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain('您的账号（录入员，城西司法所）无权导入其他单位的记录');
    expect(imported.stderr).toContain('不属于本单位，未写入任何记录');
    expect((await value<{ total: number }>('mediationCase.list', {})).total).toBe(casesBefore);

    const recovered = runCli(['backup', '--db', dbFile, '--recovery-code'], { SFTZ_RECOVERY_CODE: recoveryCode });
    expect(recovered.status, recovered.stderr).toBe(0);

    const failed = await value<{ rows: { user: string; method: string }[] }>('audit.search', { action: 'login_failed' });
    expect(failed.rows.map((row) => [row.user, row.method])).toContainEqual(['chengxi', 'cli.report']);
  }, 60_000);
});

describe('a wrong or missing key', () => {
  it('is a clear error, never a new database over the encrypted file', () => {
    session.close();
    const digest = () => crypto.createHash('sha256').update(fs.readFileSync(dbFile)).digest('hex');
    const before = digest();
    expect(() => openDatabase(dbFile, { create: true })).toThrow(DatabaseOpenError);
    expect(() => openDatabase(dbFile, { create: true })).toThrow(/^数据库已加密，密钥不正确/);
    expect(() => openDatabase(dbFile, { create: true, key: crypto.randomBytes(32) })).toThrow(/^数据库已加密，密钥不正确/);
    const report = runCli(['report', '--db', dbFile, '--from', '2024-01-01', '--to', '2024-12-31', '--format', 'json', '--user', 'admin'], {
      SFTZ_PASSWORD: 'Wrong2024',
    });
    expect(report.status).toBe(2);
    expect(digest()).toBe(before);
    session = createAppSession({ dbFile, today: () => calendarDay() });
  });

  it('without the key file: locked, login explains, setup refused, the database untouched', async () => {
    session.close();
    const keys = keyFileOf(dbFile);
    fs.renameSync(keys, `${keys}.away`);
    try {
      session = createAppSession({ dbFile, today: () => calendarDay() });
      expect((await value<{ state: string }>('session.status')).state).toBe('locked');
      const login = await session.call('session.login', ADMIN);
      expect(login).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
      expect((login as { error: { message: string } }).error.message).toContain('找不到密钥文件');
      const setup = await session.call('session.setup', { bureauName: '新局', ...ADMIN });
      expect(setup).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      session.close();
    } finally {
      fs.renameSync(`${keys}.away`, keys);
    }
    session = createAppSession({ dbFile, today: () => calendarDay() });
    await value('session.login', ADMIN);
  });
});

describe('an interrupted setup', () => {
  it('is finished at the next start once its key file was written, and started again when it was not', async () => {
    session.close();
    const plainBackup = fs.readdirSync(backupFolderOf(dbFile)).find((name) => name.includes('before-encryption'))!;
    const other = tempDir('interrupted');
    try {
      const otherDb = path.join(other, 'sftz.sqlite');
      // The moment between writing the key file and renaming the encrypted copy into place.
      fs.copyFileSync(path.join(backupFolderOf(dbFile), plainBackup), otherDb);
      fs.copyFileSync(dbFile, `${otherDb}.sftz-encrypted`);
      fs.copyFileSync(keyFileOf(dbFile), keyFileOf(otherDb));
      const resumed = createAppSession({ dbFile: otherDb, today: () => calendarDay() });
      expect((await resumed.call('session.login', ADMIN)).ok).toBe(true);
      expect(holdsNoPlaintext(otherDb, KNOWN_NAME)).toBe(true);
      expect(fs.existsSync(`${otherDb}.sftz-encrypted`)).toBe(false);
      resumed.close();

      // The moment before the key file: the plain database is still the database.
      fs.rmSync(keyFileOf(otherDb));
      fs.copyFileSync(path.join(backupFolderOf(dbFile), plainBackup), otherDb);
      const plain = new Database(otherDb);
      plain.prepare("INSERT INTO setting (key, value) VALUES ('bureauName', '某县司法局')").run();
      plain.close();
      fs.writeFileSync(`${otherDb}.sftz-encrypted`, 'half written');
      const again = createAppSession({ dbFile: otherDb, today: () => calendarDay() });
      expect(await again.call('session.status', {})).toMatchObject({ ok: true, value: { state: 'setup', bureauName: '某县司法局' } });
      expect(fs.existsSync(`${otherDb}.sftz-encrypted`)).toBe(false);
      again.close();
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
      session = createAppSession({ dbFile, today: () => calendarDay() });
      await value('session.login', ADMIN);
    }
  });
});

describe('this SQLite build', () => {
  it('finds Chinese text inside a sentence with FTS5’s trigram tokenizer, in an encrypted database', () => {
    const file = path.join(dir, 'fts.sqlite');
    const key = crypto.randomBytes(32);
    const db = new Database(file);
    applyKey(db, key);
    db.exec("CREATE VIRTUAL TABLE note USING fts5(body, tokenize='trigram')");
    db.prepare('INSERT INTO note (body) VALUES (?)').run('今天检查库存情况，发现账实相符');
    db.prepare('INSERT INTO note (body) VALUES (?)').run('调解协议已履行');
    expect(db.prepare("SELECT body FROM note WHERE note MATCH '检查库存'").pluck().all()).toEqual(['今天检查库存情况，发现账实相符']);
    expect(db.prepare("SELECT body FROM note WHERE body LIKE '%库存%'").pluck().all()).toEqual(['今天检查库存情况，发现账实相符']);
    db.close();
    expect(holdsNoPlaintext(file, '库存')).toBe(true);
  });
});
