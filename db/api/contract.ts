// The one API contract: every method the UI and the CLI may call, each declared once — the zod
// schema of its input, the type of its value, who may call it, whether it writes and what it
// leaves in the audit log (`methods`, with the session's and the desktop's own); the dispatcher,
// the permission table, the audit trail and the renderer's typed `call` derive from it.
// Environment-neutral (no node: or DOM imports). The renderer imports nothing else of db/ (a lint
// rule keeps it so): the values' types, and the few pure values the window shares with the
// backend (role and audit-action labels, value readers, drill-down titles), come through here.
// Results cross every transport as data: { ok: true, value } or
// { ok: false, error: { kind, message, fieldErrors? } } — never as thrown exceptions.

import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, USERNAME_PATTERN, USERNAME_RULE, passwordProblem, roles, type Role } from '../accounts/roles.ts';
import { auditActions, type AuditAction } from '../audit/actions.ts';
import type { AuditVerification } from '../audit/audit-log.ts';
import type { ReadableLogEntry } from '../audit/readable-entry.ts';
import type { BackupFile } from '../backup/backup-files.ts';
import type { BackupPreview, RestoreOutcome } from '../backup/restore.ts';
import type { TakenBackup } from '../backup/take-backup.ts';
import type { OfficeDataAsOf } from '../exchange/data-as-of.ts';
import type { IntranetStatus } from '../exchange/exchange-api.ts';
import type { ExchangeStatus, PackageApplied } from '../exchange/exchange.ts';
import type { SyncOutcome } from '../exchange/intranet-sync.ts';
import type { ImportLogEntry } from '../import/import-history.ts';
import type { ImportOutcome } from '../import/import-ledger.ts';
import { registerNames, type FieldKind, type RegisterName } from '../registers/register.ts';
import type { DrillDown, MonthFigures, Report } from '../report/engine.ts';
import type { Register } from '../report/indicators.ts';
import type { QualityWarning } from '../report/quality.ts';
import { officeKindCodes, type OfficeKind } from '../settings/office-kinds.ts';
import { workingRules, type WorkingRules } from '../settings/working-rules.ts';
import type { Progress } from './progress.ts';

// What the window shares with the backend besides the methods: types of values and pure values.
export { BUREAU_LEVEL, PASSWORD_RULE, USERNAME_RULE, roleLabels, type Role } from '../accounts/roles.ts';
export { auditActionLabels, type AuditAction } from '../audit/actions.ts';
export type { AuditVerification } from '../audit/audit-log.ts';
export type { ReadableLogEntry } from '../audit/readable-entry.ts';
export type { BackupPreview, RestoreOutcome } from '../backup/restore.ts';
export type { TakenBackup } from '../backup/take-backup.ts';
export { dataAsOfHeading, type OfficeDataAsOf } from '../exchange/data-as-of.ts';
export type { IntranetStatus } from '../exchange/exchange-api.ts';
export type { ExchangeStatus, PackageApplied } from '../exchange/exchange.ts';
export type { BureauLink, ListenerSettings } from '../exchange/intranet-settings.ts';
export type { ImportLogEntry } from '../import/import-history.ts';
export type { ImportOutcome, ImportProblem, SheetReading, SheetSummary } from '../import/import-ledger.ts';
export { businessLines, registerNames, type BusinessLine, type FieldKind, type RegisterName } from '../registers/register.ts';
export { linePages, type LinePages, type RegisterPage } from '../registers/pages.ts';
export { readDate, readIdNumber, readMoneyFen, readWholeNumber, toHalfWidth, type Read } from '../registers/values.ts';
export type { CorrectionIdentity, DrillDown, DrillDownRow, MonthFigures, Report } from '../report/engine.ts';
export type { Register } from '../report/indicators.ts';
export type { QualityWarning } from '../report/quality.ts';
export { mayBeTownship, officeKinds, type OfficeKind } from '../settings/office-kinds.ts';
export { reminderDayRules, type NumberedRegister, type ReminderDayRule, type WorkingRules } from '../settings/working-rules.ts';
export type { Progress } from './progress.ts';

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

