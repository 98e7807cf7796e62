// The accounts migration (app_user) on a database at the version before it: the records stay,
// the table starts empty with the columns the accounts code reads, user names are unique
// without regard to case, a role is one of the three, and an administrator cannot belong to an
// office.

import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../db/database.ts';
import { migrations } from '../../db/schema/migrations.ts';

const accountsVersion = migrations.findIndex((migration) => migration.description.startsWith('账号')) + 1;

describe('the accounts migration', () => {
  it('adds an empty app_user table to a database at the version before, its records kept', () => {
    expect(accountsVersion).toBeGreaterThan(3);
    const db = new Database(':memory:');
    migrate(db, accountsVersion - 1);
    db.exec(`
      INSERT INTO office (name) VALUES ('城西司法所');
      INSERT INTO remote_visit (visited_on, office_id, visits) VALUES ('2024-01-01', 1, 2);`);
    migrate(db, accountsVersion);
    expect(schemaVersion(db)).toBe(accountsVersion);
    expect(db.prepare('SELECT visits FROM remote_visit').pluck().all()).toEqual([2]);
    expect(db.prepare('SELECT count(*) FROM app_user').pluck().get()).toBe(0);
    const columns = (db.prepare('PRAGMA table_info(app_user)').all() as { name: string }[]).map((column) => column.name);
    expect(columns).toEqual([
      'id',
      'username',
      'display_name',
      'role',
      'office_id',
      'password_hash',
      'disabled',
      'failed_attempts',
      'locked_until',
      'created_at',
      'updated_at',
      'last_login_at',
    ]);

    const insert = db.prepare('INSERT INTO app_user (username, display_name, role, office_id, password_hash) VALUES (?, ?, ?, ?, ?)');
    insert.run('Admin', '管理员', 'admin', null, 'x');
    insert.run('lihua', '李华', 'clerk', 1, 'x');
    expect(() => insert.run('ADMIN', '另一个', 'viewer', null, 'x')).toThrow(/UNIQUE/);
    expect(() => insert.run('wang', '王', 'editor', null, 'x')).toThrow(/CHECK/);
    expect(() => insert.run('zhao', '赵', 'admin', 1, 'x')).toThrow(/CHECK/);
    db.pragma('foreign_keys = ON');
    expect(() => insert.run('sun', '孙', 'clerk', 98, 'x')).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT failed_attempts, locked_until, disabled FROM app_user WHERE username = 'admin'").get()).toEqual({
      failed_attempts: 0,
      locked_until: null,
      disabled: 0,
    });
    db.close();
  });
});
