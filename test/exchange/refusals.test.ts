// Every way a package or join file is refused (exchange.md "Packages"): refused whole, with a
// Chinese message saying which, and nothing written. Also the ownership rules of the store and
// the importer at both kinds of site.

import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisterDatabase } from '../../db/database.ts';
import { applyPackage, inviteOffice, joinCounty, makePackage } from '../../db/exchange/exchange.ts';
import { PackageRefused } from '../../db/exchange/portable-records.ts';
import { sealPackage } from '../../db/exchange/sealed-file.ts';
import { siteOf } from '../../db/exchange/site.ts';
import { importLedgers } from '../../db/import/import-ledger.ts';
import { migrations } from '../../db/schema/migrations.ts';
import { USER, create, edit, everything, legalAidCase, newDatabase, officeId, registerContent, setRemoved, tempFolder } from './county.ts';

let folder: string;
let bureau: RegisterDatabase;
let west: RegisterDatabase;
const open: RegisterDatabase[] = [];

function database(name: string): RegisterDatabase {
  const db = newDatabase(folder, name);
  open.push(db);
  return db;
}

/** Applies and expects a refusal whose message contains `words`, with nothing written. */
function expectRefused(db: RegisterDatabase, file: Buffer, words: string, keep: (db: RegisterDatabase) => string = everything): void {
  const before = keep(db);
  let message = '';
  try {
    applyPackage(db, file, USER);
  } catch (error) {
    expect(error).toBeInstanceOf(PackageRefused);
    message = (error as Error).message;
  }
  expect(message).toContain(words);
  expect(keep(db)).toBe(before);
}

beforeEach(() => {
  folder = tempFolder('exchange-refusals');
  bureau = database('bureau');
  create(bureau, 'legalAidCase', legalAidCase('西-1', officeId(bureau, '城西司法所')));
  create(bureau, 'legalAidCase', legalAidCase('东-1', officeId(bureau, '城东司法所')));
  west = database('west');
  joinCounty(west, inviteOffice(bureau, '城西司法所', USER).file, USER);
});

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('a join file', () => {
  it('brings the office its records held at the bureau, and the office list', () => {
    expect(west.prepare('SELECT case_no FROM legal_aid_case').pluck().all()).toEqual(['西-1']);
    expect(west.prepare('SELECT name FROM office ORDER BY name').pluck().all()).toEqual(['城东司法所', '城西司法所'].sort());
    expect(siteOf(west)).toMatchObject({ role: 'office', officeName: '城西司法所', seq: 0 });
  });

  it('used twice on the same machine is refused, nothing written', () => {
    const invitation = inviteOffice(bureau, '城南司法所', USER).file;
    const south = database('south');
    joinCounty(south, invitation, USER);
    const before = everything(south);
    expect(() => joinCounty(south, invitation, USER)).toThrow(/加入文件不能再用一次/);
    expect(everything(south)).toBe(before);
  });

  it('used on a second machine: that machine’s package is refused at the bureau', () => {
    const invitation = inviteOffice(bureau, '城南司法所', USER).file;
    const first = database('south-1');
    const second = database('south-2');
    joinCounty(first, invitation, USER);
    joinCounty(second, invitation, USER);
    applyPackage(bureau, makePackage(first, { user: USER }).file, USER);
    expectRefused(bureau, makePackage(second, { user: USER }).file, '已在另一台电脑上使用过');
  });

  it('altered by one byte is refused', () => {
    const invitation = inviteOffice(bureau, '城南司法所', USER).file;
    const altered = Buffer.from(invitation);
    altered[Math.floor(altered.length / 2)]! ^= 0x01;
    const south = database('south');
    const before = everything(south);
    expect(() => joinCounty(south, altered, USER)).toThrow(/已被改动、损坏/);
    expect(everything(south)).toBe(before);
  });

  it('is refused by a database that already holds records', () => {
    const other = database('other');
    create(other, 'legalAidCase', legalAidCase('X-1', officeId(other, '城西司法所')));
    const before = everything(other);
    expect(() => joinCounty(other, inviteOffice(bureau, '城南司法所', USER).file, USER)).toThrow(/只有新的或空的数据库才能加入/);
    expect(everything(other)).toBe(before);
  });
});

