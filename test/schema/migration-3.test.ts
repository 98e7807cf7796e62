// Migration 3, the audit log, on a database at version 2: the records stay, the log starts
// empty, its numbers follow SQLite's AUTOINCREMENT sequence, the schema refuses to change or
// remove an entry, and a search by day uses the index on `at`.

import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../db/database.ts';
import { migrations } from '../../db/schema/migrations.ts';

describe('migration 3: the audit log', () => {
  it('adds an empty, append-only audit log to a database at version 2, its records kept', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    db.exec(`
      INSERT INTO office (name) VALUES ('城西司法所');
      INSERT INTO remote_visit (visited_on, office_id, visits) VALUES ('2024-01-01', 1, 2);`);
    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(migrations[2]!.description).toMatch(/^审计日志/);
    expect(db.prepare('SELECT visits FROM remote_visit').pluck().all()).toEqual([2]);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    const columns = (db.prepare('PRAGMA table_info(audit_log)').all() as { name: string }[]).map((column) => column.name);
    expect(columns).toEqual([
      'id',
      'at',
      'user',
      'action',
      'method',
      'target_table',
      'record_id',
      'before_json',
      'after_json',
      'details',
      'prev_hash',
      'hash',
    ]);

    const insert = db.prepare(
      "INSERT INTO audit_log (at, user, action, method, prev_hash, hash) VALUES ('2024-03-02T09:15:00.000+08:00', '甲', 'create', 'office.create', '0', '1')",
    );
    insert.run();
    insert.run();
    expect(db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get()).toBe(2);
    expect(() => db.prepare("UPDATE audit_log SET user = '乙' WHERE id = 1").run()).toThrow('审计日志只能追加，不能修改');
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow('审计日志只能追加，不能删除');
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(2);

    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE at >= ? AND at < date(?, '+1 day') ORDER BY id DESC")
      .all('2024-03-01', '2024-03-31') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING INDEX audit_log_at/);
    db.close();
  });
});
