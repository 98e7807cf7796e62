// Undoing an import is a write like any other (exchange.md "Ownership", "Packages"): at the bureau
// it may not remove a joined office's rows (refused with where to change them, nothing undone),
// while rows of an office that has not joined are still the bureau's to undo; at an office site
// the undo is carried to the bureau by the next package.

import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { applyPackage, inviteOffice, joinCounty, makePackage } from '../../db/exchange/exchange.ts';
import { importHistory, undoImport } from '../../db/import/import-history.ts';
import { importLedgers } from '../../db/import/import-ledger.ts';
import { USER, officeId } from './county.ts';

const opened: RegisterDatabase[] = [];
const database = () => {
  const db = openDatabase(':memory:', { create: true });
  opened.push(db);
  return db;
};

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A 法律援助案件 ledger of `office` with the given case numbers. */
function ledger(office: string, caseNos: readonly string[]) {
  const rows = caseNos.map((caseNo) => `${caseNo},${office},2024-04-01,申请,民事,给予援助,受援人,男,1970-01-01,李律师,社会律师`);
  return [{ name: '法律援助案件.csv', content: Buffer.from(['案件编号,单位,受理日期,案件来源,案件类别,审查结果,受援人,性别,出生日期,承办人,承办人类型', ...rows].join('\n')) }];
}

async function imported(db: RegisterDatabase, office: string, caseNos: readonly string[]): Promise<number> {
  const outcome = await importLedgers(db, ledger(office, caseNos), { user: USER });
  expect(outcome.ok, JSON.stringify(outcome.problems)).toBe(true);
  return outcome.importId!;
}

const caseNumbers = (db: RegisterDatabase) => db.prepare('SELECT case_no FROM legal_aid_case ORDER BY case_no').pluck().all();

describe('undoing an import at the bureau', () => {
  it('is refused when it would remove a joined office’s rows, and nothing is undone', async () => {
    const bureau = database();
    officeId(bureau, '城西司法所');
    officeId(bureau, '城南司法所');
    const west = await imported(bureau, '城西司法所', ['W1', 'W2']);
    inviteOffice(bureau, '城西司法所', USER);
    const south = await imported(bureau, '城南司法所', ['S1']);

    // 城南 has not joined: its import is the bureau's to undo.
    expect(undoImport(bureau, south)).toEqual({ restored: 0, removed: 1 });
    expect(caseNumbers(bureau)).toEqual(['W1', 'W2']);

    expect(() => undoImport(bureau, west)).toThrow('该记录属于城西司法所，城西司法所已加入本县数据交换，请在城西司法所的电脑上修改');
    expect(caseNumbers(bureau)).toEqual(['W1', 'W2']);
    expect(importHistory(bureau).find((entry) => entry.id === west)).toMatchObject({ undoneAt: null, undoable: true });
  });
});

describe('undoing an import at an office', () => {
  it('reaches the bureau with the next package', async () => {
    const bureau = database();
    officeId(bureau, '城西司法所');
    const office = database();
    joinCounty(office, inviteOffice(bureau, '城西司法所', USER).file, USER);

    const importId = await imported(office, '城西司法所', ['W1', 'W2', 'W3']);
    applyPackage(bureau, makePackage(office, { user: USER }).file, USER);
    expect(caseNumbers(bureau)).toEqual(['W1', 'W2', 'W3']);

    expect(undoImport(office, importId)).toEqual({ restored: 0, removed: 3 });
    applyPackage(bureau, makePackage(office, { user: USER }).file, USER);
    expect(caseNumbers(bureau)).toEqual([]);
  });
});