describe('a package', () => {
  it('altered by one byte anywhere (header, body, signature) is refused', () => {
    create(west, 'legalAidCase', legalAidCase('西-2', officeId(west, '城西司法所')));
    const file = makePackage(west, { user: USER }).file;
    for (const at of [0, 9, 20, 60, Math.floor(file.length / 2), file.length - 70, file.length - 1]) {
      const altered = Buffer.from(file);
      altered[at]! ^= 0x20;
      const before = everything(bureau);
      expect(() => applyPackage(bureau, altered, USER), `byte ${at}`).toThrow(PackageRefused);
      expect(everything(bureau)).toBe(before);
    }
    expect(applyPackage(bureau, file, USER).applied).toBe(true);
  });

  it('from a site that never joined is refused', () => {
    bureau.exec(`VACUUM INTO '${folder}/bureau-before.sqlite'`);
    const before = database('bureau-before');
    const east = database('east');
    joinCounty(east, inviteOffice(bureau, '城东司法所', USER).file, USER);
    expectRefused(before, makePackage(east, { user: USER }).file, '未加入本县的单位「城东司法所」');
  });

  it('from another county is refused', () => {
    const otherBureau = database('other-bureau');
    otherBureau.prepare("INSERT INTO setting (key, value) VALUES ('bureauName', '邻县司法局')").run();
    const otherWest = database('other-west');
    joinCounty(otherWest, inviteOffice(otherBureau, '城西司法所', USER).file, USER);
    expectRefused(bureau, makePackage(otherWest, { user: USER }).file, '属于另一个县（邻县司法局）');
    expectRefused(west, makePackage(otherBureau, { office: '城西司法所', user: USER }).file, '属于另一个县');
  });

  it('claiming another office is refused', () => {
    const east = database('east');
    joinCounty(east, inviteOffice(bureau, '城东司法所', USER).file, USER);
    const site = siteOf(west)!;
    const eastSite = siteOf(east)!;
    const forged = sealPackage(
      { kind: 'office', countyId: site.countyId, bureauName: site.bureauName, office: '城东司法所', inviteId: eastSite.inviteId!, dataVersion: migrations.length, madeAt: new Date().toISOString() },
      { siteId: site.siteId, seq: 5, records: [] },
      eastSite.packageKey!,
      site.signingKey,
    );
    expectRefused(bureau, forged, '由城西司法所签发，却自称来自城东司法所');
  });

  it('made by a newer data version is refused', () => {
    const site = siteOf(west)!;
    const newer = sealPackage(
      { kind: 'office', countyId: site.countyId, bureauName: site.bureauName, office: '城西司法所', inviteId: site.inviteId!, dataVersion: migrations.length + 1, madeAt: new Date().toISOString() },
      { siteId: site.siteId, seq: 1, records: [] },
      site.packageKey!,
      site.signingKey,
    );
    expectRefused(bureau, newer, '由更新版本的司法台账生成');
  });

  it('carrying another office’s records is refused', () => {
    const site = siteOf(west)!;
    const east = bureau.prepare("SELECT gid FROM legal_aid_case WHERE case_no = '东-1'").pluck().get() as string | null;
    const record = { t: 'legal_aid_case', gid: east ?? 'f'.repeat(32), office: '城东司法所', fields: null, deletedAt: null, createdAt: null, updatedAt: null };
    const smuggled = sealPackage(
      { kind: 'office', countyId: site.countyId, bureauName: site.bureauName, office: '城西司法所', inviteId: site.inviteId!, dataVersion: migrations.length, madeAt: new Date().toISOString() },
      { siteId: site.siteId, seq: 1, records: [record] },
      site.packageKey!,
      site.signingKey,
    );
    expectRefused(bureau, smuggled, '夹带了其他单位（城东司法所）的记录');
    // A record of the office's own name whose gid is another office's record at the bureau.
    bureau.exec("UPDATE legal_aid_case SET gid = 'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0' WHERE case_no = '东-1'");
    const disguised = sealPackage(
      { kind: 'office', countyId: site.countyId, bureauName: site.bureauName, office: '城西司法所', inviteId: site.inviteId!, dataVersion: migrations.length, madeAt: new Date().toISOString() },
      { siteId: site.siteId, seq: 1, records: [{ ...record, gid: 'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0', office: '城西司法所' }] },
      site.packageKey!,
      site.signingKey,
    );
    expectRefused(bureau, disguised, '夹带了其他单位（城东司法所）的记录');
  });

  it('imported twice changes nothing the second time', () => {
    create(west, 'legalAidCase', legalAidCase('西-2', officeId(west, '城西司法所')));
    const file = makePackage(west, { user: USER }).file;
    expect(applyPackage(bureau, file, USER).applied).toBe(true);
    const before = everything(bureau);
    const again = applyPackage(bureau, file, USER);
    expect(again).toMatchObject({ applied: false });
    expect(again.message).toContain('已导入过');
    expect(everything(bureau)).toBe(before);
  });

  it('from an office restored from an old backup (sequence went back) is noticed, not applied; the bureau’s package gives its records back', () => {
    const westId = officeId(west, '城西司法所');
    const id = create(west, 'legalAidCase', legalAidCase('西-2', westId));
    west.exec(`VACUUM INTO '${folder}/west-backup.sqlite'`);
    edit(west, 'legalAidCase', id, { ...legalAidCase('西-2', westId), note: '新的' });
    create(west, 'legalAidCase', legalAidCase('西-3', westId));
    expect(applyPackage(bureau, makePackage(west, { user: USER }).file, USER).applied).toBe(true);

    const restored = database('west-backup');
    setRemoved(restored, 'legalAidCase', id, true);
    const oldPackage = makePackage(restored, { user: USER }).file;
    expectRefused(bureau, oldPackage, '数据序号倒退', registerContent);
    expect(bureau.prepare("SELECT note, deleted_at FROM legal_aid_case WHERE case_no = '西-2'").get()).toEqual({ note: '新的', deleted_at: null });

    // The bureau's next package to the office carries its records back (从局端恢复本所数据).
    const restoring = makePackage(bureau, { office: '城西司法所', user: USER });
    expect(restoring.records).toBe(3);
    expect(applyPackage(restored, restoring.file, USER).message).toContain('已从局端恢复本所记录 3 条');
    expect(restored.prepare('SELECT case_no, note, deleted_at FROM legal_aid_case ORDER BY case_no').all()).toEqual([
      { case_no: '西-1', note: null, deleted_at: null },
      { case_no: '西-2', note: '新的', deleted_at: null },
      { case_no: '西-3', note: null, deleted_at: null },
    ]);
    create(restored, 'legalAidCase', legalAidCase('西-4', westId));
    expect(applyPackage(bureau, makePackage(restored, { user: USER }).file, USER).applied).toBe(true);
    expect(bureau.prepare("SELECT count(*) FROM legal_aid_case WHERE case_no LIKE '西-%' AND deleted_at IS NULL").pluck().get()).toBe(4);
  });

  it('at an office whose sequence is behind the bureau’s acknowledgement is refused, unless it restores', () => {
    const westId = officeId(west, '城西司法所');
    west.exec(`VACUUM INTO '${folder}/west-old.sqlite'`);
    create(west, 'legalAidCase', legalAidCase('西-2', westId));
    applyPackage(bureau, makePackage(west, { user: USER }).file, USER);
    const old = database('west-old');
    expectRefused(old, makePackage(bureau, { office: '城西司法所', user: USER }).file, '本机可能从旧备份恢复');
    expect(applyPackage(old, makePackage(bureau, { office: '城西司法所', restore: true, user: USER }).file, USER).applied).toBe(true);
    expect(old.prepare('SELECT case_no FROM legal_aid_case ORDER BY case_no').pluck().all()).toEqual(['西-1', '西-2']);
  });
});

