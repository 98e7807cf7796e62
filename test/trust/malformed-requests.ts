// Malformed requests against every method of the API contract, generated with fast-check:
// anything at all (fc.anything), objects shaped like the method's input with wrong types,
// huge strings, negative and non-finite numbers, impossible dates and SQL-looking text, and
// register records with such values in their real fields. Every call must resolve (never
// reject) to { ok: true } or to { ok: false } with a kind other than 'internal' and a message
// in Chinese; a refused call must leave every table exactly as it was (no partial write).
// Used by test/trust/properties.test.ts and by `npm run trust-report`.

import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { declarationOf, methods as declarations, type ApiResult } from '../../db/api/contract.ts';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher, type ApiCall } from '../../db/api/dispatcher.ts';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { registerByName } from '../../db/registers/index.ts';
import type { RegisterName } from '../../db/registers/register.ts';
import { tempDir } from '../support/cli.ts';
import type { ScenarioResult } from './scenarios/scenario.ts';

export const methods = Object.keys(declarations).sort();

/** A database file with a few records of each kind, and the dispatcher over it. */
export interface Target {
  readonly db: RegisterDatabase;
  readonly call: ApiCall;
  /** Closes the database and removes its folder (backups included). */
  close(): void;
}

export async function openTarget(): Promise<Target> {
  const dir = tempDir('malformed');
  const dbFile = path.join(dir, '台账.sqlite');
  const db = openDatabase(dbFile, { create: true, bureauName: '湘桥区司法局' });
  const call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '测试员', today: () => '2024-12-31', dbFile });
  const create = async (method: string, input: unknown) => {
    const result = (await call(method, input)) as ApiResult<{ id: number }>;
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value.id;
  };
  const office = await create('office.create', { name: '城西司法所' });
  const org = await create('mediationOrg.create', {
    record: { name: '城西镇人民调解委员会', kind: 'township', office_id: office, founded_on: '2015-03-01' },
  });
  const mediator = await create('mediator.create', { record: { name: '苏海', org_id: org, employment: 'fulltime', appointed_on: '2016-01-01' } });
  await create('mediationCase.create', {
    record: {
      case_no: '(2024)城西调字第0001号',
      org_id: org,
      received_on: '2024-03-01',
      source: 'apply',
      dispute_type: 'neighbour',
      parties: [{ name: '张三' }, { name: '李四', id_number: '11010519491231002X' }],
      mediator_ids: [mediator],
      result: 'pending',
    },
  });
  const stint = await create('correctionStint.create', {
    record: {
      name: '范超军',
      id_number: '11010519491231002X',
      office_id: office,
      category: 'probation',
      term_start: '2024-01-03',
      term_end: '2026-01-02',
      entered_on: '2024-01-10',
    },
  });
  await create('correctionEvent.create', { record: { stint_id: stint, event_on: '2024-03-01', event_type: 'warning' } });
  await create('disputeSweep.create', { record: { swept_on: '2024-05-01', office_id: office, sweeps: 3 } });
  return {
    db,
    call,
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every row of every table (the audit log and SQLite's own sequence table included). */
export function tablesDigest(db: RegisterDatabase): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).raw().all()]));
}

// ---- what is thrown at the API --------------------------------------------------------------

const hugeText = 'x'.repeat(1_000_000);

/** Values no field expects, or only just: the edges of each type. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "'); DROP TABLE office;--",
    "1' OR '1'='1",
    '%_\\',
    '__proto__',
    'constructor',
    '',
    ' ',
    '=cmd|\' /C calc\'!A0',
    hugeText,
    '2024-13-45',
    '2024-02-30',
    '0000-00-00',
    '9999-99-99',
    '2024-01-01',
    '2024-12-31',
    '11010519491231002X',
    '110105194912310021',
  ),
  fc.constantFrom(-1, 0, 1, 2, 3, 7, -0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 10 })), { maxKeys: 3 }),
);

/** A ledger file as the import methods take it: names and contents that are anything but a ledger. */
const hostileFile = fc.record({
  name: fc.oneof(fc.constantFrom('人民调解案件.csv', '台账.xlsx', 'a.xls', '../../etc/passwd', '', '.csv', 'CON.csv'), fc.string({ maxLength: 20 })),
  content: fc.oneof(fc.base64String({ maxLength: 400 }), fc.string({ maxLength: 50 }), fc.constant(Buffer.from('名称,类型\n=1+1,@x').toString('base64'))),
});

/** The keys a method's input has (its zod object's shape). */
function inputKeys(method: string): string[] {
  const schema = declarationOf(method)?.input as { shape?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.shape ?? {});
}