/**
 * The audit-log entry a method leaves (db/audit/audit-trail.ts writes it), by what it shows:
 * record: a register record before and after its change; personalNumbers: which full personal
 * numbers a record's reading showed (none: no entry); bureauName, workingRules, secondFolder: the
 * setting before and after; office, listItem: the office or list item before and after;
 * import: an import's counts per sheet; undo: the import undone and what undoing did; backup: the
 * backup file; restore: records per register before and after, and the backup of what it
 * replaced; account: the account before and after (never its password); username: whose
 * password was reset or lock lifted; file: an exported file and its scope; ledger: a ledger
 * export's scope and rows (recorded as 查看身份证号码 when the numbers went out in full).
 */
export type AuditEntryKind =
  | 'record'
  | 'personalNumbers'
  | 'bureauName'
  | 'workingRules'
  | 'secondFolder'
  | 'office'
  | 'listItem'
  | 'import'
  | 'undo'
  | 'backup'
  | 'restore'
  | 'account'
  | 'username'
  | 'file'
  | 'ledger';

/** What a method's call leaves in the audit log: the action people read and filter by, and what the entry shows. */
export interface AuditPlan {
  readonly action: AuditAction;
  readonly entry: AuditEntryKind;
}

/**
 * A method, declared once: its input schema, the type of its value (a zod type, not checked at
 * run time: the handlers are type-checked against it), who may call it, whether it changes the
 * database and what it leaves in the audit log.
 */
export interface MethodDeclaration<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  readonly input: Input;
  readonly output: Output;
  readonly rule: Rule;
  /** A write: the dispatcher runs writes one at a time, in the order they came. */
  readonly writes: boolean;
  /** Absent: the call leaves no entry. */
  readonly audit?: AuditPlan;
}

interface MethodOptions {
  readonly writes?: true;
  readonly audit?: AuditPlan;
}

const method = <Input extends z.ZodType, Output extends z.ZodType>(
  input: Input,
  output: Output,
  rule: Rule,
  { writes, audit }: MethodOptions = {},
): MethodDeclaration<Input, Output> => ({ input, output, rule, writes: writes === true, ...(audit ? { audit } : {}) });

/** The value a method answers with, as a zod type (its shape is the TypeScript type named). */
const value = <T>() => z.custom<T>();

const audited = (action: AuditAction, entry: AuditEntryKind): AuditPlan => ({ action, entry });
const WRITES = { writes: true } as const;

/** A record as the API returns it: SQL column names, plus joined columns in list rows. */
export type ApiRecord = Record<string, unknown> & { readonly id: number; readonly deleted_at?: string | null };

/** A page of a register's list. */
export interface RecordPage {
  readonly total: number;
  readonly rows: ApiRecord[];
}

const officeName = z.string().trim().min(1, { message: '单位名称不能为空' }).max(50);
const officeKind = z.enum(officeKindCodes, { message: '请选择单位类别' });

/** The six methods every register has. */
const registerMethods = {
  list: method(listInput, value<RecordPage>(), 'read'),
  /** A record with its personal numbers in full: the audit log records who saw them. */
  get: method(z.object({ id }), value<ApiRecord>(), 'read', { audit: audited('view', 'personalNumbers') }),
  create: method(z.object({ record }), value<ApiRecord>(), 'write', { writes: true, audit: audited('create', 'record') }),
  update: method(z.object({ id, record }), value<ApiRecord>(), 'write', { writes: true, audit: audited('update', 'record') }),
  delete: method(z.object({ id }), value<{ id: number }>(), 'write', { writes: true, audit: audited('delete', 'record') }),
  restore: method(z.object({ id }), value<ApiRecord>(), 'write', { writes: true, audit: audited('restore', 'record') }),
};

type RegisterMethods = typeof registerMethods;
/** list, get, create, update, delete, restore. */
export type RegisterAction = keyof RegisterMethods;
type RegisterMethodDeclarations = {
  readonly [M in `${RegisterName}.${keyof RegisterMethods}`]: M extends `${string}.${infer Action extends keyof RegisterMethods}`
    ? RegisterMethods[Action]
    : never;
};

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

const intranetPort = z.number({ message: '请填写端口' }).int({ message: '端口应为整数' }).min(1, { message: '端口应为 1 至 65535' }).max(65535, { message: '端口应为 1 至 65535' });

const auditQuery = {
  from: isoDay.nullish(),
  to: isoDay.nullish(),
  user: z.string().max(50).nullish(),
  action: z.enum(auditActions).nullish(),
  text: z.string().max(100).nullish(),
};

