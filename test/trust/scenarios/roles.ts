// Role checks through the session, as the app runs them: a bureau with two offices (城西, 城东)
// and a record of every register in each; a 录入员 of 城西, a bureau-level 查看 account and the
// administrator. For every API method of the contract (methods and the session's own, so
// a new method is never missed), the 录入员 calls it with 城东's offices and records — and an
// administrator-only method with any input — and must be refused as 'forbidden' with nothing in
// the database or the key file changed; the 查看 account must be refused every write; the same
// calls by the administrator must not be refused. Used by test/accounts/roles.test.ts and by
// `npm run trust-report`.

import fs from 'node:fs';
import path from 'node:path';
import { createAppSession, type AppSession } from '../../../db/accounts/app-session.ts';
import { methodRules } from '../../../db/accounts/permissions.ts';
import { methods as apiMethods, registerNames, sessionMethods, type ApiResult } from '../../../db/api/contract.ts';
import { openDatabase, type RegisterDatabase } from '../../../db/database.ts';
import { keyFileOf, openUserSlot, readKeyFile } from '../../../db/encryption/key-file.ts';
import type { RegisterName } from '../../../db/registers/register.ts';
import { inTempDir, type ScenarioResult } from './scenario.ts';
import { GIVEN_PASSWORD, firstLogin } from '../../support/accounts.ts';

type Row = Record<string, unknown>;

export interface Login {
  readonly username: string;
  readonly password: string;
}

export const ADMIN = { username: 'admin', displayName: '管理员', password: 'Guanli2024admin' } as const;
export const CLERK_WEST = { username: 'chengxi', displayName: '城西录入员', password: 'Chengxi2024lu' } as const;
export const VIEWER = { username: 'chakan', displayName: '局机关查看', password: 'Chakan2024kan' } as const;
/** An account the administrator's calls may change (its password, its name) without disturbing the others. */
export const SPARE = { username: 'beiyong', displayName: '备用账号', password: 'Beiyong2024yong' } as const;

