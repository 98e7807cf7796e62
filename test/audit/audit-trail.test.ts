// The audit trail through the dispatcher: every write method of the contract leaves exactly one
// entry saying who, which method, which record, and the record before and after (imports and
// undo their counts, exports their scope); a refused call leaves none; and when the entry
// cannot be written, the change it would have recorded is not kept either.

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { methods, type ApiResult } from '../../db/api/contract.ts';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { startExchangeListener } from '../../db/exchange/intranet-listener.ts';
import { bureauCertificate, bureauLink } from '../../db/exchange/intranet-settings.ts';
import { tempDir } from '../support/cli.ts';

type Row = Record<string, unknown>;

interface Entry {
  readonly user: string;
  readonly action: string;
  readonly method: string;
  readonly table: string | null;
  readonly recordId: number | null;
  readonly before: Row | null;
  readonly after: Row | null;
  readonly details: Row | null;
}

/** A database and the dispatcher over it, acting as 录入员甲. */
interface Session {
  readonly db: RegisterDatabase;
  readonly call: ApiCall;
}

let db: RegisterDatabase;
let call: ApiCall;
/** Methods seen to leave exactly one entry. */
const covered = new Set<string>();

const lastId = (on: RegisterDatabase = db) => (on.prepare('SELECT ifnull(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;

function entriesAfter(id: number, on: RegisterDatabase = db): Entry[] {
  const rows = on.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id').all(id) as Row[];
  const parse = (text: unknown) => (text === null ? null : (JSON.parse(String(text)) as Row));
  return rows.map((row) => ({
    user: row.user as string,
    action: row.action as string,
    method: row.method as string,
    table: row.target_table as string | null,
    recordId: row.record_id as number | null,
    before: parse(row.before_json),
    after: parse(row.after_json),
    details: parse(row.details),
  }));
}

async function value<T = Row>(method: string, input: unknown = {}, on: Session = { db, call }): Promise<T> {
  const result = await on.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

/** Calls a method that must succeed and leave exactly one entry; gives its value and the entry. */
async function withEntry<T = Row>(method: string, input: unknown, on: Session = { db, call }): Promise<{ value: T; entry: Entry }> {
  const from = lastId(on.db);
  const result = await value<T>(method, input, on);
  const entries = entriesAfter(from, on.db);
  expect(entries, method).toHaveLength(1);
  expect(entries[0]!.method).toBe(method);
  expect(entries[0]!.user).toBe('录入员甲');
  covered.add(method);
  return { value: result, entry: entries[0]! };
}

const csvFile = (name: string, lines: string[]) => ({
  name,
  content: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8').toString('base64'),
});

beforeAll(() => {
  db = openDatabase(':memory:', { create: true });
  call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '录入员甲', today: () => '2024-12-31' });
});

describe('settings', () => {
  it('records offices, the bureau name and list items with their values before and after', async () => {
    const created = await withEntry<{ id: number }>('office.create', { name: '城西司法所' });
    expect(created.entry).toMatchObject({ action: 'settings', table: 'office', recordId: created.value.id, before: null });
    expect(created.entry.after).toEqual({ id: created.value.id, name: '城西司法所', sort: 0, kind: 'township' });

    const renamed = await withEntry('office.rename', { id: created.value.id, name: '城西镇司法所' });
    expect(renamed.entry).toMatchObject({
      action: 'settings',
      recordId: created.value.id,
      before: { id: created.value.id, name: '城西司法所', sort: 0 },
      after: { id: created.value.id, name: '城西镇司法所', sort: 0 },
    });

    const named = await withEntry('settings.update', { bureauName: '潮州市湘桥区司法局' });
    expect(named.entry).toMatchObject({ action: 'settings', table: 'setting', before: { bureauName: null }, after: { bureauName: '潮州市湘桥区司法局' } });
    const renamedBureau = await withEntry('settings.update', { bureauName: '湘桥区司法局' });
    expect(renamedBureau.entry.before).toEqual({ bureauName: '潮州市湘桥区司法局' });

    const rules = { pendingMediationDays: 45, caseNumbering: { mediationCase: { pattern: null, series: 'office' }, legalAidCase: { pattern: null, series: 'county' } } };
    const ruled = await withEntry('workingRules.update', rules);
    expect(ruled.entry).toMatchObject({ action: 'settings', table: 'setting', before: { pendingMediationDays: 30 }, after: rules });

    const item = await withEntry('lists.addItem', { list: 'disputeType', label: '网络购物' });
    expect(item.entry).toMatchObject({ action: 'settings', table: 'list_item', after: { list: 'disputeType', code: 'custom_1', label: '网络购物' } });
  });
});

describe('accounts', () => {
  it('records an account added, changed, its password reset and its lock lifted — never a password or its hash', async () => {
    const password = 'Chushi2024mima';
    const from = lastId();
    const created = await withEntry<{ id: number }>('users.create', {
      username: 'chenjing',
      displayName: '陈静',
      role: 'viewer',
      officeId: null,
      password,
    });
    const shown = { username: 'chenjing', displayName: '陈静', role: 'viewer', officeId: null, officeName: null, disabled: false };
    expect(created.entry).toMatchObject({ action: 'user_create', table: 'app_user', recordId: created.value.id, before: null, after: shown });

    const updated = await withEntry('users.update', { id: created.value.id, displayName: '陈静', role: 'viewer', officeId: null, disabled: true });
    expect(updated.entry).toMatchObject({ action: 'user_update', before: shown, after: { ...shown, disabled: true } });

    const reset = await withEntry('users.resetPassword', { id: created.value.id, password: 'Xinmima2024' });
    expect(reset.entry).toMatchObject({ action: 'password_reset', recordId: created.value.id, details: { username: 'chenjing' } });
    const unlocked = await withEntry('users.unlock', { id: created.value.id });
    expect(unlocked.entry).toMatchObject({ action: 'user_unlock', recordId: created.value.id, details: { username: 'chenjing' } });

    const written = JSON.stringify(db.prepare('SELECT * FROM audit_log WHERE id > ?').all(from));
    expect(written).not.toContain(password);
    expect(written).not.toContain('Xinmima2024');
    expect(written).not.toContain('scrypt$');
  });
});

describe('every register', () => {
  const ids: Record<string, number> = {};
  const office = () => ids.office!;
  const cases: { register: string; table: string; record: () => Row; change: Row }[] = [
    {
      register: 'mediationOrg',
      table: 'mediation_org',
      record: () => ({ name: '城西镇人民调解委员会', kind: 'township', office_id: office(), founded_on: '2015-03-01' }),
      change: { founded_on: '2015-04-01' },
    },
    {
      register: 'mediator',
      table: 'mediator',
      record: () => ({ name: '苏海', id_number: '11010519491231002X', org_id: ids.mediationOrg, employment: 'fulltime', appointed_on: '2016-01-01' }),
      change: { employment: 'parttime' },
    },
    {
      register: 'mediationCase',
      table: 'mediation_case',
      record: () => ({
        case_no: '(2024)城西调字第0012号',
        org_id: ids.mediationOrg,
        received_on: '2024-03-01',
        source: 'apply',
        dispute_type: 'neighbour',
        parties: [{ name: '张三' }, { name: '李四', id_number: '11010519491231002X', role: '被申请人' }],
        mediator_ids: [ids.mediator],
        result: 'pending',
      }),
      change: { amount_fen: 500_000 },
    },
    {
      register: 'disputeSweep',
      table: 'dispute_sweep',
      record: () => ({ swept_on: '2024-05-01', office_id: office(), sweeps: 3 }),
      change: { sweeps: 4 },
    },
    {
      register: 'legalAidCase',
      table: 'legal_aid_case',
      record: () => ({
        case_no: '(2024)湘法援字第0001号',
        office_id: office(),
        received_on: '2024-01-14',
        source: 'application',
        category: 'civil',
        review_result: 'granted',
        recipient_name: '范远华',
        recipient_id_number: '11010519491231002X',
        handler_name: '袁磊平',
        handler_type: 'lawyer',
      }),
      change: { cause: '追索劳动报酬' },
    },
    {
      register: 'consultation',
      table: 'consultation',
      record: () => ({ consulted_on: '2024-05-02', office_id: office(), channel: 'visit', visitors: 2 }),
      change: { visitors: 3 },
    },
    {
      register: 'dutyShift',
      table: 'duty_shift',
      record: () => ({ duty_on: '2024-05-03', office_id: office(), place: 'court', lawyer: '宋强', help_count: 5 }),
      change: { help_count: 6 },
    },
    {
      register: 'correctionStint',
      table: 'correction_stint',
      record: () => ({
        name: '范超军',
        id_number: '11010519491231002X',
        office_id: office(),
        category: 'probation',
        term_start: '2024-01-03',
        term_end: '2026-01-02',
        entered_on: '2024-01-10',
      }),
      change: { supervision_level: 'strict' },
    },
    {
      register: 'correctionEvent',
      table: 'correction_event',
      record: () => ({ stint_id: ids.correctionStint, event_on: '2024-03-01', event_type: 'warning' }),
      change: { note: '未按时报到' },
    },
    {
      register: 'correctionActivity',
      table: 'correction_activity',
      record: () => ({ held_on: '2024-03-05', office_id: office(), activity_type: 'group_education', topic: '法治教育', attendance: 10 }),
      change: { attendance: 12 },
    },
    {
      register: 'investigation',
      table: 'investigation',
      record: () => ({ commission_no: '湘调评2024-001', office_id: office(), commissioned_on: '2024-02-01', commissioning_authority: 'court', subject_name: '黄某' }),
      change: { opinion: 'suitable', completed_on: '2024-02-20' },
    },
    {
      register: 'remoteVisit',
      table: 'remote_visit',
      record: () => ({ visited_on: '2024-06-01', office_id: office(), visits: 2 }),
      change: { visits: 3 },
    },
    {
      register: 'legalAdviser',
      table: 'legal_adviser',
      record: () => ({ name: '林律师', office_id: office(), identity: 'lawyer', villages: '东村、西村', appointed_on: '2023-01-01' }),
      change: { firm: '城东律师事务所' },
    },
    {
      register: 'legalAdviserService',
      table: 'legal_adviser_service',
      record: () => ({ served_on: '2024-04-02', office_id: office(), adviser_id: ids.legalAdviser, village: '东村', service_type: 'consultation', quantity: 4 }),
      change: { quantity: 5 },
    },
    {
      register: 'publicityActivity',
      table: 'publicity_activity',
      record: () => ({ held_on: '2024-04-03', office_id: office(), form: 'lecture', topic: '民法典进村', sessions: 1, audience: 80 }),
      change: { audience: 95 },
    },
    {
      register: 'resettlement',
      table: 'resettlement',
      record: () => ({
        name: '陈某',
        id_number: '110105198001101006',
        office_id: office(),
        person_type: 'prison',
        released_on: '2024-01-05',
        taken_over_on: '2024-01-08',
        help_ends_on: '2029-01-05',
      }),
      change: { resettlement_method: 'employment', resettled_on: '2024-03-01' },
    },
  ];

  beforeAll(async () => {
    ids.office = (await value<{ id: number }>('office.create', { name: '城东司法所' })).id;
  });

  it.each(cases)('$register: create, update, delete and restore each leave one entry with the record before and after', async (testCase) => {
    const { register, table } = testCase;
    const created = await withEntry<Row & { id: number }>(`${register}.create`, { record: testCase.record() });
    const id = created.value.id;
    ids[register] = id;
    expect(created.entry).toMatchObject({ action: 'create', table, recordId: id, before: null });
    expect(created.entry.after).toEqual(created.value);

    const stored = await value(`${register}.get`, { id });
    const updated = await withEntry<Row>(`${register}.update`, { id, record: { ...testCase.record(), ...testCase.change } });
    expect(updated.entry).toMatchObject({ action: 'update', table, recordId: id });
    expect(updated.entry.before).toEqual(stored);
    expect(updated.entry.after).toEqual(updated.value);
    expect(updated.entry.after).toMatchObject(testCase.change);

    const deleted = await withEntry(`${register}.delete`, { id });
    expect(deleted.entry).toMatchObject({ action: 'delete', table, recordId: id, before: updated.value });
    const { deleted_at: deletedAt, ...rest } = deleted.entry.after!;
    expect(typeof deletedAt).toBe('string');
    expect({ ...rest, deleted_at: null }).toEqual(updated.value);

    const restored = await withEntry<Row>(`${register}.restore`, { id });
    expect(restored.entry).toMatchObject({ action: 'restore', table, recordId: id, before: deleted.entry.after, after: restored.value });
    expect(restored.value.deleted_at).toBeNull();
  });

  it('leaves no entry for a call that is refused', async () => {
    const from = lastId();
    expect((await call('mediationCase.create', { record: { case_no: '' } })).ok).toBe(false);
    expect((await call('remoteVisit.update', { id: 999, record: {} })).ok).toBe(false);
    expect((await call('remoteVisit.delete', { id: 999 })).ok).toBe(false);
    expect((await call('office.rename', { id: 999, name: '无此单位' })).ok).toBe(false);
    expect((await call('import.undo', { importId: 999 })).ok).toBe(false);
    expect(entriesAfter(from)).toEqual([]);
  });
});

describe('imports, undo and exports', () => {
  it('records an import with its counts per sheet, and its undo', async () => {
    const sweeps = csvFile('矛盾纠纷排查.csv', ['日期,单位,排查次数,发现纠纷数,备注', '2024-07-01,城北司法所,2,1,', '2024-07-02,城北司法所,3,0,']);
    const imported = await withEntry<{ importId: number }>('import.commit', { files: [sweeps] });
    expect(imported.entry).toMatchObject({ action: 'import', table: 'import_log', recordId: imported.value.importId });
    expect(imported.entry.details).toEqual({
      importId: imported.value.importId,
      files: ['矛盾纠纷排查.csv'],
      sheets: [{ file: '矛盾纠纷排查.csv', sheet: '矛盾纠纷排查', rows: 2, added: 2, updated: 0, unchanged: 0 }],
      rejectedFiles: [],
      problems: 0,
      officesCreated: ['城北司法所'],
    });
    // The import's contents are not copied into the log.
    expect(JSON.stringify(imported.entry)).not.toContain(sweeps.content);

    const undone = await withEntry('import.undo', { importId: imported.value.importId });
    expect(undone.entry).toMatchObject({
      action: 'undo',
      table: 'import_log',
      recordId: imported.value.importId,
      before: { id: imported.value.importId, files: ['矛盾纠纷排查.csv'], undoneAt: null },
      // Two sweeps and the office the import created.
      after: { restored: 0, removed: 3 },
    });
  });

  it('records exports with their scope and file name', async () => {
    const scope = { from: '2024-01-01', to: '2024-12-31' };
    const xlsx = await withEntry<{ fileName: string }>('report.exportXlsx', scope);
    expect(xlsx.entry).toMatchObject({ action: 'export', details: { ...scope, fileName: '湘桥区司法局2024年统计表.xlsx' } });
    const docx = await withEntry<{ fileName: string }>('report.exportDocx', { ...scope, officeId: 1 });
    expect(docx.entry).toMatchObject({ action: 'export', details: { ...scope, officeId: 1, fileName: '城西镇司法所2024年工作情况报告.docx' } });
    const log = await withEntry<{ fileName: string }>('audit.export', { action: 'settings' });
    expect(log.entry).toMatchObject({ action: 'export', details: { action: 'settings', fileName: '湘桥区司法局审计日志2024-12-31.xlsx' } });
  });

  it('records the sample county as one import', async () => {
    const empty = openDatabase(':memory:', { create: true });
    const load = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: empty, user: '新用户', today: () => '2024-12-31' });
    const outcome = (await load('sample.load', {})) as ApiResult<{ importId: number }>;
    expect(outcome.ok).toBe(true);
    const entries = empty.prepare('SELECT action, method, user, record_id, details FROM audit_log').all() as Row[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'import', method: 'sample.load', user: '新用户', record_id: outcome.ok && outcome.value.importId });
    const sheets = (JSON.parse(entries[0]!.details as string) as { sheets: { added: number }[] }).sheets;
    expect(sheets).toHaveLength(16);
    expect(sheets.every((sheet) => sheet.added > 0)).toBe(true);
    covered.add('sample.load');
  });
});

