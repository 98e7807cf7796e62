// An audit entry as an inspector reads it: the record named by its case number or name (not
// 「人民调解案件 #2013」), the user's display name, the action in Chinese (修改人民调解案件, not
// mediationCase.update), the local time, and each changed field by its label with its values
// as the UI shows them (code → label, 元 with two decimals, 是/否, the office's name). The
// log's page and its Excel export both read entries through here.

import type { RegisterDatabase } from '../database.ts';
import { registers } from '../registers/index.ts';
import type { FieldSpec, RegisterDefinition } from '../registers/register.ts';
import { loadVocabulary } from '../registers/store.ts';
import type { ListName, Vocabulary } from '../registers/vocabulary.ts';
import { officeKinds, type OfficeKind } from '../settings/office-kinds.ts';
import { reminderDayRules } from '../settings/working-rules.ts';
import { auditActionLabels, type AuditAction } from './actions.ts';
import { localTimestamp } from './audit-log.ts';
import type { AuditLogEntry } from './audit-search.ts';

export interface ReadableChange {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

export interface ReadableAuditEntry {
  /** The local time, YYYY-MM-DD HH:mm:ss. */
  readonly time: string;
  /** 系统管理员 for admin; the stored user when no account has that name. */
  readonly userName: string;
  /** 修改人民调解案件, 导入, 登录 … */
  readonly actionText: string;
  /** (2024)城西调字第0012号, 苏海 …; '' when the entry concerns no record. */
  readonly object: string;
  readonly changes: readonly ReadableChange[];
}

const registerByTable = new Map(registers.map((register) => [register.table, register]));

/** Columns that are not a register's fields, by their Chinese names. */
const otherColumns: Readonly<Record<string, string>> = {
  id: '记录编号',
  deleted_at: '删除时间',
  created_at: '创建时间',
  updated_at: '修改时间',
  party_names: '当事人',
  party_count: '当事人人数',
  office_name: '单位',
  name: '名称',
  bureauName: '本局名称',
  folder: '第二备份位置',
  display_name: '姓名',
  displayName: '姓名',
  username: '用户名',
  role: '角色',
  office_id: '单位',
  officeId: '单位',
  officeName: '单位名称',
  disabled: '停用',
  sort: '排序',
  kind: '单位类别',
  ...Object.fromEntries(Object.entries(reminderDayRules).map(([name, rule]) => [name, rule.label])),
  caseNumbering: '案件编号规则',
};

/** The fields that name a record, in order of preference. */
const namingFields = ['case_no', 'commission_no', 'name', 'subject_name', 'recipient_name', 'topic'];

export interface AuditReader {
  readonly read: (entry: AuditLogEntry) => ReadableAuditEntry;
}

/** A reader over the database's accounts, offices and lists, read once for a page or an export. */
export function auditReader(db: RegisterDatabase): AuditReader {
  const vocabulary = loadVocabulary(db);
  const offices = new Map((db.prepare('SELECT id, name FROM office').all() as { id: number; name: string }[]).map((row) => [row.id, row.name]));
  const users = new Map(
    (db.prepare('SELECT username, display_name FROM app_user').all() as { username: string; display_name: string }[]).map((row) => [row.username, row.display_name]),
  );
  const value = (field: FieldSpec | undefined, name: string, raw: unknown) => shownValue(field, name, raw, vocabulary, offices);
  return {
    read: (entry) => {
      const register = entry.table ? registerByTable.get(entry.table) : undefined;
      const fields = new Map((register?.fields ?? []).map((field) => [field.name, field]));
      const before = asRecord(entry.before);
      const after = asRecord(entry.after);
      return {
        time: localTime(entry.at),
        userName: users.get(entry.user) ?? entry.user,
        actionText: actionText(entry, register),
        object: objectName(entry, register, after ?? before, offices),
        changes: shownFields(entry, after ?? before).map((name) => ({
          label: fields.get(name)?.header ?? otherColumns[name] ?? name,
          before: before ? value(fields.get(name), name, before[name]) : '',
          after: after ? value(fields.get(name), name, after[name]) : '',
        })),
      };
    },
  };
}

/**
 * Everything an inspector reads of an entry, as one text (what the log's text search looks in):
 * the time, the user, the action, the record, each change's label and values, the details.
 */
export function readableText(entry: AuditLogEntry, readable: ReadableAuditEntry): string {
  const changes = readable.changes.map((change) => `${change.label} ${change.before} ${change.after}`);
  const details = entry.details === null || entry.details === undefined ? [] : [JSON.stringify(entry.details)];
  return [readable.time, readable.userName, readable.actionText, readable.object, ...changes, ...details].join('\n');
}

/** An instant (ISO, UTC or with its offset) as local 「YYYY-MM-DD HH:mm:ss」. */
function localTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localTimestamp(date).slice(0, 19).replace('T', ' ');
}