/** The bureau's name, today and whether there is any data (`app.info`). */
export interface AppInfo {
  readonly bureauName: string | null;
  readonly schemaVersion: number;
  /** Today as the backend sees it, `YYYY-MM-DD`. */
  readonly today: string;
  /** Cases and correction stints (of the account's office for an office account): 0 means an empty database. */
  readonly recordCount: number;
}

/** One field as `registers.describe` gives it. */
export interface FieldDescription {
  readonly name: string;
  /** Chinese label (the ledger's column header). */
  readonly header: string;
  readonly kind: FieldKind;
  readonly requiredColumn: boolean;
  /** The list a code or codeSet field takes its values from. */
  readonly list?: string;
  /** Smallest allowed value of an int field. */
  readonly min?: number;
}

/** A register as `registers.describe` gives it. */
export interface RegisterDescription {
  readonly name: RegisterName;
  readonly title: string;
  readonly group: string;
  /** The field that puts a record in a period (受理日期, 日期 …). */
  readonly dateField: string;
  readonly fields: readonly FieldDescription[];
  /** States the list can be narrowed to (在矫, 已解矫 …). */
  readonly statuses: readonly { readonly code: string; readonly label: string }[];
}

export interface ListItem {
  readonly code: string;
  readonly label: string;
}

/** A value list (纠纷类型, 专业领域 …) with its items (`lists.get`). */
export interface ValueList {
  readonly name: string;
  readonly title: string;
  /** Open to new items in 设置; the fixed ones are legal classifications. */
  readonly configurable: boolean;
  readonly items: readonly ListItem[];
}

/** An office as office.list gives it. */
export interface Office {
  readonly id: number;
  readonly name: string;
  readonly sort: number;
  /** 单位类别 (db/settings/office-kinds.ts): what rules needing a 司法所 read. */
  readonly kind: OfficeKind;
  /** "城西司法所 · 数据截至 2025-01-05 16:20" where this office's records are read-only here (a joined office's, at the bureau). */
  readonly readOnlyMark: string | null;
}

/** An indicator's label as `report.indicators` gives it. */
export interface IndicatorLabel {
  readonly id: string;
  readonly label: string;
  readonly register: Register;
}

/** A file made by the backend: its suggested name and its content, base64. */
export interface ExportedFile {
  readonly fileName: string;
  readonly content: string;
}

/** What a ledger export made (ledger.export's value, the CLI's ledger command). */
export interface LedgerExported extends ExportedFile {
  readonly rows: number;
  /** 身份证号码 written in full. */
  readonly fullIdNumbers: number;
}

/** `backup.list`: the backup folder, the second folder, and the backups newest first. */
export interface BackupListing {
  readonly folder: string;
  /** The USB disk or share that gets a copy of each backup, and whether it can be written now. */
  readonly secondFolder: { readonly folder: string; readonly reachable: boolean } | null;
  /** Whether today's automatic backup exists (it is taken at the day's first start). */
  readonly dailyTakenToday: boolean;
  readonly backups: readonly BackupEntry[];
}

export interface BackupEntry extends BackupFile {
  /** 每日, 手动 … */
  readonly kindLabel: string;
  /** Checked with integrity_check when written; its header (or first page) still shows a whole file of ours. */
  readonly verified: boolean;
}

