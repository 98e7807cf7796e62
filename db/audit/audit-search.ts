// Searching the audit log (审计日志): by day, user name, action and text, newest first and
// paged for the log's page, oldest first for its export. The text is looked for in what an
// inspector reads of an entry (readable-entry.ts: the time, the user's display name, the action,
// the record's name, field labels and values as the UI shows them, and the details), so 邻里
// finds the entries that show 邻里 and the stored code `neighbour` finds none; a personal number
// typed in full finds the entries holding it, though they show it masked. Reads only.

import type { RegisterDatabase } from '../database.ts';
import { auditActionLabels, type AuditAction } from './actions.ts';
import type { AuditRow } from './audit-log.ts';
import { maskPersonalNumbers, personalNumbers } from './personal-numbers.ts';
import { auditReader, readableText } from './readable-entry.ts';

export interface AuditQuery {
  /** Days, `YYYY-MM-DD`, both included. */
  readonly from?: string | null | undefined;
  readonly to?: string | null | undefined;
  /** Part of the user's name. */
  readonly user?: string | null | undefined;
  readonly action?: AuditAction | null | undefined;
  /** Found in what the entry reads as (readableText), or among the personal numbers it holds in full. */
  readonly text?: string | null | undefined;
}

/** An entry as the log's pages and export show it: personal numbers masked. */
export interface AuditLogEntry {
  readonly id: number;
  readonly at: string;
  readonly user: string;
  readonly action: string;
  /** 新增, 修改, 导入 … */
  readonly actionLabel: string;
  readonly method: string;
  readonly table: string | null;
  readonly recordId: number | null;
  readonly before: unknown;
  readonly after: unknown;
  /** Fields whose value differs between before and after (timestamps left out). */
  readonly changedFields: string[];
  readonly details: unknown;
  readonly hash: string;
}

/** The columns handed to the SQL function that reads an entry, in AuditRow's order. */
const readColumns = ['id', 'at', 'user', 'action', 'method', 'target_table', 'record_id', 'before_json', 'after_json', 'details', 'prev_hash', 'hash'] as const;

function whereOf(db: RegisterDatabase, query: AuditQuery): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const like = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  if (query.from) {
    where.push('at >= @from');
    params.from = query.from;
  }
  if (query.to) {
    where.push("at < date(@to, '+1 day')");
    params.to = query.to;
  }
  if (query.user?.trim()) {
    where.push("user LIKE @user ESCAPE '\\'");
    params.user = like(query.user.trim());
  }
  if (query.action) {
    where.push('action = @action');
    params.action = query.action;
  }
  if (query.text?.trim()) {
    // The accounts, offices and lists as they are now, read once for this search.
    const reader = auditReader(db);
    db.function('audit_readable_text', { deterministic: true, varargs: true }, (...columns: unknown[]) => {
      const row = Object.fromEntries(readColumns.map((name, index) => [name, columns[index]])) as unknown as AuditRow;
      const entry = shownEntry(row);
      const held = personalNumbers([parse(row.before_json), parse(row.after_json), parse(row.details)]);
      return [readableText(entry, reader.read(entry)), ...held].join('\n');
    });
    where.push(`audit_readable_text(${readColumns.join(', ')}) LIKE @text ESCAPE '\\'`);
    params.text = like(query.text.trim());
  }
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

const timestamps = new Set(['created_at', 'updated_at']);

function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (key) =>
      !timestamps.has(key) &&
      JSON.stringify((before as Record<string, unknown>)[key]) !== JSON.stringify((after as Record<string, unknown>)[key]),
  );
}

function shownEntry(row: AuditRow): AuditLogEntry {
  const before = parse(row.before_json);
  const after = parse(row.after_json);
  return {
    id: row.id,
    at: row.at,
    user: row.user,
    action: row.action,
    actionLabel: auditActionLabels[row.action as AuditAction] ?? row.action,
    method: row.method,
    table: row.target_table,
    recordId: row.record_id,
    before: maskPersonalNumbers(before),
    after: maskPersonalNumbers(after),
    changedFields: changedFields(before, after),
    details: maskPersonalNumbers(parse(row.details)),
    hash: row.hash,
  };
}

/** A page of entries matching the query, newest first. */
export function searchAuditLog(
  db: RegisterDatabase,
  query: AuditQuery & { readonly offset: number; readonly limit: number },
): { total: number; rows: AuditLogEntry[] } {
  const { sql, params } = whereOf(db, query);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM audit_log ${sql} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as AuditRow[];
  return { total, rows: rows.map(shownEntry) };
}

/** Every entry matching the query, oldest first (for the export). */
export function* auditEntries(db: RegisterDatabase, query: AuditQuery): Generator<AuditLogEntry> {
  const { sql, params } = whereOf(db, query);
  for (const row of db.prepare(`SELECT * FROM audit_log ${sql} ORDER BY id`).iterate(params) as IterableIterator<AuditRow>) {
    yield shownEntry(row);
  }
}
