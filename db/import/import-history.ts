// The import log: what each import brought in, and undoing an import as a whole by putting
// back every row it touched (rows it added are removed, rows it changed get their old values).
// Only the latest import still in force can be undone, so an undo never overwrites what a
// later import wrote. An undo is a write like any other: the ownership rule applies to every row
// it removes or puts back (exchange/ownership.ts: at the bureau, never a joined office's rows),
// and at an office site the change log's triggers record each, for the next package.

import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { checkOwnershipOfRows } from '../exchange/ownership.ts';
import { registers } from '../registers/index.ts';
import { recordFields, updateRecord } from '../registers/store.ts';
import type { RegisterRecord } from '../registers/register.ts';
import type { SheetSummary } from './import-ledger.ts';

export interface ImportLogEntry {
  readonly id: number;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly files: string[];
  readonly sheets: SheetSummary[];
  readonly undoneAt: string | null;
  /** Whether this entry can be undone now (the latest import still in force). */
  readonly undoable: boolean;
}

interface LogRow {
  id: number;
  imported_at: string;
  imported_by: string;
  files: string;
  summary: string;
  undone_at: string | null;
}

export function importHistory(db: RegisterDatabase): ImportLogEntry[] {
  const rows = db.prepare('SELECT * FROM import_log ORDER BY id DESC').all() as LogRow[];
  const latestInForce = rows.find((row) => row.undone_at === null)?.id;
  return rows.map((row) => ({
    id: row.id,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    files: JSON.parse(row.files) as string[],
    sheets: JSON.parse(row.summary) as SheetSummary[],
    undoneAt: row.undone_at,
    undoable: row.id === latestInForce,
  }));
}

const registerByTable = new Map(registers.map((register) => [register.table, register]));

export function undoImport(db: RegisterDatabase, importId: number): { restored: number; removed: number } {
  const entry = importHistory(db).find((candidate) => candidate.id === importId);
  if (!entry) throw new UserError(`没有编号为 ${importId} 的导入记录`, 'not_found');
  if (entry.undoneAt) throw new UserError(`第 ${importId} 次导入已于 ${entry.undoneAt} 撤销`, 'conflict');
  if (!entry.undoable) throw new UserError('只能撤销最近一次仍有效的导入：请先撤销之后的导入', 'conflict');
  const changes = db
    .prepare('SELECT tbl, row_id, last_row_id, before_json FROM import_change WHERE import_id = ? ORDER BY seq DESC')
    .all(importId) as { tbl: string; row_id: number; last_row_id: number | null; before_json: string | null }[];
  let restored = 0;
  let removed = 0;
  try {
    db.transaction(() => {
      for (const change of changes) {
        const register = registerByTable.get(change.tbl)!;
        if (change.before_json === null) {
          // Added rows: one id, or a run of consecutive ids (import_change.last_row_id).
          const lastId = change.last_row_id ?? change.row_id;
          checkOwnershipOfRows(db, register, change.row_id, lastId);
          removed += db.prepare(`DELETE FROM ${change.tbl} WHERE id BETWEEN ? AND ?`).run(change.row_id, lastId).changes;
          continue;
        }
        const before = JSON.parse(change.before_json) as RegisterRecord;
        updateRecord(db, register, change.row_id, recordFields(register, before));
        db.prepare(`UPDATE ${change.tbl} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(
          before.deleted_at ?? null,
          before.updated_at ?? null,
          change.row_id,
        );
        restored++;
      }
      db.prepare("UPDATE import_log SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(importId);
    })();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new UserError('无法撤销：本次导入的记录已被之后录入的其他记录引用（如新录入的案件引用了导入的调解组织），请先处理这些记录', 'conflict');
    }
    throw error;
  }
  return { restored, removed };
}