export const methods = {
  'app.info': method(z.object({}), value<AppInfo>(), 'read'),
  /** The long work running now (import, backup, restore) and how far it has got; null when none. */
  'app.progress': method(z.object({}), value<Progress | null>(), 'read'),
  'registers.describe': method(z.object({}), value<RegisterDescription[]>(), 'read'),
  'sample.load': method(z.object({}), value<ImportOutcome>(), 'admin', { writes: true, audit: audited('import', 'import') }),
  'settings.update': method(z.object({ bureauName }), value<{ bureauName: string }>(), 'admin', {
    writes: true,
    audit: audited('settings', 'bureauName'),
  }),
  'office.list': method(z.object({}), value<Office[]>(), 'read'),
  /** A new office; its kind (单位类别) guessed from its name when not given. */
  'office.create': method(
    z.object({ name: officeName, kind: officeKind.optional() }),
    value<{ id: number; name: string }>(),
    'admin',
    { writes: true, audit: audited('settings', 'office') },
  ),
  /** A new name, and a new kind when given. */
  'office.rename': method(
    z.object({ id, name: officeName, kind: officeKind.optional() }),
    value<{ id: number; name: string }>(),
    'admin',
    { writes: true, audit: audited('settings', 'office') },
  ),
  'lists.get': method(z.object({}), value<ValueList[]>(), 'read'),
  'lists.addItem': method(
    z.object({ list: z.string(), label: z.string().trim().min(1, { message: '名称不能为空' }).max(30) }),
    value<{ list: string } & ListItem>(),
    'admin',
    { writes: true, audit: audited('settings', 'listItem') },
  ),
  'mediationCase.nextCaseNumber': method(z.object({ orgId: id, year: z.number().int().min(2000).max(2999) }), value<{ caseNo: string }>(), 'write'),
  'legalAidCase.nextCaseNumber': method(z.object({ officeId: id, year: z.number().int().min(2000).max(2999) }), value<{ caseNo: string }>(), 'write'),
  // 设置's working rules (调解中 threshold, case numbering)
  'workingRules.get': method(z.object({}), value<WorkingRules>(), 'read'),
  'workingRules.update': method(workingRules, value<WorkingRules>(), 'admin', { writes: true, audit: audited('settings', 'workingRules') }),
  /** Values already used in a free-text field, for the form's suggestions (db/registers/used-values.ts). */
  'registers.usedValues': method(
    z.object({ register: z.enum(registerNames), field: z.string().min(1).max(64), officeId: officeScope }),
    value<string[]>(),
    'read',
  ),
  'report.indicators': method(z.object({}), value<IndicatorLabel[]>(), 'read'),
  'report.run': method(z.object({ ...period, compare: z.boolean().optional() }), value<Report>(), 'read'),
  /** Counts of some flow measures (received, closed …) month by month, for the trend chart. */
  'report.monthly': method(z.object({ ...period, ids: z.array(z.string().min(1).max(100)).min(1).max(20) }), value<MonthFigures[]>(), 'read'),
  'report.drillDown': method(
    z.object({
      ...period,
      id: z.string().min(1),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    value<DrillDown>(),
    'read',
  ),
  // The records behind a figure as an Excel workbook (the report page's drill-down)
  'report.exportDrillDown': method(z.object({ ...period, id: z.string().min(1) }), value<ExportedFile>(), 'read', { audit: audited('export', 'file') }),
  'report.quality': method(
    z.object({
      asOf: isoDay.optional(),
      officeId: officeScope,
    }),
    value<QualityWarning[]>(),
    'read',
  ),
  'report.exportXlsx': method(z.object(period), value<ExportedFile>(), 'read', { audit: audited('export', 'file') }),
  'report.exportDocx': method(z.object(period), value<ExportedFile>(), 'read', { audit: audited('export', 'file') }),
  // A preview writes inside a transaction it rolls back while it streams the files: queued like a write, so no save lands in it.
  'import.preview': method(z.object({ files: z.array(ledgerFile).min(1, { message: '请选择要导入的文件' }), ...importAnswers }), value<ImportOutcome>(), 'import', WRITES),
  'import.commit': method(
    z.object({ files: z.array(ledgerFile).min(1, { message: '请选择要导入的文件' }), ...importAnswers }),
    value<ImportOutcome>(),
    'import',
    { writes: true, audit: audited('import', 'import') },
  ),
  'import.history': method(z.object({}), value<ImportLogEntry[]>(), 'read'),
  'import.undo': method(z.object({ importId: id }), value<{ restored: number; removed: number }>(), 'import', {
    writes: true,
    audit: audited('undo', 'undo'),
  }),
  'backup.list': method(z.object({}), value<BackupListing>(), 'admin'),
  /** Into 备份/ beside the database, or another folder (the CLI's --to). */
  'backup.create': method(z.object({ folder: z.string().trim().min(1).max(1000).optional() }), value<TakenBackup>(), 'admin', {
    writes: true,
    audit: audited('backup', 'backup'),
  }),
  /** A backup's path, or its file name in the backup folder. */
  'backup.preview': method(z.object({ file: z.string().min(1, { message: '请选择备份文件' }).max(1000) }), value<BackupPreview>(), 'admin'),
  'backup.restore': method(z.object({ file: z.string().min(1, { message: '请选择备份文件' }).max(1000) }), value<RestoreOutcome>(), 'admin', {
    writes: true,
    audit: audited('restore_backup', 'restore'),
  }),
  /** A USB disk or a share that gets a copy of each backup; null stops copying. */
  'backup.setSecondFolder': method(z.object({ folder: z.string().trim().max(1000).nullable() }), value<{ folder: string | null }>(), 'admin', {
    writes: true,
    audit: audited('settings', 'secondFolder'),
  }),
  'audit.search': method(
    z.object({
      ...auditQuery,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    value<{ total: number; rows: ReadableLogEntry[] }>(),
    'admin',
  ),
  'audit.verify': method(z.object({}), value<AuditVerification>(), 'admin'),
  'audit.export': method(z.object(auditQuery), value<ExportedFile>(), 'admin', { audit: audited('export', 'file') }),
  'users.list': method(z.object({}), value<UserRow[]>(), 'admin'),
  'users.create': method(
    z.object({ username, displayName, role: z.enum(roles), officeId: userOffice, password: newPassword }),
    value<UserRow>(),
    'admin',
    { writes: true, audit: audited('user_create', 'account') },
  ),
  'users.update': method(
    z.object({ id, displayName, role: z.enum(roles), officeId: userOffice, disabled: z.boolean() }),
    value<UserRow>(),
    'admin',
    { writes: true, audit: audited('user_update', 'account') },
  ),
  'users.resetPassword': method(z.object({ id, password: newPassword }), value<object>(), 'admin', {
    writes: true,
    audit: audited('password_reset', 'username'),
  }),
  'users.unlock': method(z.object({ id }), value<object>(), 'admin', { writes: true, audit: audited('user_unlock', 'username') }),
  // Ledgers out (导出台账): a register's list as narrowed, as .xlsx to print or CSV; its empty import template.
  'ledger.export': method(
    listInput.omit({ offset: true, limit: true }).extend({
      register: z.enum(registerNames),
      format: z.enum(ledgerFormats),
      /** 身份证号码 in full rather than masked (管理员 and 录入员 only; audited). */
      fullIdNumbers: z.boolean().default(false),
    }),
    value<LedgerExported>(),
    'read',
    { audit: audited('export', 'ledger') },
  ),
  'ledger.template': method(z.object({ register: z.enum(registerNames), format: z.enum(ledgerFormats) }), value<ExportedFile>(), 'read'),
  // 数据交换 (db/exchange/exchange-api.ts): files as base64.
  'exchange.status': method(z.object({}), value<ExchangeStatus>(), 'admin'),
  'exchange.invite': method(
    z.object({ office: z.string().trim().min(1, { message: '请填写司法所名称' }).max(50) }),
    value<ExportedFile & { records: number }>(),
    'admin',
    WRITES,
  ),
  'exchange.join': method(
    z.object({ content: z.string().min(1, { message: '请选择加入文件' }).max(700_000_000) }),
    value<{ office: string; records: number }>(),
    'admin',
    WRITES,
  ),
  'exchange.export': method(
    z.object({ office: z.string().trim().max(50).optional(), restore: z.boolean().optional() }),
    value<ExportedFile & { office: string; records: number; seq: number }>(),
    'admin',
    WRITES,
  ),
  'exchange.import': method(z.object({ content: z.string().min(1, { message: '请选择数据包' }).max(700_000_000) }), value<PackageApplied>(), 'admin', WRITES),
  /** Each joined office's 数据截至 beside a report ending on `to`. */
  'exchange.dataAsOf': method(z.object({ to: isoDay }), value<OfficeDataAsOf[]>(), 'read'),
  // 内网同步 (db/exchange/intranet*.ts): the bureau's listener, the office's link to it, a sync now. Changes audited by db/exchange/intranet-settings.ts.
  'exchange.intranetStatus': method(z.object({}), value<IntranetStatus>(), 'admin'),
  'exchange.setListener': method(z.object({ enabled: z.boolean(), address: z.string().max(100), port: intranetPort }), value<IntranetStatus>(), 'admin', WRITES),
  'exchange.setBureauLink': method(
    z.object({
      enabled: z.boolean(),
      address: z.string().max(255),
      port: intranetPort,
      fingerprint: z.string().max(200),
      intervalMinutes: z.number({ message: '请填写同步间隔（分钟）' }).int({ message: '同步间隔应为整数分钟' }).min(1, { message: '同步间隔应为 1 至 120 分钟' }).max(120, { message: '同步间隔应为 1 至 120 分钟' }),
    }),
    value<IntranetStatus>(),
    'admin',
    WRITES,
  ),
  'exchange.syncNow': method(z.object({}), value<SyncOutcome>(), 'admin', WRITES),
  ...(Object.fromEntries(
    registerNames.flatMap((register) => Object.entries(registerMethods).map(([action, declaration]) => [`${register}.${action}`, declaration])),
  ) as RegisterMethodDeclarations),
} satisfies Record<string, MethodDeclaration>;

export type MethodName = keyof typeof methods;

/**
 * The methods of the session itself (db/accounts/app-session.ts answers them; every other
 * method goes to the dispatcher, and only while someone is logged in). The session records
 * its own entries in the audit log (logins, password changes).
 */
export const sessionMethods = {
  /** Allowed in every state. */
  'session.status': method(z.object({}), value<SessionStatus>(), 'session'),
  /** Only before the first administrator exists; the recovery code is shown once. */
  'session.setup': method(
    z.object({ bureauName, username, displayName, password: newPassword }),
    value<{ user: UserView; recoveryCode: string }>(),
    'session',
  ),
  'session.login': method(
    z.object({ username: z.string().trim().min(1, { message: '请填写用户名' }).max(64), password: givenPassword }),
    value<{ user: UserView }>(),
    'session',
  ),
  'session.logout': method(z.object({}), value<object>(), 'session'),
  /** Locks now, keeping who was logged in for the lock screen (the renderer's idle timer calls it). */
  'session.lock': method(z.object({}), value<object>(), 'session'),
  /** A new password for an administrator account, with the recovery code shown at setup; logs in. */
  'session.recover': method(
    z.object({
      recoveryCode: z.string().trim().min(1, { message: '请填写恢复码' }).max(100),
      username,
      newPassword,
    }),
    value<{ user: UserView }>(),
    'session',
  ),
  'session.changePassword': method(z.object({ currentPassword: givenPassword, newPassword }), value<object>(), 'session'),
  'session.setIdleMinutes': method(
    z.object({
      minutes: z.number().int().min(1, { message: '应为 1 至 240 分钟' }).max(240, { message: '应为 1 至 240 分钟' }),
    }),
    value<{ idleMinutes: number }>(),
    'admin',
  ),
} satisfies Record<string, MethodDeclaration>;

export type SessionMethodName = keyof typeof sessionMethods;

/** A file as the API carries it in: its name and base64 content. */
export interface Base64File {
  readonly name: string;
  readonly content: string;
}

/**
 * The methods only the desktop app has (electron/desktop-methods.ts answers them in the main
 * process with native dialogs; nothing there touches the database, so no rule or audit plan).
 */
export const desktopMethods = {
  /** [] when the clerk cancels. */
  'desktop.chooseLedgerFiles': { input: z.object({}), output: value<Base64File[]>() },
  /** The saved file's path, or null when the clerk cancels. */
  'desktop.saveFile': {
    input: z.object({ suggestedName: z.string().min(1).max(255), content: z.string() }),
    output: value<string | null>(),
  },
  /** The window's current page as an A4 PDF: the saved file's path, or null when cancelled. */
  'desktop.printToPdf': {
    input: z.object({ suggestedName: z.string().min(1).max(255).optional(), landscape: z.boolean().optional() }),
    output: value<string | null>(),
  },
} satisfies Record<string, Pick<MethodDeclaration, 'input' | 'output'>>;

export type DesktopMethodName = keyof typeof desktopMethods;

type AllMethods = typeof methods & typeof sessionMethods & typeof desktopMethods;

/** Every method a window may call: the dispatcher's, the session's and the desktop's. */
export type AnyMethodName = keyof AllMethods;

/** What a caller sends to a method (before the schema fills in defaults). */
export type MethodInput<M extends AnyMethodName> = z.input<AllMethods[M]['input']>;

/** What the schema hands the method's handler. */
export type ParsedInput<M extends AnyMethodName> = z.output<AllMethods[M]['input']>;

/** The value a method answers with. */
export type MethodOutput<M extends AnyMethodName> = z.output<AllMethods[M]['output']>;

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

/** The method's declaration, or undefined for a name the dispatcher does not know. */
export function declarationOf(name: string): MethodDeclaration | undefined {
  return Object.hasOwn(methods, name) ? methods[name as MethodName] : undefined;
}