describe('backups', () => {
  it('records a backup, and a restore in the restored database, naming the backup of what it replaced', async () => {
    const file = path.join(tempDir('audit-backup'), '台账.sqlite');
    const fileDb = openDatabase(file, { create: true });
    const session = { db: fileDb, call: createDispatcher({ access: BUREAU_ADMINISTRATOR, db: fileDb, user: '录入员甲', today: () => '2024-12-31', dbFile: file }) };
    await withEntry('office.create', { name: '城西司法所' }, session);
    const backup = await withEntry<{ backup: { file: string; name: string } }>('backup.create', {}, session);
    expect(backup.entry).toMatchObject({ action: 'backup', details: { file: backup.value.backup.file } });
    await withEntry('office.create', { name: '城东司法所' }, session);

    const restored = await value<{ preRestoreBackup: { file: string } }>('backup.restore', { file: backup.value.backup.name }, session);
    // The restored log is the backup's (the first office, entered before the backup), then the restore.
    const [first, restore, ...more] = entriesAfter(0, session.db);
    expect([first!.method, restore!.method, more]).toEqual(['office.create', 'backup.restore', []]);
    covered.add('backup.restore');
    expect(restore).toMatchObject({
      user: '录入员甲',
      action: 'restore_backup',
      before: { 调解组织: 0 },
      details: { restoredFrom: backup.value.backup.file, preRestoreBackup: restored.preRestoreBackup.file },
    });
    expect((await value('audit.verify', {}, session)).ok).toBe(true);
    // What the restore replaced, its own log included, is kept in the backup it names.
    expect(fs.existsSync(restored.preRestoreBackup.file)).toBe(true);
    const replaced = openDatabase(restored.preRestoreBackup.file, { create: false });
    expect(replaced.prepare('SELECT method FROM audit_log ORDER BY id').pluck().all()).toEqual(['office.create', 'backup.create', 'office.create']);
    replaced.close();

    const second = await withEntry('backup.setSecondFolder', { folder: tempDir('audit-second') }, session);
    expect(second.entry).toMatchObject({ action: 'settings', table: 'setting', before: { folder: null } });
    session.db.close();
  });
});

