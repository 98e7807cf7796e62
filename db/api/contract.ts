// The one API contract: every method the UI (and the CLI's import) may call, with the zod
// schema of its input. Environment-neutral (no node: or DOM imports) so the renderer can take
// its types from here. Results cross every transport as data: { ok: true, value } or
// { ok: false, error: { kind, message, fieldErrors? } } — never as thrown exceptions.

import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, USERNAME_PATTERN, USERNAME_RULE, passwordProblem, roles, type Role } from '../accounts/roles.ts';
import { auditActions } from '../audit/actions.ts';
import type { RegisterName } from '../registers/register.ts';

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

export const registerNames = [
  'mediationOrg',
  'mediator',
  'mediationCase',
  'disputeSweep',
  'legalAidCase',
  'consultation',
  'dutyShift',
  'correctionStint',
  'correctionEvent',
  'correctionActivity',
  'investigation',
  'remoteVisit',
] as const satisfies readonly RegisterName[];

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

/** The six methods every register has. */
const registerMethods = {
  list: listInput,
  get: z.object({ id }),
  create: z.object({ record }),
  update: z.object({ id, record }),
  delete: z.object({ id }),
  restore: z.object({ id }),
};

type RegisterMethodName = `${RegisterName}.${keyof typeof registerMethods}`;

// Import: the user's answers for unknown columns and values (registers.md §5, MAPPING.json's shape), and the register of CSV files whose name and columns do not say it.
const importAnswers = {
  mapping: z
    .object({ columns: z.record(z.string(), z.string().nullable()), values: z.record(z.string(), z.record(z.string(), z.string())) })
    .optional(),
  register: z.string().max(50).optional(),
};

const ledgerFile = z.object({
  name: z.string().min(1).max(255),
  /** File content, base64. */
  content: z.string(),
});

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

export const methodInputs = {
  'app.info': z.object({}),
  'registers.describe': z.object({}),
  'sample.load': z.object({}),
  'settings.update': z.object({ bureauName }),
  'office.list': z.object({}),
  'office.create': z.object({ name: z.string().trim().min(1, { message: '单位名称不能为空' }).max(50) }),
  'office.rename': z.object({ id, name: z.string().trim().min(1, { message: '单位名称不能为空' }).max(50) }),
  'lists.get': z.object({}),
  'lists.addItem': z.object({ list: z.string(), label: z.string().trim().min(1, { message: '名称不能为空' }).max(30) }),
  'mediationCase.nextCaseNumber': z.object({ orgId: id, year: z.number().int().min(2000).max(2999) }),
  'legalAidCase.nextCaseNumber': z.object({ officeId: id, year: z.number().int().min(2000).max(2999) }),
  'report.indicators': z.object({}),
  'report.run': z.object({ ...period, compare: z.boolean().optional() }),
  /** Counts of some flow measures (received, closed …) month by month, for the trend chart. */
  'report.monthly': z.object({ ...period, ids: z.array(z.string().min(1).max(100)).min(1).max(20) }),
  'report.drillDown': z.object({
    ...period,
    id: z.string().min(1),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  }),
  'report.quality': z.object({
    asOf: isoDay.optional(),
    officeId: officeScope,
    /** 调解中 longer than this many days is a warning (60 in the report, 30 on the home page). */
    pendingMediationDays: z.number().int().min(1).max(3650).optional(),
  }),
  'report.exportXlsx': z.object(period),
  'report.exportDocx': z.object(period),
  'import.preview': z.object({ files: z.array(ledgerFile).min(1, { message: '请选择要导入的文件' }), ...importAnswers }),
  'import.commit': z.object({ files: z.array(ledgerFile).min(1, { message: '请选择要导入的文件' }), ...importAnswers }),
  'import.history': z.object({}),
  'import.undo': z.object({ importId: id }),
  'backup.list': z.object({}),
  'backup.create': z.object({}),
  /** A backup's path, or its file name in the backup folder. */
  'backup.preview': z.object({ file: z.string().min(1, { message: '请选择备份文件' }).max(1000) }),
  'backup.restore': z.object({ file: z.string().min(1, { message: '请选择备份文件' }).max(1000) }),
  /** A USB disk or a share that gets a copy of each backup; null stops copying. */
  'backup.setSecondFolder': z.object({ folder: z.string().trim().max(1000).nullable() }),
  'audit.search': z.object({
    ...auditQuery,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  }),
  'audit.verify': z.object({}),
  'audit.export': z.object(auditQuery),
  'users.list': z.object({}),
  'users.create': z.object({ username, displayName, role: z.enum(roles), officeId: userOffice, password: newPassword }),
  'users.update': z.object({ id, displayName, role: z.enum(roles), officeId: userOffice, disabled: z.boolean() }),
  'users.resetPassword': z.object({ id, password: newPassword }),
  'users.unlock': z.object({ id }),
  ...(Object.fromEntries(
    registerNames.flatMap((register) =>
      Object.entries(registerMethods).map(([method, schema]) => [`${register}.${method}`, schema]),
    ),
  ) as unknown as Record<RegisterMethodName, typeof listInput>),
} satisfies Record<string, z.ZodType>;

export type MethodName = keyof typeof methodInputs;

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

/** Methods that change the database: the dispatcher runs them one at a time. */
export function isWrite(method: string): boolean {
  return (
    /\.(create|update|delete|restore|rename|addItem|commit|undo|load|resetPassword|unlock)$/.test(method) ||
    method === 'settings.update'
  );
}