describe('one place edits a record', () => {
  it('at the bureau, a joined office’s records are read-only, the others’ are not', () => {
    const id = bureau.prepare("SELECT id FROM legal_aid_case WHERE case_no = '西-1'").pluck().get() as number;
    const before = registerContent(bureau);
    expect(() => setRemoved(bureau, 'legalAidCase', id, true)).toThrow('该记录属于城西司法所，城西司法所已加入本县数据交换，请在城西司法所的电脑上修改');
    expect(() => create(bureau, 'legalAidCase', legalAidCase('西-9', officeId(bureau, '城西司法所')))).toThrow(/请在城西司法所的电脑上修改/);
    expect(registerContent(bureau)).toBe(before);
    create(bureau, 'legalAidCase', legalAidCase('东-2', officeId(bureau, '城东司法所')));
  });

  it('an office site refuses records of other offices', () => {
    const before = registerContent(west);
    expect(() => create(west, 'legalAidCase', legalAidCase('东-9', officeId(west, '城东司法所')))).toThrow(
      '本机是城西司法所的电脑，只能登记本所的记录，不能登记或修改城东司法所的记录',
    );
    expect(registerContent(west)).toBe(before);
  });

  it('a ledger with a row of another office is refused whole at an office site and at the bureau', async () => {
    const csv = (rows: string[]) => ({
      name: '法律援助案件.csv',
      content: Buffer.from(['案件编号,单位,受理日期,案件来源,案件类别,审查结果,受援人,性别,出生日期,承办人,承办人类型', ...rows].join('\n')),
    });
    const own = '西-5,城西司法所,2024-04-01,申请,民事,给予援助,甲,男,1970-01-01,李律师,社会律师';
    const other = '东-5,城东司法所,2024-04-01,申请,民事,给予援助,乙,男,1970-01-01,李律师,社会律师';
    const westBefore = registerContent(west);
    const atWest = await importLedgers(west, [csv([own, other])], { user: USER });
    expect(atWest.rejectedFiles).toEqual(['法律援助案件.csv']);
    expect(atWest.problems.map((problem) => problem.message).join('\n')).toContain('第3行 本机是城西司法所的电脑');
    expect(registerContent(west)).toBe(westBefore);
    const bureauBefore = registerContent(bureau);
    const atBureau = await importLedgers(bureau, [csv([own, other])], { user: USER });
    expect(atBureau.problems.map((problem) => problem.message).join('\n')).toContain('第2行 该记录属于城西司法所');
    expect(registerContent(bureau)).toBe(bureauBefore);
    expect((await importLedgers(west, [csv([own])], { user: USER })).ok).toBe(true);
    expect((await importLedgers(bureau, [csv([other])], { user: USER })).ok).toBe(true);
  });
});