/** An 18-digit 身份证号码 with a right check digit: region 110105, born 1980-01-(n), sequence n. */
export function idNumber(n: number): string {
  const body = `110105198001${String(10 + (n % 18)).padStart(2, '0')}${String(100 + n).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A valid record of each register for an office; `n` keeps keys apart; `refs` are the office's organisation, mediator and stint. */
function recordOf(register: RegisterName, office: OfficeRecords, n: number): Row {
  const { officeId, prefix } = office;
  switch (register) {
    case 'mediationOrg':
      return { name: `${prefix}${n}号人民调解委员会`, kind: 'village', office_id: officeId, founded_on: '2015-03-01' };
    case 'mediator':
      return { name: `${prefix}调解员${n}`, org_id: office.ids.mediationOrg, employment: 'fulltime', appointed_on: '2016-01-01' };
    case 'mediationCase':
      return {
        case_no: `(2024)${prefix}调字第${String(n).padStart(4, '0')}号`,
        org_id: office.ids.mediationOrg,
        received_on: '2024-03-01',
        source: 'apply',
        dispute_type: 'neighbour',
        parties: [{ name: '张三' }, { name: '李四' }],
        mediator_ids: [office.ids.mediator],
        result: 'pending',
      };
    case 'disputeSweep':
      return { swept_on: `2024-05-${two(n)}`, office_id: officeId, sweeps: 3 };
    case 'legalAidCase':
      return {
        case_no: `(2024)${prefix}法援字第${String(n).padStart(4, '0')}号`,
        office_id: officeId,
        received_on: '2024-01-14',
        source: 'application',
        category: 'civil',
        review_result: 'granted',
        recipient_name: `${prefix}受援人${n}`,
        recipient_id_number: idNumber(office.seed + n),
        handler_name: '袁磊平',
        handler_type: 'lawyer',
      };
    case 'consultation':
      return { consulted_on: `2024-05-${two(n)}`, office_id: officeId, channel: 'visit', visitors: 2 };
    case 'dutyShift':
      return { duty_on: `2024-05-${two(n)}`, office_id: officeId, place: 'court', lawyer: `${prefix}律师${n}`, help_count: 5 };
    case 'correctionStint':
      return {
        name: `${prefix}矫正对象${n}`,
        id_number: idNumber(office.seed + 40 + n),
        office_id: officeId,
        category: 'probation',
        term_start: '2024-01-03',
        term_end: '2026-01-02',
        entered_on: '2024-01-10',
      };
    case 'correctionEvent':
      return { stint_id: office.ids.correctionStint, event_on: `2024-03-${two(n)}`, event_type: 'warning' };
    case 'correctionActivity':
      return { held_on: `2024-03-${two(n)}`, office_id: officeId, activity_type: 'group_education', topic: `法治教育${n}`, attendance: 10 };
    case 'investigation':
      return {
        commission_no: `${prefix}调评2024-${String(n).padStart(3, '0')}`,
        office_id: officeId,
        commissioned_on: '2024-02-01',
        commissioning_authority: 'court',
        subject_name: '黄某',
      };
    case 'remoteVisit':
      return { visited_on: `2024-06-${two(n)}`, office_id: officeId, visits: 2 };
    case 'legalAdviser':
      return { name: `${prefix}顾问${n}`, office_id: officeId, identity: 'lawyer', villages: `${prefix}村、${prefix}社区`, appointed_on: '2020-01-01' };
    case 'legalAdviserService':
      return {
        served_on: `2024-05-${two(n)}`,
        office_id: officeId,
        adviser_id: office.ids.legalAdviser,
        village: `${prefix}村`,
        service_type: 'consultation',
        quantity: 3,
      };
    case 'publicityActivity':
      return { held_on: `2024-04-${two(n)}`, office_id: officeId, form: 'lecture', topic: `${prefix}普法讲座`, sessions: 1, audience: 60 };
    case 'resettlement':
      return {
        name: `${prefix}帮教${n}`,
        id_number: idNumber(office.seed + n + 40),
        office_id: officeId,
        person_type: 'prison',
        released_on: '2024-01-05',
        taken_over_on: '2024-01-08',
        help_ends_on: '2029-01-05',
      };
  }
}

export interface OfficeRecords {
  readonly officeId: number;
  readonly name: string;
  /** 城西, 城东: the start of its names and numbers. */
  readonly prefix: string;
  /** Keeps its 身份证号码 apart from the other office's. */
  readonly seed: number;
  /** The record of each register made at setup. */
  readonly ids: Record<RegisterName, number>;
}

export interface AccountsWorld {
  readonly dbFile: string;
  readonly session: AppSession;
  readonly west: OfficeRecords;
  readonly east: OfficeRecords;
  /** Account ids by user name. */
  readonly userIds: Record<string, number>;
  /** An import the administrator made (for import.undo). */
  readonly importId: number;
  call(method: string, input?: unknown): Promise<ApiResult>;
  value<T = Row>(method: string, input?: unknown): Promise<T>;
  logIn(login: Login): Promise<void>;
  /** Every table of the database and the key file, as text: equal snapshots, nothing changed. */
  snapshot(): string;
  close(): void;
}

/** A ledger of 矛盾纠纷排查 for `office`, base64, as the import page sends it. */
export function sweepLedger(office: string, day: string) {
  const lines = ['日期,单位,排查次数,发现纠纷数,备注', `${day},${office},2,1,`];
  return { name: '矛盾纠纷排查.csv', content: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8').toString('base64') };
}

/** The bureau of this scenario in `dir`: set up, both offices filled, the accounts made; logged in as the administrator. */
export async function accountsWorld(dir: string): Promise<AccountsWorld> {
  const dbFile = path.join(dir, 'sftz.sqlite');
  const session = createAppSession({ dbFile, today: () => '2024-12-31' });
  const value = async <T = Row>(method: string, input: unknown = {}): Promise<T> => {
    const result = await session.call(method, input);
    if (!result.ok) throw new Error(`${method}：${result.error.message}`);
    return result.value as T;
  };
  await value('session.setup', { bureauName: '示例县司法局', ...ADMIN });
  const office = async (name: string, prefix: string, seed: number): Promise<OfficeRecords> => {
    const officeId = (await value<{ id: number }>('office.create', { name })).id;
    const made: OfficeRecords = { officeId, name, prefix, seed, ids: {} as Record<RegisterName, number> };
    for (const register of registerNames) {
      made.ids[register] = (await value<{ id: number }>(`${register}.create`, { record: recordOf(register, made, 1) })).id;
    }
    return made;
  };
  const west = await office('城西司法所', '城西', 0);
  const east = await office('城东司法所', '城东', 20);
  const userIds: Record<string, number> = {};
  for (const [login, role, officeId] of [
    [CLERK_WEST, 'clerk', west.officeId],
    [VIEWER, 'viewer', null],
    [SPARE, 'viewer', null],
  ] as const) {
    userIds[login.username] = (await value<{ id: number }>('users.create', { ...login, password: GIVEN_PASSWORD, role, officeId })).id;
  }
  for (const login of [CLERK_WEST, VIEWER, SPARE]) await firstLogin(session.call, login);
  await value('session.login', ADMIN);
  const importId = (await value<{ importId: number }>('import.commit', { files: [sweepLedger(east.name, '2024-07-01')] })).importId;

  const key = openUserSlot(readKeyFile(keyFileOf(dbFile))!, ADMIN.username, ADMIN.password)!;
  const reader: RegisterDatabase = openDatabase(dbFile, { create: false, key });
  const tables = (reader.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter(
    (name) => !name.startsWith('sqlite_stat'),
  );
  return {
    dbFile,
    session,
    west,
    east,
    userIds,
    importId,
    call: (method, input = {}) => session.call(method, input),
    value,
    logIn: async (login) => {
      await value('session.login', login);
    },
    snapshot: () =>
      JSON.stringify([
        ...tables.map((table) => reader.prepare(`SELECT * FROM "${table}"`).all()),
        fs.readFileSync(keyFileOf(dbFile), 'utf8'),
      ]),
    close: () => {
      reader.close();
      session.close();
    },
  };
}

/** Methods an account of any role may call that concern no office: reference data, the app's own. */
const officeless = new Set(['app.info', 'app.progress', 'registers.describe', 'office.list', 'lists.get', 'report.indicators', 'import.history', 'ledger.template', 'exchange.dataAsOf', 'workingRules.get']);
/** The session's methods that act for the caller themselves (logging in and out, one's own password). */
const ownSession = new Set(['session.status', 'session.setup', 'session.login', 'session.logout', 'session.lock', 'session.recover', 'session.changePassword']);

/** What each method is called with: 城东's offices and records, or (administrator-only) anything valid. */
function eastInputs(world: AccountsWorld, drillIndicator: string): Record<string, unknown> {
  const { east } = world;
  const period = { from: '2024-01-01', to: '2024-12-31', officeId: east.officeId };
  const perRegister = Object.fromEntries(
    registerNames.flatMap((register) => [
      [`${register}.list`, { officeId: east.officeId }],
      [`${register}.get`, { id: east.ids[register] }],
      [`${register}.create`, { record: recordOf(register, east, 2) }],
      [`${register}.update`, { id: east.ids[register], record: recordOf(register, east, 1) }],
      [`${register}.delete`, { id: east.ids[register] }],
      [`${register}.restore`, { id: east.ids[register] }],
    ]),
  );
  const spare = world.userIds[SPARE.username]!;
  return {
    ...perRegister,
    'mediationCase.nextCaseNumber': { orgId: east.ids.mediationOrg, year: 2024 },
    'legalAidCase.nextCaseNumber': { officeId: east.officeId, year: 2024 },
    'registers.usedValues': { register: 'correctionStint', field: 'crime', officeId: east.officeId },
    'report.run': period,
    'report.monthly': { ...period, ids: ['mediation.cases.received'] },
    'report.drillDown': { ...period, id: drillIndicator },
    'report.exportDrillDown': { ...period, id: drillIndicator },
    'report.quality': { officeId: east.officeId },
    'report.exportXlsx': period,
    'report.exportDocx': period,
    'ledger.export': { register: 'disputeSweep', format: 'csv', officeId: east.officeId },
    'import.preview': { files: [sweepLedger(east.name, '2024-07-02')] },
    'import.commit': { files: [sweepLedger(east.name, '2024-07-03')] },
    'import.undo': { importId: world.importId },
    'sample.load': {},
    'settings.update': { bureauName: '示例县司法局' },
    'workingRules.update': {
      pendingMediationDays: 30,
      caseNumbering: { mediationCase: { pattern: null, series: 'office' }, legalAidCase: { pattern: null, series: 'county' } },
    },
    'office.create': { name: '城南司法所' },
    'office.rename': { id: east.officeId, name: east.name },
    'lists.addItem': { list: 'disputeType', label: '网络购物' },
    'backup.list': {},
    'backup.create': {},
    'backup.preview': { file: 'sftz-2024-01-01-manual.sqlite' },
    'backup.restore': { file: 'sftz-2024-01-01-manual.sqlite' },
    'backup.setSecondFolder': { folder: null },
    'audit.search': {},
    'audit.verify': {},
    'audit.export': {},
    'users.list': {},
    'users.create': { username: 'chengdong', displayName: '城东录入员', role: 'clerk', officeId: east.officeId, password: 'Chengdong2024' },
    'users.update': { id: spare, displayName: '备用账号', role: 'viewer', officeId: null, disabled: false },
    'users.resetPassword': { id: spare, password: 'Beiyong2025new' },
    'users.unlock': { id: spare },
    'session.setIdleMinutes': { minutes: 30 },
    // 数据交换 (administrator only), with an office of its own: 城东's records stay editable at this bureau.
    'exchange.status': {},
    'exchange.invite': { office: '城北司法所' },
    'exchange.join': { content: 'AAAA' },
    'exchange.export': { office: '城北司法所' },
    'exchange.import': { content: 'AAAA' },
    // Turned off: the administrator's call saves the setting without opening a port.
    'exchange.intranetStatus': {},
    'exchange.setListener': { enabled: false, address: '127.0.0.1', port: 8443 },
    'exchange.setBureauLink': { enabled: false, address: '127.0.0.1', port: 8443, fingerprint: '', intervalMinutes: 5 },
    'exchange.syncNow': {},
  };
}

export interface RoleCheckOutcome {
  readonly methods: number;
  /** Calls refused as 'forbidden' (录入员 and 查看). */
  readonly refused: number;
  /** Refused calls after which a table or the key file differed. */
  readonly changed: number;
  /** Calls by the administrator (none refused). */
  readonly adminCalls: number;
  /** What did not hold, for people: empty when every check passed. */
  readonly problems: string[];
}

/** The checks of this scenario on a world made by accountsWorld. */
export async function checkRoles(world: AccountsWorld): Promise<RoleCheckOutcome> {
  const methods = [...Object.keys(apiMethods), ...Object.keys(sessionMethods)].sort();
  const indicators = await world.value<{ id: string }[]>('report.indicators');
  const inputs = eastInputs(world, indicators[0]!.id);
  const problems: string[] = [];
  let refused = 0;
  let changed = 0;
  let adminCalls = 0;

  const expectRefused = async (who: string, method: string, input: unknown) => {
    const before = world.snapshot();
    const result = await world.call(method, input);
    if (result.ok || result.error.kind !== 'forbidden') {
      problems.push(`${who} ${method}：应被拒绝（forbidden），实际 ${JSON.stringify(result).slice(0, 200)}`);
      return;
    }
    refused++;
    if (world.snapshot() !== before) {
      changed++;
      problems.push(`${who} ${method}：被拒绝，但数据库或密钥文件变了`);
    }
  };
  const expectAllowed = async (who: string, method: string, input: unknown) => {
    const result = await world.call(method, input);
    if (!result.ok && ['forbidden', 'unauthorized'].includes(result.error.kind)) {
      problems.push(`${who} ${method}：不应被拒绝，实际 ${result.error.kind}：${result.error.message}`);
    }
  };

  await world.logIn(CLERK_WEST);
  for (const method of methods) {
    if (ownSession.has(method)) continue;
    if (officeless.has(method)) await expectAllowed('城西录入员', method, {});
    else if (!Object.hasOwn(inputs, method)) problems.push(`${method}：本场景没有为它准备城东的输入`);
    else await expectRefused('城西录入员', method, inputs[method]);
  }
  const westCase = await world.value<Row & { id: number }>('legalAidCase.get', { id: world.west.ids.legalAidCase });
  await expectRefused('城西录入员（把本所记录改到城东）', 'legalAidCase.update', {
    id: westCase.id,
    record: { ...westCase, office_id: world.east.officeId },
  });

  await world.logIn(VIEWER);
  for (const method of methods) {
    if (ownSession.has(method) || (!Object.hasOwn(inputs, method) && !officeless.has(method))) continue;
    const rule = methodRules[method as keyof typeof methodRules];
    if (rule === 'read') await expectAllowed('查看', method, inputs[method] ?? {});
    else await expectRefused('查看', method, inputs[method]);
  }

  await world.logIn(ADMIN);
  for (const method of methods) {
    if (ownSession.has(method) || !Object.hasOwn(inputs, method)) continue;
    adminCalls++;
    await expectAllowed('管理员', method, inputs[method]);
  }
  return { methods: methods.length, refused, changed, adminCalls, problems };
}

export async function roleChecksScenario(): Promise<ScenarioResult> {
  return inTempDir('roles', async (dir) => {
    const world = await accountsWorld(dir);
    try {
      const outcome = await checkRoles(world);
      return {
        name: '角色与单位权限：录入员不能读写其他单位的记录或任何设置，查看账号不能写',
        figures: {
          检查的接口方法: outcome.methods,
          被拒绝的调用: outcome.refused,
          被拒绝后数据有变化的调用: outcome.changed,
          管理员同样调用未被拒绝: outcome.adminCalls,
          ...(outcome.problems.length > 0 ? { 问题: outcome.problems.slice(0, 5).join('；') } : {}),
        },
        ok: outcome.problems.length === 0 && outcome.changed === 0,
      };
    } finally {
      world.close();
    }
  });
}