describe('数据交换', () => {
  it('records an invitation, a join, and each package made and taken in, with its office and records', async () => {
    const bureauDb = openDatabase(':memory:', { create: true });
    const officeDb = openDatabase(':memory:', { create: true });
    const bureau = { db: bureauDb, call: createDispatcher({ access: BUREAU_ADMINISTRATOR, db: bureauDb, user: '录入员甲', today: () => '2024-12-31' }) };
    const office = { db: officeDb, call: createDispatcher({ access: BUREAU_ADMINISTRATOR, db: officeDb, user: '录入员甲', today: () => '2024-12-31' }) };
    const invited = await withEntry<{ content: string }>('exchange.invite', { office: '城北司法所' }, bureau);
    expect(invited.entry).toMatchObject({ action: 'export', details: { office: '城北司法所', records: 0 } });
    const joined = await withEntry('exchange.join', { content: invited.value.content }, office);
    expect(joined.entry).toMatchObject({ action: 'import', details: { office: '城北司法所', records: 0 } });
    const made = await withEntry<{ content: string }>('exchange.export', {}, office);
    expect(made.entry).toMatchObject({ action: 'export', details: { office: '城北司法所', records: 0 } });
    const applied = await withEntry('exchange.import', { content: made.value.content }, bureau);
    expect(applied.entry).toMatchObject({ action: 'import', details: { office: '城北司法所', records: 0 } });
  });

  it('records the intranet settings before and after, and a sync as the packages sent and taken in at both ends', async () => {
    const bureauDb = openDatabase(':memory:', { create: true });
    const officeDb = openDatabase(':memory:', { create: true });
    const bureau = { db: bureauDb, call: createDispatcher({ access: BUREAU_ADMINISTRATOR, db: bureauDb, user: '录入员甲', today: () => '2024-12-31' }) };
    const office = { db: officeDb, call: createDispatcher({ access: BUREAU_ADMINISTRATOR, db: officeDb, user: '录入员甲', today: () => '2024-12-31' }) };
    const turnedOn = await withEntry<{ fingerprint: string }>('exchange.setListener', { enabled: true, address: '127.0.0.1', port: 8443 }, bureau);
    expect(turnedOn.entry).toMatchObject({
      action: 'settings',
      table: 'setting',
      before: { enabled: false, address: '', port: 8443 },
      after: { enabled: true, address: '127.0.0.1', port: 8443, fingerprint: turnedOn.value.fingerprint },
    });
    const invited = await value<{ content: string }>('exchange.invite', { office: '城北司法所' }, bureau);
    await value('exchange.join', { content: invited.content }, office);
    const listener = await startExchangeListener({ address: '127.0.0.1', port: 0, certificate: bureauCertificate(bureauDb)!, run: async (work) => work(bureauDb) });
    try {
      const link = await withEntry('exchange.setBureauLink', { ...bureauLink(officeDb), port: listener.port, intervalMinutes: 10 }, office);
      expect(link.entry).toMatchObject({
        action: 'settings',
        before: { address: '127.0.0.1', port: 8443, intervalMinutes: 5 },
        after: { address: '127.0.0.1', port: listener.port, intervalMinutes: 10 },
      });
      const officeId = officeDb.prepare("SELECT id FROM office WHERE name = '城北司法所'").pluck().get();
      await value('consultation.create', { record: { consulted_on: '2024-12-30', office_id: officeId, channel: 'phone', matter: 'civil', visitors: 1 } }, office);
      const [atOffice, atBureau] = [lastId(officeDb), lastId(bureauDb)];
      await value('exchange.syncNow', {}, office);
      covered.add('exchange.syncNow');
      // The record goes out and is taken in; the bureau's answer (an acknowledgement, no record) leaves no entry.
      const sent = { office: '城北司法所', records: 1 };
      const exported = entriesAfter(atOffice, officeDb);
      expect(exported).toMatchObject([{ user: '录入员甲', method: 'exchange.export', action: 'export', details: sent }]);
      // The bureau takes in the package of the sequence the office sent.
      expect(entriesAfter(atBureau, bureauDb)).toMatchObject([
        { user: '城北司法所（内网同步）', method: 'exchange.import', action: 'import', details: { ...sent, seq: exported[0]!.details!.seq } },
      ]);
      // A sync every few minutes with nothing to carry leaves none at either end.
      const [idleOffice, idleBureau] = [lastId(officeDb), lastId(bureauDb)];
      await value('exchange.syncNow', {}, office);
      expect(entriesAfter(idleOffice, officeDb)).toEqual([]);
      expect(entriesAfter(idleBureau, bureauDb)).toEqual([]);
    } finally {
      await listener.close();
    }
  });
});

describe('coverage', () => {
  it('has seen every write method of the contract leave its entry', () => {
    // A preview is queued with the writes (it streams inside a transaction it rolls back) but writes nothing.
    const writes = Object.entries(methods)
      .filter(([method, declaration]) => declaration.writes && method !== 'import.preview')
      .map(([method]) => method);
    expect(writes.filter((method) => !covered.has(method))).toEqual([]);
  });
});

describe('an entry that cannot be written', () => {
  it('keeps the change from being written, and says why', async () => {
    const local = openDatabase(':memory:', { create: true });
    const localCall = createDispatcher({ access: BUREAU_ADMINISTRATOR, db: local, user: '录入员乙', today: () => '2024-12-31' });
    local.exec("CREATE TRIGGER audit_refused BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, '审计日志写入失败'); END");
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await localCall('office.create', { name: '城西司法所' });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(local.prepare('SELECT count(*) AS n FROM office').get()).toEqual({ n: 0 });
  });
});
