// The one API contract: every method the UI (and the CLI's import) may call, with the zod
// schema of its input. Environment-neutral (no node: or DOM imports) so the renderer can take
// its types from here. Results cross every transport as data: { ok: true, value } or
// { ok: false, error: { kind, message, fieldErrors? } } — never as thrown exceptions.

import { z } from 'zod';
import { auditActions } from '../audit/actions.ts';
import type { RegisterName } from '../registers/register.ts';

export type ApiErrorKind = 'validation' | 'not_found' | 'conflict' | 'bad_request' | 'internal';

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

const ledgerFile = z.object({
  name: z.string().min(1).max(255),
  /** File content, base64. */
  content: z.string(),
});

const period = { from: isoDay, to: isoDay, officeId: officeScope };

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
  'settings.update': z.object({ bureauName: z.string().trim().min(1, { message: '局名称不能为空' }).max(50) }),
  'office.list': z.object({}),
  'office.create': z.object({ name: z.string().trim().min(1, { message: '单位名称不能为空' }).max(50) }),
  'office.rename': z.object({ id, name: z.string().trim().min(1, { message: '单位名称不能为空' }).max(50) }),
  'lists.get': z.object({}),
  'lists.addItem': z.object({ list: z.string(), label: z.string().trim().min(1, { message: '名称不能为空' }).max(30) }),
  'mediationCase.nextCaseNumber': z.object({ orgId: id, year: z.number().int().min(2000).max(2999) }),
  'legalAidCase.nextCaseNumber': z.object({ officeId: id, year: z.number().int().min(2000).max(2999) }),
  'report.indicators': z.object({}),
  'report.run': z.object({ ...period, compare: z.boolean().optional() }),
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
  'import.preview': z.object({ files: z.array(ledgerFile).min(1, { message: '请选择要导入的文件' }) }),
  'import.commit': z.object({ files: z.array(ledgerFile).min(1, { message: '请选择要导入的文件' }) }),
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
  ...(Object.fromEntries(
    registerNames.flatMap((register) =>
      Object.entries(registerMethods).map(([method, schema]) => [`${register}.${method}`, schema]),
    ),
  ) as unknown as Record<RegisterMethodName, typeof listInput>),
} satisfies Record<string, z.ZodType>;

export type MethodName = keyof typeof methodInputs;

/** Methods that change the database: the dispatcher runs them one at a time. */
export function isWrite(method: string): boolean {
  return /\.(create|update|delete|restore|rename|addItem|commit|undo|load)$/.test(method) || method === 'settings.update';
}
