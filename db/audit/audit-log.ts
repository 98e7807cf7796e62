// The audit log (审计日志): one row for every change, import, undo, export, view of full
// personal numbers, login (good and failed) and account change, with who, when, which record, and the
// record before and after (searched and read by audit-search.ts). Rows form a hash chain — each row's SHA-256 covers its own fields
// and the hash of the row before — so a row edited or removed outside the app is found by
// `verifyAuditLog`. Append-only: the schema's triggers refuse UPDATE and DELETE, and nothing
// here changes a row once written. Plain Node (node:crypto); no API knowledge.

import { createHash } from 'node:crypto';
import type { RegisterDatabase } from '../database.ts';
import { statement } from '../registers/register.ts';
import type { AuditAction } from './actions.ts';

/** What one entry says; `recordAudit` adds the time, the number and the chain. */
export interface AuditEntry {
  readonly user: string;
  readonly action: AuditAction;
  /** The API method (`session.login` for a login). */
  readonly method: string;
  /**
   * When it happened, when that was before the entry could be written: a failed login while the
   * database was still locked (kept in the key file until the next unlock). Default: now.
   */
  readonly at?: Date;
  readonly table?: string | null;
  readonly recordId?: number | null;
  /** The record (or setting) before and after the change, as JSON-able values. */
  readonly before?: unknown;
  readonly after?: unknown;
  /** Anything else worth keeping: an import's counts, an export's scope, the numbers viewed. */
  readonly details?: unknown;
}

/** A row of `audit_log` as stored. */
export interface AuditRow {
  readonly id: number;
  readonly at: string;
  readonly user: string;
  readonly action: string;
  readonly method: string;
  readonly target_table: string | null;
  readonly record_id: number | null;
  readonly before_json: string | null;
  readonly after_json: string | null;
  readonly details: string | null;
  readonly prev_hash: string;
  readonly hash: string;
}

/** The `prev_hash` of the first entry. */
const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over the row's fields in a fixed order, as stored, and the hash of the row before. */
function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.id,
    row.at,
    row.user,
    row.action,
    row.method,
    row.target_table,
    row.record_id,
    row.before_json,
    row.after_json,
    row.details,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** Local time with its offset (2024-03-02T04:00:00.123+08:00): the day people see is the day searched. */
export function localTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}` +
    `T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}` +
    `${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`
  );
}

/**
 * Appends an entry to the chain and returns its number. The number follows the highest ever
 * given (SQLite's AUTOINCREMENT sequence), not the last row left, so rows removed from the end
 * stay visible as a gap. Runs in the caller's transaction when there is one.
 */
export function recordAudit(db: RegisterDatabase, entry: AuditEntry): number {
  return db.transaction(() => {
    const last = statement(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      | { id: number; hash: string }
      | undefined;
    const sequence = (statement(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)
      ?.seq;
    const row = {
      id: Math.max(sequence ?? 0, last?.id ?? 0) + 1,
      at: localTimestamp(entry.at ?? new Date()),
      user: entry.user,
      action: entry.action,
      method: entry.method,
      target_table: entry.table ?? null,
      record_id: entry.recordId ?? null,
      before_json: json(entry.before),
      after_json: json(entry.after),
      details: json(entry.details),
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    statement(
      db,
      `INSERT INTO audit_log (id, at, user, action, method, target_table, record_id, before_json, after_json, details, prev_hash, hash)
       VALUES (@id, @at, @user, @action, @method, @target_table, @record_id, @before_json, @after_json, @details, @prev_hash, @hash)`,
    ).run({ ...row, hash: entryHash(row) });
    return row.id;
  })();
}

// ---- verifying the chain ----------------------------------------------------------------------

export interface AuditProblem {
  /** The first entry the problem concerns. */
  readonly id: number;
  /** For people: 「第 12 条日志被修改」. */
  readonly message: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  /** Entries read. */
  readonly entries: number;
  readonly firstBrokenId?: number;
  /** The first problem, for people. */
  readonly problem?: string;
  readonly problems: AuditProblem[];
}

const removed = (first: number, last: number) =>
  first === last ? `第 ${first} 条日志被删除` : `第 ${first} 至 ${last} 条日志被删除`;

/**
 * Walks the chain from the first entry: an entry whose fields no longer give its hash was
 * edited; a number missing from the sequence was removed; an entry that does not point at the
 * hash of the one before it follows an entry rewritten with a new hash; a sequence that went
 * further than the last row means entries were removed from the end. (A chain rewritten from
 * some entry on with every hash recomputed, sequence included, can only be caught against a
 * copy of the last hash kept outside the database.)
 */
export function verifyAuditLog(db: RegisterDatabase): AuditVerification {
  const problems: AuditProblem[] = [];
  let entries = 0;
  let expectedId = 1;
  let previous: { id: number; hash: string } | null = null;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    entries++;
    const gap = row.id > expectedId;
    if (gap) problems.push({ id: expectedId, message: removed(expectedId, row.id - 1) });
    if (entryHash(row) !== row.hash) problems.push({ id: row.id, message: `第 ${row.id} 条日志被修改` });
    else if (!gap && row.prev_hash !== (previous?.hash ?? GENESIS_HASH)) {
      problems.push(
        previous
          ? { id: previous.id, message: `第 ${previous.id} 条日志被修改` }
          : { id: row.id, message: `第 ${row.id} 条日志被修改` },
      );
    }
    previous = { id: row.id, hash: row.hash };
    expectedId = row.id + 1;
  }
  const sequence =
    (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0;
  if (sequence >= expectedId) {
    problems.push({
      id: expectedId,
      message: entries === 0 ? `全部 ${sequence} 条日志被删除` : `第 ${expectedId - 1} 条之后的日志被删除`,
    });
  }
  const first = problems.reduce<AuditProblem | undefined>((earliest, next) => (!earliest || next.id < earliest.id ? next : earliest), undefined);
  return first
    ? { ok: false, entries, firstBrokenId: first.id, problem: first.message, problems }
    : { ok: true, entries, problems };
}