/** An entry with how it reads (audit.search's rows). */
export type ReadableLogEntry = AuditLogEntry & { readonly readable: ReadableAuditEntry };

/** A page's entries, each with how it reads. */
export function readableEntries(db: RegisterDatabase, entries: readonly AuditLogEntry[]): ReadableLogEntry[] {
  const reader = auditReader(db);
  return entries.map((entry) => ({ ...entry, readable: reader.read(entry) }));
}

/** The fields an update changed; for a record added (nothing before) every field it was given. */
function shownFields(entry: AuditLogEntry, record: Record<string, unknown> | null): string[] {
  if (entry.changedFields.length > 0 || !record || (entry.before && entry.after)) return entry.changedFields;
  return Object.keys(record).filter((name) => !['id', 'created_at', 'updated_at', 'deleted_at'].includes(name));
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function actionText(entry: AuditLogEntry, register: RegisterDefinition | undefined): string {
  const label = auditActionLabels[entry.action as AuditAction] ?? entry.actionLabel;
  return register && ['create', 'update', 'delete', 'restore', 'view'].includes(entry.action) ? `${label}（${register.title}）` : label;
}

function objectName(
  entry: AuditLogEntry,
  register: RegisterDefinition | undefined,
  record: Record<string, unknown> | null,
  offices: ReadonlyMap<number, string>,
): string {
  if (!entry.table) return '';
  if (record) {
    const naming = namingFields.find((field) => typeof record[field] === 'string' && record[field] !== '');
    if (naming) return String(record[naming]);
    if (register) {
      const office = typeof record.office_id === 'number' ? offices.get(record.office_id) : undefined;
      const date = record[register.dateColumn];
      return [register.title, office, typeof date === 'string' ? date : undefined].filter(Boolean).join(' ');
    }
  }
  return register ? `${register.title}（记录编号 ${entry.recordId ?? ''}）` : '';
}

/** A value as the UI shows it. */
function shownValue(
  field: FieldSpec | undefined,
  name: string,
  raw: unknown,
  vocabulary: Vocabulary,
  offices: ReadonlyMap<number, string>,
): string {
  if (raw === null || raw === undefined || raw === '') return '—';
  if (field?.kind === 'money' && typeof raw === 'number') {
    return `${(raw / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
  }
  if (field?.kind === 'yesNo' || typeof raw === 'boolean') return raw === true || raw === 1 ? '是' : '否';
  if ((field?.kind === 'office' || name === 'office_id' || name === 'officeId') && typeof raw === 'number') return offices.get(raw) ?? String(raw);
  if (!field && name === 'kind' && typeof raw === 'string' && Object.hasOwn(officeKinds, raw)) return officeKinds[raw as OfficeKind];
  if (field?.list) {
    const list = field.list as ListName;
    const label = (code: unknown) => vocabulary.labelOf(list, String(code)) ?? String(code);
    return Array.isArray(raw) ? raw.map(label).join('、') : label(raw);
  }
  if (name === 'deleted_at' || name === 'created_at' || name === 'updated_at') return typeof raw === 'string' ? localTime(raw) : String(raw);
  if (Array.isArray(raw)) {
    return raw.map((item) => (item && typeof item === 'object' && 'name' in item ? String((item as { name: unknown }).name) : String(item))).join('、');
  }
  return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
}