/** A register record with hostile values in the register's real fields. */
function hostileRecord(register: RegisterName): fc.Arbitrary<Record<string, unknown>> {
  const fields = registerByName.get(register)!.fields.map((field) => field.name);
  return fc.record(Object.fromEntries(fields.map((field) => [field, hostileValue])), { requiredKeys: [] });
}

/** Inputs shaped like the method's own, each key holding something hostile. */
function shapedInput(method: string): fc.Arbitrary<unknown> {
  const register = method.split('.')[0] as RegisterName;
  const value = (key: string): fc.Arbitrary<unknown> => {
    if (key === 'record' && registerByName.has(register)) return fc.oneof(hostileRecord(register), hostileValue);
    if (key === 'files') return fc.oneof(fc.array(hostileFile, { maxLength: 3 }), hostileValue);
    if (key === 'filters') return fc.oneof(fc.dictionary(fc.constantFrom('result', 'office_id', '__proto__', 'x; DROP'), hostileValue), hostileValue);
    return hostileValue;
  };
  return fc.record(Object.fromEntries(inputKeys(method).map((key) => [key, value(key)])), { requiredKeys: [] });
}

export function malformedInput(method: string): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: fc.anything() }, { weight: 3, arbitrary: shapedInput(method) });
}

/** Method names that are not methods: near misses, prototype keys, nonsense. */
export const unknownMethod = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'mediationCase.drop', 'office.delete', 'backup', ''),
  fc.string({ maxLength: 30 }).filter((name) => !Object.hasOwn(declarations, name)),
);

// ---- what must come back --------------------------------------------------------------------

const chinese = /[\u4e00-\u9fff]/;

export interface Tally {
  tried: number;
  accepted: number;
  refused: number;
  /** Calls that broke a rule: rejected promise, malformed result, internal error, English-only message, partial write. */
  broken: string[];
}

export const newTally = (): Tally => ({ tried: 0, accepted: 0, refused: 0, broken: [] });

/** Calls one method and checks the rules; a broken rule is described in the tally and the return value is false. */
export async function checkCall(target: Target, method: string, input: unknown, tally: Tally): Promise<boolean> {
  tally.tried++;
  const before = tablesDigest(target.db);
  let result: ApiResult;
  try {
    result = await target.call(method, input);
  } catch (error) {
    tally.broken.push(`${method}: 抛出异常 ${(error as Error).message}`);
    return false;
  }
  if (result?.ok === true) {
    tally.accepted++;
    return true;
  }
  tally.refused++;
  const error = result?.ok === false ? result.error : undefined;
  const problems = [
    !error && '结果格式不对',
    error?.kind === 'internal' && `内部错误：${error.message}`,
    error && !(typeof error.message === 'string' && chinese.test(error.message)) && `消息不是中文：${String(error.message)}`,
    tablesDigest(target.db) !== before && '被拒绝的请求改动了数据',
  ].filter(Boolean);
  if (problems.length === 0) return true;
  const shown = JSON.stringify(input, (_key, value: unknown) => (typeof value === 'string' && value.length > 80 ? `${value.slice(0, 80)}…` : value));
  tally.broken.push(`${method} ${shown?.slice(0, 300)}: ${problems.join('；')}`);
  return false;
}

/** Runs `runsPerMethod` generated inputs against every method, and unknown method names. */
export async function throwMalformedRequests(target: Target, runsPerMethod: number, seed?: number): Promise<Tally> {
  const tally = newTally();
  for (const method of methods) {
    await fc.assert(
      fc.asyncProperty(malformedInput(method), (input) => checkCall(target, method, input, tally)),
      { numRuns: runsPerMethod, ...(seed === undefined ? {} : { seed }), endOnFailure: true },
    ).catch(() => undefined);
  }
  await fc.assert(
    fc.asyncProperty(unknownMethod, hostileValue, (method, input) => checkCall(target, method, input, tally)),
    { numRuns: runsPerMethod, ...(seed === undefined ? {} : { seed }), endOnFailure: true },
  ).catch(() => undefined);
  return tally;
}

export async function malformedRequestsScenario(runsPerMethod = 20): Promise<ScenarioResult> {
  const target = await openTarget();
  try {
    const tally = await throwMalformedRequests(target, runsPerMethod);
    return {
      name: '畸形请求：每个接口方法的随机与恶意输入',
      figures: {
        接口方法数: methods.length,
        尝试的畸形请求: tally.tried,
        被拒绝的请求: tally.refused,
        被接受的请求: tally.accepted,
        违反规则的请求: tally.broken.length,
        ...(tally.broken.length > 0 ? { 第一个问题: tally.broken[0]! } : {}),
      },
      ok: tally.broken.length === 0,
    };
  } finally {
    target.close();
  }
}
