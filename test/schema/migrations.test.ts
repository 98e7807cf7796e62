// Migrations: each one tested on a database at the previous version; a newer database, another
// program's database and a non-database file are refused without being touched.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, migrate, openDatabase, schemaVersion } from '../../db/database.ts';
import { migrations } from '../../db/schema/migrations.ts';
import { runCli, tempDir } from '../support/cli.ts';

const dir = tempDir('migrations');

describe('migration 1: the registers', () => {
  it('turns an empty database at version 0 into the full schema with the default lists', () => {
    const file = path.join(dir, 'v0.sqlite');
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    raw.close();

    const db = new Database(file);
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    db.prepare("INSERT INTO setting (key, value) VALUES ('bureauName', '潮州市湘桥区司法局')").run();
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (row) => row.name,
    );
    expect(tables).toEqual(
      [
        'consultation',
        'correction_activity',
        'correction_activity_attendee',
        'correction_event',
        'correction_stint',
        'dispute_sweep',
        'duty_shift',
        'import_change',
        'import_log',
        'investigation',
        'legal_aid_case',
        'list_item',
        'mediation_case',
        'mediation_case_mediator',
        'mediation_org',
        'mediation_party',
        'mediator',
        'office',
        'remote_visit',
        'setting',
      ].sort(),
    );
    const count = (list: string) =>
      (db.prepare('SELECT count(*) AS n FROM list_item WHERE list = ?').get(list) as { n: number }).n;
    // registers.md: 18 dispute types, 7 organisation kinds, 9 special groups, 14 event types.
    expect(count('disputeType')).toBe(18);
    expect(count('orgKind')).toBe(7);
    expect(count('specialGroup')).toBe(9);
    expect(count('correctionEventType')).toBe(14);
    expect(db.prepare("SELECT value FROM setting WHERE key = 'bureauName'").pluck().get()).toBe('潮州市湘桥区司法局');
    db.close();
  });

  it('opens as a register database: WAL, foreign keys, our application id, the bureau name', () => {
    const db = openDatabase(path.join(dir, 'opened.sqlite'), { create: true, bureauName: '潮州市湘桥区司法局' });
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT value FROM setting WHERE key = 'bureauName'").pluck().get()).toBe('潮州市湘桥区司法局');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('is applied once: opening again changes nothing', () => {
    const file = path.join(dir, 'twice.sqlite');
    openDatabase(file, { create: true }).close();
    const db = openDatabase(file, { create: true });
    expect(schemaVersion(db)).toBe(migrations.length);
    expect((db.prepare("SELECT count(*) AS n FROM list_item WHERE list = 'disputeType'").get() as { n: number }).n).toBe(18);
    db.close();
  });

  it('enforces foreign keys and the keys of registers.md', () => {
    const db = openDatabase(':memory:', { create: true });
    expect(() =>
      db.prepare("INSERT INTO mediation_org (name, kind, office_id, founded_on) VALUES ('甲调委会', 'village', 99, '2020-01-01')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO office (name) VALUES ('城西司法所')").run();
    db.prepare("INSERT INTO remote_visit (visited_on, office_id, visits) VALUES ('2024-01-01', 1, 2)").run();
    expect(() => db.prepare("INSERT INTO remote_visit (visited_on, office_id, visits) VALUES ('2024-01-01', 1, 3)").run()).toThrow(
      /UNIQUE/,
    );
    db.close();
  });
});

describe('migration 2: the event-type index', () => {
  it('adds the index to a database at version 1 with its events kept, and drill-downs of rare events use it', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.exec(`
      INSERT INTO office (name) VALUES ('城西司法所');
      INSERT INTO correction_stint (name, id_number, office_id, category, term_start, term_end, entered_on)
        VALUES ('范超军', '11010519491231002X', 1, 'probation', '2020-08-03', '2022-02-02', '2020-08-11');
      INSERT INTO correction_event (stint_id, event_on, event_type) VALUES (1, '2021-01-05', 'reoffended');`);
    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT count(*) FROM correction_event').pluck().get()).toBe(1);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM correction_event WHERE event_type = 'reoffended' AND event_on BETWEEN ? AND ?")
      .all('2021-01-01', '2021-12-31') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING (COVERING )?INDEX correction_event_type/);
    db.close();
  });
});

describe('migration 4: the index the event figures are counted from', () => {
  it('replaces the type index by a covering one at version 3, events kept, and the figures read only that index', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    db.exec(`
      INSERT INTO office (name) VALUES ('城西司法所');
      INSERT INTO correction_stint (name, id_number, office_id, category, term_start, term_end, entered_on)
        VALUES ('范超军', '11010519491231002X', 1, 'probation', '2020-08-03', '2022-02-02', '2020-08-11');
      INSERT INTO correction_event (stint_id, event_on, event_type) VALUES (1, '2021-01-05', 'reoffended');`);
    migrate(db, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT count(*) FROM correction_event').pluck().get()).toBe(1);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('correction_event', 'correction_stint') AND sql IS NOT NULL").pluck().all();
    expect(indexes).toContain('correction_event_figures');
    expect(indexes).toContain('correction_stint_deleted');
    expect(indexes).toContain('correction_event_on');
    expect(indexes).not.toContain('correction_event_type');
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*) FROM correction_event e WHERE e.event_type = 'praise' AND e.event_on BETWEEN ? AND ?
         AND e.deleted_at IS NULL AND e.stint_id NOT IN (SELECT id FROM correction_stint WHERE deleted_at IS NOT NULL)`,
      )
      .all('2021-01-01', '2021-12-31') as { detail: string }[];
    const steps = plan.map((step) => step.detail).join(' | ');
    expect(steps).toContain('COVERING INDEX correction_event_figures');
    expect(steps).toContain('INDEX correction_stint_deleted');
    db.close();
  });
});

describe('refusals', () => {
  it('refuses a database written by a newer version, and leaves it as it was', () => {
    const file = path.join(dir, 'newer.sqlite');
    openDatabase(file, { create: true }).close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, { create: true })).toThrow(/由更新版本的司法台账创建.*请升级程序/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses another program’s SQLite database', () => {
    const file = path.join(dir, 'foreign.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    raw.close();
    expect(() => openDatabase(file, { create: true })).toThrow('是其他程序的数据库，不是司法台账数据库');
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    check.close();
  });

  it('refuses a file that is not a database at all', () => {
    const file = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(file, '这不是数据库，只是一段文字。'.repeat(100));
    expect(() => openDatabase(file, { create: true })).toThrow('不是司法台账数据库（无法识别的文件格式）');
  });

  it('never creates a database for a report: a missing file is a clear error', () => {
    const file = path.join(dir, 'missing.sqlite');
    const run = runCli(['report', '--db', file, '--from', '2024-01-01', '--to', '2024-12-31', '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`数据库文件「${file}」不存在`);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('migrates step by step to a target version', () => {
    const db = new Database(':memory:');
    migrate(db, 0);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });
});
