// The one API contract: every method the UI and the CLI may call, each declared once — the zod
// schema of its input, who may call it, whether it writes (`methods`); the dispatcher and the
// permission table derive from it. Environment-neutral (no node: or DOM imports) so the renderer can take
// its types from here. Results cross every transport as data: { ok: true, value } or
// { ok: false, error: { kind, message, fieldErrors? } } — never as thrown exceptions.

import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, USERNAME_PATTERN, USERNAME_RULE, passwordProblem, roles, type Role } from '../accounts/roles.ts';
import { auditActions } from '../audit/actions.ts';
import { workingRules } from '../settings/working-rules.ts';
import { registerNames, type RegisterName } from '../registers/register.ts';

/**
 * `unauthorized`: nobody is logged in, the password is wrong or the account is locked;
 * `forbidden`: the account's role or office does not allow the call.
 */
export type ApiErrorKind =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'internal';

export interface ApiError {
  readonly kind: ApiErrorKind;
  /** For people, in Chinese. */
  readonly message: string;
  /** Per-field messages for forms: field name → message. */
  readonly fieldErrors?: Record<string, string>;
}

export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

export { registerNames } from '../registers/register.ts';

/** The files a ledger is taken out as: .xlsx laid out for printing, CSV to exchange. */
export const ledgerFormats = ['xlsx', 'csv'] as const;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 YYYY-MM-DD' });
const id = z.number().int().positive();
const officeScope = id.nullish();

