// 执行地司法所 is recognised by the office's kind (单位类别), not by its name: a correction record
// whose 执行地司法所 is not a 司法所 is refused by the API and by the importer with a Chinese
// message naming the field, and nothing is written; an office of kind 司法所 is accepted whatever
// its name. New offices get the kind their name suggests, the administrator can change it, and
// the migration gives existing offices theirs.

import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { migrate, openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { importLedgers } from '../../db/import/import-ledger.ts';
import { migrations } from '../../db/schema/migrations.ts';

let db: RegisterDatabase;
let call: ApiCall;

async function value<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** A person under probation (a valid 身份证号码) at `office`. */
const stint = (office: number, idNumber = '44510219800101123X') => ({
  name: '赵一',
  id_number: idNumber,
  office_id: office,
  category: 'probation',
  term_start: '2024-01-01',
  term_end: '2025-01-01',
  entered_on: '2024-01-05',
});

const stintCount = () => db.prepare('SELECT count(*) FROM correction_stint').pluck().get();

beforeEach(() => {
  db = openDatabase(':memory:', { create: true });
  call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '管理员', today: () => '2025-03-01' });
});

describe('offices’ kinds', () => {
  it('are guessed from a new office’s name, given when chosen, and changed by the administrator', async () => {
    expect(await value('office.create', { name: '局本级' })).toMatchObject({ kind: 'bureau' });
    expect(await value('office.create', { name: '法律援助中心' })).toMatchObject({ kind: 'legal_aid_centre' });
    expect(await value('office.create', { name: '城西司法所' })).toMatchObject({ kind: 'township' });
    const town = await value<{ id: number }>('office.create', { name: '城关所', kind: 'township' });
    expect(await value('office.rename', { id: town.id, name: '城关所', kind: 'other' })).toMatchObject({ kind: 'other' });
    const listed = await value<{ name: string; kind: string }[]>('office.list');
    expect(listed.map((office) => [office.name, office.kind])).toEqual([
      ['局本级', 'bureau'],
      ['法律援助中心', 'legal_aid_centre'],
      ['城西司法所', 'township'],
      ['城关所', 'other'],
    ]);
  });

  it('are given to existing offices by the migration that adds them', () => {
    const version = migrations.findIndex((migration) => migration.description.startsWith('单位：单位类别')) + 1;
    expect(version).toBeGreaterThan(1);
    const old = new Database(':memory:');
    migrate(old, version - 1);
    old.exec("INSERT INTO office (name) VALUES ('局本级'), ('法律援助中心'), ('城西司法所'), ('社区矫正中心'), ('某某单位')");
    migrate(old, version);
    expect(old.prepare('SELECT name, kind FROM office ORDER BY id').raw().all()).toEqual([
      ['局本级', 'bureau'],
      ['法律援助中心', 'legal_aid_centre'],
      ['城西司法所', 'township'],
      ['社区矫正中心', 'correction_centre'],
      ['某某单位', 'other'],
    ]);
    old.close();
  });
});

describe('执行地司法所 through the API', () => {
  it('refuses an office that is not a 司法所 by its kind, naming the field, and writes nothing', async () => {
    const bureau = await value<{ id: number }>('office.create', { name: '局本级' });
    const result = await call('correctionStint.create', { record: stint(bureau.id) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('执行地司法所');
    expect(result.error.fieldErrors).toEqual({ office_id: '不是司法所（单位类别为局机关）' });
    expect(stintCount()).toBe(0);
  });

  it('goes by the kind, not the name; an office of kind 其他 (its name tells nothing) may be one', async () => {
    const named = await value<{ id: number }>('office.create', { name: '老城司法所', kind: 'correction_centre' });
    expect((await call('correctionStint.create', { record: stint(named.id) })).ok).toBe(false);
    const town = await value<{ id: number }>('office.create', { name: '城关所', kind: 'township' });
    expect((await call('correctionStint.create', { record: stint(town.id) })).ok).toBe(true);
    const unknown = await value<{ id: number }>('office.create', { name: '城关镇' });
    expect((await call('correctionStint.create', { record: stint(unknown.id, '445102198002021237') })).ok).toBe(true);
    expect(stintCount()).toBe(2);
  });
});

describe('执行地司法所 through the importer', () => {
  const ledger = (office: string) => [
    {
      name: '社区矫正对象.csv',
      content: Buffer.from(
        ['姓名,身份证号码,执行地司法所,矫正类别,矫正起始日期,矫正期满日期,入矫日期', `赵一,44510219800101123X,${office},缓刑,2024-01-01,2025-01-01,2024-01-05`].join('\n'),
      ),
    },
  ];

  it('refuses a row whose 执行地司法所 is not a 司法所, and writes nothing', async () => {
    const outcome = await importLedgers(db, ledger('法律援助中心'), { user: '管理员' });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((problem) => [problem.row, problem.column, problem.reason])).toEqual([
      [2, '执行地司法所', '不是司法所（单位类别为法律援助中心）'],
    ]);
    expect(stintCount()).toBe(0);
  });

  it('takes a row of a 司法所', async () => {
    const outcome = await importLedgers(db, ledger('城西司法所'), { user: '管理员' });
    expect(outcome.ok, JSON.stringify(outcome.problems)).toBe(true);
    expect(stintCount()).toBe(1);
  });
});
