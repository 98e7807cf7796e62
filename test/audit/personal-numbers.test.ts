// Personal numbers (身份证号码) in what the API hands out: masked as 4451**********1234 in every
// list (register lists, drill-downs, the audit log's pages), found by the full number all the
// same, and in full only from `R.get` — which leaves a 「查看身份证号码」 entry naming who saw
// which record's numbers. A record without personal numbers is viewed without an entry.

import { beforeAll, describe, expect, it } from 'vitest';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { maskPersonalNumber } from '../../db/audit/personal-numbers.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';

const idNumber = '11010519491231002X';
/** By hand: the first four, ten stars, the last four. */
const masked = '1101**********002X';

let db: RegisterDatabase;
let call: ApiCall;
const ids: Record<string, number> = {};

async function value<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

type Page = { total: number; rows: Record<string, unknown>[] };

const views = () =>
  db.prepare("SELECT user, target_table, record_id, details FROM audit_log WHERE action = 'view' ORDER BY id").all() as {
    user: string;
    target_table: string;
    record_id: number;
    details: string;
  }[];

beforeAll(async () => {
  db = openDatabase(':memory:', { create: true });
  call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '司法所干部', today: () => '2024-12-31' });
  ids.office = (await value<{ id: number }>('office.create', { name: '城西司法所' })).id;
  ids.org = (
    await value<{ id: number }>('mediationOrg.create', {
      record: { name: '城西镇人民调解委员会', kind: 'township', office_id: ids.office, founded_on: '2015-03-01' },
    })
  ).id;
  ids.mediator = (
    await value<{ id: number }>('mediator.create', {
      record: { name: '苏海', id_number: idNumber, org_id: ids.org, employment: 'fulltime', appointed_on: '2016-01-01' },
    })
  ).id;
  ids.stint = (
    await value<{ id: number }>('correctionStint.create', {
      record: {
        name: '范超军',
        id_number: idNumber,
        office_id: ids.office,
        category: 'probation',
        term_start: '2024-01-03',
        term_end: '2026-01-02',
        entered_on: '2024-01-10',
      },
    })
  ).id;
  await value('correctionEvent.create', { record: { stint_id: ids.stint, event_on: '2024-03-01', event_type: 'reoffended' } });
  ids.legalAid = (
    await value<{ id: number }>('legalAidCase.create', {
      record: {
        case_no: '(2024)湘法援字第0001号',
        office_id: ids.office,
        received_on: '2024-01-14',
        source: 'application',
        category: 'civil',
        review_result: 'granted',
        recipient_name: '范远华',
        recipient_id_number: idNumber,
        handler_name: '袁磊平',
        handler_type: 'lawyer',
      },
    })
  ).id;
  ids.mediationCase = (
    await value<{ id: number }>('mediationCase.create', {
      record: {
        case_no: '(2024)城西调字第0012号',
        org_id: ids.org,
        received_on: '2024-03-01',
        source: 'apply',
        dispute_type: 'neighbour',
        parties: [{ name: '张三' }, { name: '李四', id_number: idNumber, role: '被申请人' }],
        mediator_ids: [ids.mediator],
        result: 'pending',
      },
    })
  ).id;
  ids.sweep = (await value<{ id: number }>('disputeSweep.create', { record: { swept_on: '2024-05-01', office_id: ids.office, sweeps: 3 } })).id;
});

describe('masking', () => {
  it('masks as 4451**********1234, short numbers down to their last four', () => {
    expect(maskPersonalNumber('445102196805139071')).toBe('4451**********9071');
    expect(maskPersonalNumber(idNumber)).toBe(masked);
    expect(maskPersonalNumber('13800138000')).toBe('1380***8000');
    expect(maskPersonalNumber('8823456')).toBe('***3456');
  });

  it('masks every personal number in register lists', async () => {
    expect((await value<Page>('mediator.list')).rows[0]).toMatchObject({ name: '苏海', id_number: masked });
    expect((await value<Page>('correctionStint.list')).rows[0]).toMatchObject({ name: '范超军', id_number: masked });
    expect((await value<Page>('correctionEvent.list')).rows[0]).toMatchObject({ person_name: '范超军', person_id_number: masked });
    expect((await value<Page>('legalAidCase.list')).rows[0]).toMatchObject({ recipient_name: '范远华', recipient_id_number: masked });
    const everything = JSON.stringify(
      await Promise.all(['mediator', 'correctionStint', 'correctionEvent', 'legalAidCase', 'mediationCase'].map((name) => value(`${name}.list`))),
    );
    expect(everything).not.toContain(idNumber);
  });

  it('still finds a record by its full number, and shows it masked', async () => {
    const found = await value<Page>('correctionStint.list', { search: idNumber });
    expect(found.total).toBe(1);
    expect(found.rows[0]!.id_number).toBe(masked);
    expect((await value<Page>('legalAidCase.list', { search: idNumber })).total).toBe(1);
    expect((await value<Page>('mediationCase.list', { search: idNumber })).total).toBe(1);
    expect((await value<Page>('mediator.list', { search: idNumber })).total).toBe(1);
  });

  it('masks the people of a drill-down', async () => {
    const drill = await value<Page>('report.drillDown', { id: 'correction.reoffended', from: '2024-01-01', to: '2024-12-31' });
    expect(drill.total).toBe(1);
    expect(drill.rows[0]).toMatchObject({ name: '范超军', idNumber: masked });
  });
});

describe('the detail view', () => {
  it('gives the full numbers and records who saw which record’s numbers', async () => {
    const before = views().length;
    expect(await value('legalAidCase.get', { id: ids.legalAid })).toMatchObject({ recipient_id_number: idNumber });
    expect(await value('mediationCase.get', { id: ids.mediationCase })).toMatchObject({
      parties: [{ name: '张三', id_number: null }, { name: '李四', id_number: idNumber }],
    });
    expect(views().slice(before)).toEqual([
      { user: '司法所干部', target_table: 'legal_aid_case', record_id: ids.legalAid, details: '{"numbers":["recipient_id_number"]}' },
      { user: '司法所干部', target_table: 'mediation_case', record_id: ids.mediationCase, details: '{"numbers":["parties[1].id_number"]}' },
    ]);
  });

  it('records nothing for a record without personal numbers, or one that is not there', async () => {
    const before = views().length;
    await value('disputeSweep.get', { id: ids.sweep });
    expect((await call('legalAidCase.get', { id: 999 })).ok).toBe(false);
    expect(views()).toHaveLength(before);
  });
});

describe('the audit log’s pages', () => {
  it('mask the numbers of the records before and after, and find an entry by the full number', async () => {
    const page = await value<{ total: number; rows: { action: string; after: Record<string, unknown> }[] }>('audit.search', {
      text: idNumber,
      action: 'create',
    });
    // The mediator, the stint, the legal-aid case and the mediation case (its party).
    expect(page.total).toBe(4);
    expect(JSON.stringify(page.rows)).not.toContain(idNumber);
    expect(page.rows.map((row) => row.after.id_number ?? row.after.recipient_id_number ?? null)).toEqual([null, masked, masked, masked]);
  });
});
