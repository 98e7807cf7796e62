// Who may call what: the permission table (every API method → what it takes: reading,
// writing records, importing, administering) and the office scoping of an office account —
// its lists, reports and exports are forced to its office, and a record of another office can
// be neither read nor written, nor moved there. The dispatcher asks here before every call
// (db/api/dispatcher.ts), so the rules hold whatever the UI offers. Refusals are UserErrors of
// kind 'forbidden' naming the account: 「您的账号（录入员，城西司法所）无权……」.

import { methods, sessionMethods, type MethodName, type Rule, type SessionMethodName, type UserView } from '../api/contract.ts';
import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { registerByName } from '../registers/index.ts';
import { statement, type RegisterDefinition, type RegisterName } from '../registers/register.ts';
import type { Role } from './roles.ts';
import { accountDescription } from './users.ts';

/** The caller as the permission rules see them. */
export type Access = Pick<UserView, 'role' | 'officeId' | 'officeName'>;

/** A bureau-level administrator: what in-process callers act as (tests, the CLI's plain databases). */
export const BUREAU_ADMINISTRATOR: Access = { role: 'admin', officeId: null, officeName: null };

/** Each method's rule, as its declaration gives it (the dispatcher's and the session's own). */
export const methodRules: Readonly<Record<MethodName | SessionMethodName, Rule>> = Object.fromEntries(
  Object.entries({ ...methods, ...sessionMethods }).map(([name, declaration]) => [name, declaration.rule]),
) as Record<MethodName | SessionMethodName, Rule>;

const rolesAllowed: Readonly<Record<Rule, readonly Role[]>> = {
  read: ['admin', 'clerk', 'viewer'],
  write: ['admin', 'clerk'],
  import: ['admin', 'clerk'],
  admin: ['admin'],
  session: ['admin', 'clerk', 'viewer'],
};

const refusedBecause: Readonly<Record<Rule, string>> = {
  read: '查看此项内容',
  write: '新增、修改或删除记录',
  import: '导入台账',
  admin: '进行此项操作：只有管理员可以管理设置、单位、账号、备份和审计日志',
  session: '进行此项操作',
};

function forbidden(access: Access, what: string): UserError {
  return new UserError(`您的账号（${accountDescription(access)}）无权${what}`, 'forbidden');
}

/** Refuses a method the role does not allow (whatever its input); unknown methods are refused too. */
export function checkRole(access: Access, method: string): void {
  const rule = Object.hasOwn(methodRules, method) ? methodRules[method as MethodName] : undefined;
  if (!rule || !rolesAllowed[rule].includes(access.role)) throw forbidden(access, refusedBecause[rule ?? 'admin']);
  if (method === 'import.undo' && access.officeId !== null) throw forbidden(access, '撤销导入：撤销导入需要局级账号');
}

/** Roles that may take 身份证号码 out in full in a ledger (a viewer sees them one record at a time, each view logged). */
const fullIdNumberRoles: readonly Role[] = ['admin', 'clerk'];

/** Refuses a ledger with 身份证号码 in full to an account whose role may not have one. */
export function checkFullIdNumbers(access: Access): void {
  if (!fullIdNumberRoles.includes(access.role)) throw forbidden(access, '导出完整的身份证号码（导出的台账中身份证号码已脱敏）');
}

export interface Authorized {
  /** The input to run the method with (an office account's queries scoped to its office). */
  readonly input: unknown;
  /** Runs a write of one record in a transaction that refuses it if the record ends in another office. */
  readonly guard?: (run: () => unknown) => unknown;
}

type Scoped = { officeId?: number | null };

/**
 * An office account's scoping of a call its role allows (checkRole first): the input forced to
 * its office, or a 'forbidden' UserError for another office's records.
 */
export function scopeToOffice(db: RegisterDatabase, access: Access, method: string, input: unknown): Authorized {
  const office = access.officeId;
  if (office === null) return { input };
  const notTheirs = () => forbidden(access, '查看或修改其他单位的记录');
  const scoped = (query: Scoped): Authorized => {
    if (query.officeId !== undefined && query.officeId !== null && query.officeId !== office) {
      throw forbidden(access, '查看其他单位的记录和统计，只能查看本单位的');
    }
    return { input: { ...query, officeId: office } };
  };

  switch (method) {
    case 'registers.usedValues':
    case 'report.run':
    case 'report.monthly':
    case 'report.drillDown':
    case 'report.exportDrillDown':
    case 'report.quality':
    case 'report.exportXlsx':
    case 'report.exportDocx':
    case 'ledger.export':
      return scoped(input as Scoped);
    case 'mediationCase.nextCaseNumber': {
      const orgOffice = statement(db, 'SELECT office_id FROM mediation_org WHERE id = ?').get((input as { orgId: number }).orgId) as
        | { office_id: number }
        | undefined;
      if (orgOffice && orgOffice.office_id !== office) throw notTheirs();
      return { input };
    }
    case 'legalAidCase.nextCaseNumber':
      if ((input as { officeId: number }).officeId !== office) throw notTheirs();
      return { input };
  }

  const dot = method.lastIndexOf('.');
  const register = registerByName.get(method.slice(0, dot) as RegisterName);
  const action = method.slice(dot + 1);
  if (!register) return { input };
  const officeOf = (id: number) => recordOffice(db, register, id);
  const mustBeTheirs = (id: number) => {
    const found = officeOf(id);
    if (found !== undefined && found !== office) throw notTheirs();
  };
  switch (action) {
    case 'list':
      return scoped(input as Scoped);
    case 'get':
    case 'delete':
    case 'restore':
      mustBeTheirs((input as { id: number }).id);
      return { input };
    case 'update': {
      const { id } = input as { id: number };
      mustBeTheirs(id);
      const guard = (run: () => unknown) =>
        db.transaction(() => {
          const value = run();
          mustBeTheirs(id);
          return value;
        })();
      return { input, guard };
    }
    case 'create': {
      const guard = (run: () => unknown) =>
        db.transaction(() => {
          const value = run() as { id: number };
          mustBeTheirs(value.id);
          return value;
        })();
      return { input, guard };
    }
  }
  return { input };
}

/** The office a record belongs to (by the register's officeSql); undefined when there is no such record. */
function recordOffice(db: RegisterDatabase, register: RegisterDefinition, id: number): number | null | undefined {
  const row = statement(db, `SELECT ${register.officeSql} AS office_id FROM ${register.table} t WHERE t.id = ?`).get(id) as
    | { office_id: number | null }
    | undefined;
  return row ? row.office_id : undefined;
}