export const listInput = z.object({
  officeId: officeScope,
  from: isoDay.nullish(),
  to: isoDay.nullish(),
  search: z.string().max(100).nullish(),
  filters: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  status: z.string().max(30).nullish(),
  sort: z.string().max(64).nullish(),
  descending: z.boolean().optional(),
  deleted: z.boolean().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

const record = z.record(z.string(), z.unknown());

/**
 * Who may call a method (db/accounts/permissions.ts gives each rule its roles). read: lists,
 * records, reports (every role). write: register records (录入员, 管理员). import: ledger imports
 * (bureau-level 录入员, 管理员). admin: settings, offices, lists, sample data, backups, the audit
 * log, accounts (管理员). session: the session's own methods, which act for whoever calls them.
 */
export type Rule = 'read' | 'write' | 'import' | 'admin' | 'session';

/** A method, declared once: its input schema, who may call it, and whether it changes the database. */
export interface MethodDeclaration<Input extends z.ZodType = z.ZodType> {
  readonly input: Input;
  readonly rule: Rule;
  /** A write: the dispatcher runs writes one at a time, in the order they came. */
  readonly writes: boolean;
}

const WRITES = true;

const method = <Input extends z.ZodType>(input: Input, rule: Rule, writes = false): MethodDeclaration<Input> => ({ input, rule, writes });

/** The six methods every register has. */
const registerMethods = {
  list: method(listInput, 'read'),
  get: method(z.object({ id }), 'read'),
  create: method(z.object({ record }), 'write', WRITES),
  update: method(z.object({ id, record }), 'write', WRITES),
  delete: method(z.object({ id }), 'write', WRITES),
  restore: method(z.object({ id }), 'write', WRITES),
};

type RegisterMethodName = `${RegisterName}.${keyof typeof registerMethods}`;

// Import: the user's answers for unknown columns and values (registers.md §5, MAPPING.json's shape), and the register of CSV files whose name and columns do not say it.
const importAnswers = {
  mapping: z
    .object({ columns: z.record(z.string(), z.string().nullable()), values: z.record(z.string(), z.record(z.string(), z.string())) })
    .optional(),
  register: z.string().max(50).optional(),
};

const ledgerName = z.string().min(1).max(255);
/**
 * A ledger: its content, base64; or, from the command line only, its path on this machine, read
 * as a stream (a county's ledgers of hundreds of megabytes are never held in memory). The
 * handlers refuse a path from any other transport (HandlerContext.readsLocalFiles).
 */
const ledgerFile = z.union([z.object({ name: ledgerName, content: z.string() }), z.object({ name: ledgerName, path: z.string().min(1) })]);

const period = { from: isoDay, to: isoDay, officeId: officeScope };

const username = z
  .string()
  .trim()
  .min(1, { message: '请填写用户名' })
  .max(32, { message: '用户名不能超过 32 个字' })
  .regex(USERNAME_PATTERN, { message: USERNAME_RULE });
const displayName = z.string().trim().min(1, { message: '请填写姓名' }).max(30, { message: '姓名不能超过 30 个字' });
/** A password being chosen: the rule of db/accounts/roles.ts. */
const newPassword = z.string().superRefine((password, context) => {
  const problem = passwordProblem(password);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});
/** A password being typed to log in: checked against the stored one, not against the rule. */
const givenPassword = z.string().min(1, { message: '请输入密码' }).max(PASSWORD_MAX_LENGTH);
const bureauName = z.string().trim().min(1, { message: '局名称不能为空' }).max(50);
/** 局机关 (null) or one office. */
const userOffice = id.nullable();

const auditQuery = {
  from: isoDay.nullish(),
  to: isoDay.nullish(),
  user: z.string().max(50).nullish(),
  action: z.enum(auditActions).nullish(),
  text: z.string().max(100).nullish(),
};

export const methods = {
  'app.info': method(z.object({}), 'read'),
  /** The long work running now (import, backup, restore) and how far it has got; null when none. */
  'app.progress': method(z.object({}), 'read'),
  'registers.describe': method(z.object({}), 'read'),
  'sample.load': method(z.object({}), 'admin', WRITES),
  'settings.update': method(z.object({ bureauName }), 'admin', WRITES),
  'office.list': method(z.object({}), 'read'),
  'office.create': method(z.object({ name: z.string().trim().min(1, { message: '单位名称不能为空' }).max(50) }), 'admin', WRITES),
  'office.rename': method(z.object({ id, name: z.string().trim().min(1, { message: '单位名称不能为空' }).max(50) }), 'admin', WRITES),
  'lists.get': method(z.object({}), 'read'),
  'lists.addItem': method(z.object({ list: z.string(), label: z.string().trim().min(1, { message: '名称不能为空' }).max(30) }), 'admin', WRITES),
  'mediationCase.nextCaseNumber': method(z.object({ orgId: id, year: z.number().int().min(2000).max(2999) }), 'write'),
  'legalAidCase.nextCaseNumber': method(z.object({ officeId: id, year: z.number().int().min(2000).max(2999) }), 'write'),
  // 设置's working rules (调解中 threshold, case numbering)
  'workingRules.get': method(z.object({}), 'read'),
  'workingRules.update': method(workingRules, 'admin', WRITES),
  /** Values already used in a free-text field, for the form's suggestions (db/registers/used-values.ts). */
  'registers.usedValues': method(z.object({ register: z.enum(registerNames), field: z.string().min(1).max(64), officeId: officeScope }), 'read'),
  'report.indicators': method(z.object({}), 'read'),
  'report.run': method(z.object({ ...period, compare: z.boolean().optional() }), 'read'),
  /** Counts of some flow measures (received, closed …) month by month, for the trend chart. */
  'report.monthly': method(z.object({ ...period, ids: z.array(z.string().min(1).max(100)).min(1).max(20) }), 'read'),
  'report.drillDown': method(z.object({
    ...period,
    id: z.string().min(1),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  }), 'read'),
  // The records behind a figure as an Excel workbook (the report page's drill-down)
  'report.exportDrillDown': method(z.object({ ...period, id: z.string().min(1) }), 'read'),
  'report.quality': method(z.object({
    asOf: isoDay.optional(),
    officeId: officeScope,
    /** 调解中 longer than this many days is a warning (60 in the report, 30 on the home page). */
    pendingMediationDays: z.number().int().min(1).max(3650).optional(),
  }), 'read'),
  'report.exportXlsx': method(z.object(period), 'read'),
  'report.exportDocx': method(z.object(period), 'read'),
  // A preview writes inside a transaction it rolls back while it streams the files: queued like a write, so no save lands in it.
  'import.preview': method(z.object({ files: z.array(ledgerFile).min(1, { message: '请选择要导入的文件' }), ...importAnswers }), 'import', WRITES),
  'import.commit': method(z.object({ files: z.array(ledgerFile).min(1, { message: '请选择要导入的文件' }), ...importAnswers }), 'import', WRITES),
  'import.history': method(z.object({}), 'read'),
  'import.undo': method(z.object({ importId: id }), 'import', WRITES),
  'backup.list': method(z.object({}), 'admin'),
  /** Into 备份/ beside the database, or another folder (the CLI's --to). */
  'backup.create': method(z.object({ folder: z.string().trim().min(1).max(1000).optional() }), 'admin', WRITES),
  /** A backup's path, or its file name in the backup folder. */
  'backup.preview': method(z.object({ file: z.string().min(1, { message: '请选择备份文件' }).max(1000) }), 'admin'),
  'backup.restore': method(z.object({ file: z.string().min(1, { message: '请选择备份文件' }).max(1000) }), 'admin', WRITES),
  /** A USB disk or a share that gets a copy of each backup; null stops copying. */
  'backup.setSecondFolder': method(z.object({ folder: z.string().trim().max(1000).nullable() }), 'admin', WRITES),
  'audit.search': method(z.object({
    ...auditQuery,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  }), 'admin'),
  'audit.verify': method(z.object({}), 'admin'),
  'audit.export': method(z.object(auditQuery), 'admin'),
  'users.list': method(z.object({}), 'admin'),
  'users.create': method(z.object({ username, displayName, role: z.enum(roles), officeId: userOffice, password: newPassword }), 'admin', WRITES),
  'users.update': method(z.object({ id, displayName, role: z.enum(roles), officeId: userOffice, disabled: z.boolean() }), 'admin', WRITES),
  'users.resetPassword': method(z.object({ id, password: newPassword }), 'admin', WRITES),
  'users.unlock': method(z.object({ id }), 'admin', WRITES),
  // Ledgers out (导出台账): a register's list as narrowed, as .xlsx to print or CSV; its empty import template.
  'ledger.export': method(
    listInput.omit({ offset: true, limit: true }).extend({
      register: z.enum(registerNames),
      format: z.enum(ledgerFormats),
      /** 身份证号码 in full rather than masked (管理员 and 录入员 only; audited). */
      fullIdNumbers: z.boolean().default(false),
    }),
    'read',
  ),
  'ledger.template': method(z.object({ register: z.enum(registerNames), format: z.enum(ledgerFormats) }), 'read'),
  // 数据交换 (db/exchange/exchange-api.ts): files as base64.
  'exchange.status': method(z.object({}), 'admin'),
  'exchange.invite': method(z.object({ office: z.string().trim().min(1, { message: '请填写司法所名称' }).max(50) }), 'admin', WRITES),
  'exchange.join': method(z.object({ content: z.string().min(1, { message: '请选择加入文件' }).max(700_000_000) }), 'admin', WRITES),
  'exchange.export': method(z.object({ office: z.string().trim().max(50).optional(), restore: z.boolean().optional() }), 'admin', WRITES),
  'exchange.import': method(z.object({ content: z.string().min(1, { message: '请选择数据包' }).max(700_000_000) }), 'admin', WRITES),
  /** Each joined office's 数据截至 beside a report ending on `to`. */
  'exchange.dataAsOf': method(z.object({ to: isoDay }), 'read'),
  ...(Object.fromEntries(
    registerNames.flatMap((register) =>
      Object.entries(registerMethods).map(([action, declaration]) => [`${register}.${action}`, declaration]),
    ),
  ) as unknown as Record<RegisterMethodName, MethodDeclaration<typeof listInput>>),
} satisfies Record<string, MethodDeclaration>;

export type MethodName = keyof typeof methods;

/** Each method's input schema, from its declaration. */
export const methodInputs = Object.fromEntries(Object.entries(methods).map(([name, declaration]) => [name, declaration.input])) as {
  readonly [M in MethodName]: (typeof methods)[M]['input'];
};

/**
 * The methods of the session itself (db/accounts/app-session.ts answers them; every other
 * method goes to the dispatcher, and only while someone is logged in).
 */
export const sessionMethodInputs = {
  /** Allowed in every state. */
  'session.status': z.object({}),
  /** Only before the first administrator exists. */
  'session.setup': z.object({ bureauName, username, displayName, password: newPassword }),
  'session.login': z.object({ username: z.string().trim().min(1, { message: '请填写用户名' }).max(64), password: givenPassword }),
  'session.logout': z.object({}),
  /** Locks now, keeping who was logged in for the lock screen (the renderer's idle timer calls it). */
  'session.lock': z.object({}),
  /** A new password for an administrator account, with the recovery code shown at setup; logs in. */
  'session.recover': z.object({
    recoveryCode: z.string().trim().min(1, { message: '请填写恢复码' }).max(100),
    username,
    newPassword,
  }),
  'session.changePassword': z.object({ currentPassword: givenPassword, newPassword }),
  'session.setIdleMinutes': z.object({
    minutes: z.number().int().min(1, { message: '应为 1 至 240 分钟' }).max(240, { message: '应为 1 至 240 分钟' }),
  }),
} satisfies Record<string, z.ZodType>;

export type SessionMethodName = keyof typeof sessionMethodInputs;

export type { Role };

export type SessionState = 'setup' | 'locked' | 'open';

/** An account as the session and the user methods show it (never its password or hash). */
export interface UserView {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** null: 局机关, the whole bureau. */
  readonly officeId: number | null;
  readonly officeName: string | null;
  /** The password is one an administrator gave: nothing but changing it is allowed until it is changed. */
  readonly mustChangePassword: boolean;
}

/** An account in the user list (users.*). */
export interface UserRow extends UserView {
  readonly disabled: boolean;
  /** ISO time the lock after failed logins ends; null when not locked. */
  readonly lockedUntil: string | null;
  /** ISO time of the last login; null before the first. */
  readonly lastLoginAt: string | null;
}

export interface SessionStatus {
  readonly state: SessionState;
  readonly bureauName: string | null;
  /** The logged-in user; when locked by session.lock or idle time, who was (for the lock screen). */
  readonly user: UserView | null;
  /** Minutes without a call after which the session locks itself. */
  readonly idleMinutes: number;
}

/** Methods that change the database, as declared: the dispatcher runs them one at a time. */
export function isWrite(name: string): boolean {
  return Object.hasOwn(methods, name) && methods[name as MethodName].writes;
}
