// Data-quality warnings on a small hand-built database, judged at 2025-03-01: which records
// each warning lists and what it says, worked out by hand (day counts in the comments), and
// that a label shows a 身份证号码 only masked (first four and last four digits).

import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { runReport } from '../../db/report/engine.ts';
import { qualityWarnings } from '../../db/report/quality.ts';

const asOf = '2025-03-01';
const deleted = '2025-01-01T00:00:00.000Z';

type Row = Record<string, string | number | null>;

function insert(db: RegisterDatabase, table: string, rows: readonly Row[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}

let db: RegisterDatabase;

/** The fixture's 身份证号码, none of which may appear in full in a warning. */
const fullIdNumbers = [
  '445102198001011234',
  '445102198102022345',
  '445103198203033456',
  '445103198304044567',
  '445102198405055678',
  '445102198506066789',
  '44510319860707789X',
  '445102198708088901',
];

beforeAll(() => {
  db = openDatabase(':memory:', { create: true });
  insert(db, 'office', [
    { id: 1, name: '城西司法所' },
    { id: 2, name: '城南司法所' },
    { id: 3, name: '法律援助中心' },
  ]);
  insert(db, 'mediation_org', [
    { id: 1, name: '一村调委会', kind: 'village', office_id: 1, founded_on: '2020-01-01' },
    { id: 2, name: '城南街道调委会', kind: 'township', office_id: 2, founded_on: '2020-01-01' },
  ]);
  const mediationCase = (row: Row): Row => ({ source: 'apply', dispute_type: 'other', deleted_at: null, ...row });
  insert(db, 'mediation_case', [
    mediationCase({ id: 1, case_no: 'M1', org_id: 1, received_on: '2024-12-30', result: 'pending' }), // 61 days
    mediationCase({ id: 2, case_no: 'M2', org_id: 1, received_on: '2024-12-31', result: 'pending' }), // 60 days
    mediationCase({ id: 3, case_no: 'M3', org_id: 2, received_on: '2025-01-30', result: 'pending' }), // 30 days
    mediationCase({ id: 4, case_no: 'M4', org_id: 1, received_on: '2024-01-01', result: 'succeeded', closed_on: '2024-01-02', agreement_form: 'oral' }),
    mediationCase({ id: 5, case_no: 'M5', org_id: 1, received_on: '2024-01-01', result: 'pending', deleted_at: deleted }),
  ]);
  const stint = (row: Row): Row => ({ category: 'probation', term_start: '2023-01-01', entered_on: '2023-01-01', exited_on: null, exit_type: null, deleted_at: null, ...row });
  insert(db, 'correction_stint', [
    stint({ id: 1, name: '赵一', id_number: '445102198001011234', office_id: 1, term_end: '2025-02-28' }), // past its term
    stint({ id: 2, name: '钱二', id_number: '445102198102022345', office_id: 1, term_end: asOf }), // ends today
    stint({ id: 3, name: '孙三', id_number: '445103198203033456', office_id: 2, term_end: '2025-03-31' }), // ends in 30 days
    stint({ id: 4, name: '李四', id_number: '445103198304044567', office_id: 2, term_end: '2025-04-01' }), // in 31 days
    stint({ id: 5, name: '周五', id_number: '445102198405055678', office_id: 1, term_end: '2025-01-01', exited_on: '2025-01-01', exit_type: 'expired' }),
    stint({ id: 6, name: '吴六', id_number: '445102198506066789', office_id: 1, term_end: '2024-06-01', exited_on: '2024-06-01' }), // no 解矫类型
    stint({ id: 7, name: '郑七', id_number: '44510319860707789X', office_id: 2, entered_on: '2024-05-05', term_end: '2024-05-01', exited_on: '2024-05-01', exit_type: 'expired' }), // exit before entry
    stint({ id: 8, name: '王八', id_number: '445102198708088901', office_id: 1, term_end: '2024-01-01', deleted_at: deleted }),
  ]);
  const legalAidCase = (row: Row): Row => ({
    office_id: 3,
    source: 'application',
    category: 'civil',
    review_result: 'granted',
    recipient_name: '受援人',
    recipient_sex: 'male',
    recipient_birth_date: '1980-01-01',
    closed_on: null,
    closing_method: null,
    ...row,
  });
  insert(db, 'legal_aid_case', [
    legalAidCase({ id: 1, case_no: 'L1', received_on: '2024-10-01', closed_on: '2025-01-10' }), // no 结案方式
    legalAidCase({ id: 2, case_no: 'L2', received_on: '2024-11-30' }), // open 91 days
    legalAidCase({ id: 3, case_no: 'L3', received_on: '2024-12-01' }), // open 90 days
    legalAidCase({ id: 4, case_no: 'L4', received_on: '2024-01-01', review_result: 'rejected' }),
    legalAidCase({ id: 5, case_no: 'L5', received_on: '2024-01-01', closed_on: '2025-03-02', closing_method: 'judgment' }), // still open on asOf
    legalAidCase({ id: 6, case_no: 'L6', received_on: '2024-01-01', closed_on: '2025-02-01', closing_method: 'judgment' }),
  ]);
});

const byCode = (warnings: ReturnType<typeof qualityWarnings>) =>
  Object.fromEntries(warnings.map((warning) => [warning.code, warning]));

describe('qualityWarnings', () => {
  it('lists every overdue or incomplete record of the bureau, with its count in the message', () => {
    const warnings = qualityWarnings(db, { asOf, reminderDays: { pendingMediationDays: 60 } });
    expect(warnings.map((warning) => [warning.code, warning.count, warning.records.map((record) => record.id)])).toEqual([
      ['mediation.pending_overdue', 1, [1]],
      ['correction.term_expired', 1, [1]],
      ['correction.identity', 2, [7, 6]],
      ['legal_aid.closed_without_method', 1, [1]],
      ['legal_aid.open_overdue', 2, [5, 2]],
      ['correction.term_ending_soon', 2, [2, 3]],
    ]);
    const warning = byCode(warnings);
    expect(warning['mediation.pending_overdue']).toMatchObject({
      level: 'warning',
      message: '1 件人民调解案件“调解中”已超过60天',
      records: [{ table: 'mediation_case', id: 1, label: 'M1（一村调委会，2024-12-30 受理）' }],
    });
    expect(warning['correction.term_expired']!.message).toBe('1 名社区矫正对象已过矫正期满日期仍未解矫');
    expect(warning['correction.term_expired']!.records).toEqual([
      { table: 'correction_stint', id: 1, label: '赵一（4451**********1234，矫正期满 2025-02-28）' },
    ]);
    expect(warning['legal_aid.open_overdue']!.message).toBe('2 件法律援助案件受理已超过90天仍未结案');
    expect(warning['correction.term_ending_soon']).toMatchObject({ level: 'reminder', message: '2 名社区矫正对象将在30天内矫正期满' });
  });

  it('takes the mediation threshold as a parameter (30 days for the home page)', () => {
    const warning = byCode(qualityWarnings(db, { asOf, reminderDays: { pendingMediationDays: 30 } }))['mediation.pending_overdue']!;
    expect(warning.records.map((record) => record.id)).toEqual([1, 2]); // 61 and 60 days; case 3 is exactly 30
    expect(warning.message).toBe('2 件人民调解案件“调解中”已超过30天');
  });

  it('takes the legal-aid and correction day counts as working rules too', () => {
    const warnings = (reminderDays: Record<string, number>) => byCode(qualityWarnings(db, { asOf, reminderDays }));
    // Granted and open on 2025-03-01: L5 (received 2024-01-01), L2 (2024-11-30), L3 (2024-12-01).
    const longOpen = warnings({ openLegalAidDays: 120 })['legal_aid.open_overdue']!; // received before 2024-11-01
    expect(longOpen.records.map((record) => record.id)).toEqual([5]);
    expect(longOpen.message).toBe('1 件法律援助案件受理已超过120天仍未结案');
    expect(warnings({ openLegalAidDays: 89 })['legal_aid.open_overdue']!.records.map((record) => record.id)).toEqual([5, 2, 3]);
    // Terms ending 2025-03-01 (钱二), 2025-03-31 (孙三), 2025-04-01 (李四).
    const ending = warnings({ correctionEndingDays: 31 })['correction.term_ending_soon']!; // up to 2025-04-01
    expect(ending.records.map((record) => record.id)).toEqual([2, 3, 4]);
    expect(ending.message).toBe('3 名社区矫正对象将在31天内矫正期满');
    expect(warnings({ correctionEndingDays: 29 })['correction.term_ending_soon']!.records.map((record) => record.id)).toEqual([2]);
  });

  it('keeps to one office', () => {
    const warnings = qualityWarnings(db, { asOf, officeId: 2, reminderDays: { pendingMediationDays: 30 } });
    expect(warnings.map((warning) => [warning.code, warning.records.map((record) => record.id)])).toEqual([
      ['correction.identity', [7]],
      ['correction.term_ending_soon', [3]],
    ]);
  });

  it('warns of what also makes the correction identity of a report fail', () => {
    const identity = runReport(db, { from: '2024-01-01', to: '2024-12-31' }).checks.correctionIdentity;
    expect(identity.ok).toBe(false);
  });

  it('shows every 身份证号码 in a label masked, never in full', () => {
    const warnings = qualityWarnings(db, { asOf, reminderDays: { pendingMediationDays: 30 } });
    const warning = byCode(warnings);
    expect(warning['correction.identity']!.records.map((record) => record.label)).toEqual([
      '郑七（4451**********789X，入矫 2024-05-05，解矫 2024-05-01）',
      '吴六（4451**********6789，入矫 2023-01-01，解矫 2024-06-01）',
    ]);
    expect(warning['correction.term_ending_soon']!.records.map((record) => record.label)).toEqual([
      '钱二（4451**********2345，矫正期满 2025-03-01）',
      '孙三（4451**********3456，矫正期满 2025-03-31）',
    ]);
    const everything = JSON.stringify(warnings);
    for (const fullNumber of fullIdNumbers) expect(everything).not.toContain(fullNumber);
  });

  it('refuses a date that is not one', () => {
    expect(() => qualityWarnings(db, { asOf: '2025-02-30' })).toThrow('不是有效日期');
  });
});
