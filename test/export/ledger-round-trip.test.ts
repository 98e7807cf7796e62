// Every register of the sample county taken out as a ledger and taken in again (issue 10 §4):
// into the same database it changes nothing (0 added, 0 updated, every row unchanged), as CSV
// and as the printable .xlsx with its title rows; into an empty database the ledgers of every register
// give the same records (each register's ledger taken out again is the same file) and the
// report figures of expected.json, which were worked out independently of this code. An
// education activity whose attendees were ticked in the app keeps them through a re-import.

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { exportLedger, type LedgerFormat } from '../../db/export/ledger-export.ts';
import { importLedgers } from '../../db/import/import-ledger.ts';
import { registers } from '../../db/registers/index.ts';
import type { RegisterDefinition } from '../../db/registers/register.ts';
import { runReport } from '../../db/report/engine.ts';
import { readExpectedWhole, sampleDir, sampleExtraDir } from '../support/cli.ts';

const expected = readExpectedWhole();
const now = new Date(2026, 11, 2, 10, 15);
let county: RegisterDatabase;
/** Rows per register: the sample's, and the activity added below. */
const rowsOf = (register: RegisterDefinition) => expected.rows[register.title]! + (register.name === 'correctionActivity' ? 1 : 0);

async function importSample(db: RegisterDatabase) {
  const inputs = [sampleDir, sampleExtraDir].flatMap((dir) => {
    const csvDir = path.join(dir, 'csv');
    return fs.readdirSync(csvDir).map((file) => ({ name: file, content: fs.readFileSync(path.join(csvDir, file)) }));
  });
  const outcome = await importLedgers(db, inputs, { user: '测试' });
  expect(outcome.problems).toEqual([]);
}

const ledgerOf = (db: RegisterDatabase, register: RegisterDefinition, format: LedgerFormat) =>
  exportLedger(db, { register, format, query: {}, fullIdNumbers: true, now });

/** Two people of 城西司法所 in correction on 2025-02-20, ticked as attending a session that day. */
const attendees = (db: RegisterDatabase) =>
  db
    .prepare(
      `SELECT s.id FROM correction_stint s JOIN office o ON o.id = s.office_id
       WHERE o.name = '城西司法所' AND s.entered_on <= '2025-02-20' AND (s.exited_on IS NULL OR s.exited_on > '2025-02-20')
       ORDER BY s.id LIMIT 2`,
    )
    .pluck()
    .all() as number[];

beforeAll(async () => {
  county = openDatabase(':memory:', { create: true });
  await importSample(county);
  // After the last period of expected.json, so its figures stand.
  const call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: county, user: '测试', today: () => '2025-03-01' });
  const west = county.prepare("SELECT id FROM office WHERE name = '城西司法所'").pluck().get() as number;
  const ticked = attendees(county);
  expect(ticked).toHaveLength(2);
  const created = await call('correctionActivity.create', {
    record: { held_on: '2025-02-20', office_id: west, activity_type: 'group_counselling', topic: '心理团体辅导第1期', attendance: 2, attendee_stint_ids: ticked },
  });
  expect(created).toMatchObject({ ok: true });
}, 120_000);

describe.each(registers.map((register) => ({ register, title: register.title })))('$title', ({ register }) => {
  it.each(['csv', 'xlsx'] as const)('taken out as %s and in again changes nothing', async (format) => {
    const ledger = await ledgerOf(county, register, format);
    expect(ledger.rows).toBe(rowsOf(register));
    const outcome = await importLedgers(county, [{ name: ledger.fileName, content: ledger.content }], { user: '测试' });
    expect(outcome.problems).toEqual([]);
    expect(outcome.sheets).toEqual([
      { file: ledger.fileName, sheet: register.title, rows: rowsOf(register), added: 0, updated: 0, unchanged: rowsOf(register) },
    ]);
  });
});

describe('the ledgers of every register imported into an empty database', () => {
  let copy: RegisterDatabase;

  beforeAll(async () => {
    copy = openDatabase(':memory:', { create: true });
    const ledgers = await Promise.all(registers.map((register) => ledgerOf(county, register, 'csv')));
    const outcome = await importLedgers(copy, ledgers.map((ledger) => ({ name: ledger.fileName, content: ledger.content })), { user: '测试' });
    expect(outcome.problems).toEqual([]);
    expect(outcome.sheets.map((sheet) => [sheet.sheet, sheet.added])).toEqual(registers.map((register) => [register.title, rowsOf(register)]));
  }, 120_000);

  it.each(registers.map((register) => ({ register, title: register.title })))('give the same $title records', async ({ register }) => {
    const original = await ledgerOf(county, register, 'csv');
    const again = await ledgerOf(copy, register, 'csv');
    expect(again.content.toString('utf8')).toBe(original.content.toString('utf8'));
  });

  it.each(expected.cases)('give the figures of $from – $to, $office', (expectedCase) => {
    const officeId =
      expectedCase.office === null ? null : (copy.prepare('SELECT id FROM office WHERE name = ?').pluck().get(expectedCase.office) as number);
    const report = runReport(copy, { from: expectedCase.from, to: expectedCase.to, officeId });
    expect(report.indicators).toEqual(expectedCase.indicators);
  });
});

describe('an activity with attendees ticked in the app', () => {
  it('keeps them when its ledger is imported again, and has them replaced when the ledger changes its count', async () => {
    const register = registers.find((candidate) => candidate.name === 'correctionActivity')!;
    const id = county.prepare("SELECT id FROM correction_activity WHERE topic = '心理团体辅导第1期'").pluck().get() as number;
    const ticked = () => county.prepare('SELECT stint_id FROM correction_activity_attendee WHERE activity_id = ? ORDER BY stint_id').pluck().all(id);
    expect(ticked()).toEqual(attendees(county));
    const ledger = await ledgerOf(county, register, 'csv');
    await importLedgers(county, [{ name: ledger.fileName, content: ledger.content }], { user: '测试' });
    expect(ticked()).toEqual(attendees(county));

    const edited = Buffer.from(ledger.content.toString('utf8').replace('心理团体辅导,心理团体辅导第1期,2', '心理团体辅导,心理团体辅导第1期,3'));
    const outcome = await importLedgers(county, [{ name: ledger.fileName, content: edited }], { user: '测试' });
    expect(outcome.sheets[0]).toMatchObject({ added: 0, updated: 1 });
    expect(ticked()).toEqual([]);
    expect(county.prepare('SELECT attendance FROM correction_activity WHERE id = ?').pluck().get(id)).toBe(3);
  });
});
