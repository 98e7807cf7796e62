// What migrations 1..K make of an empty file: every schema object's SQL and every row they seed.
// The stored snapshot (test/schema/migrations.snapshot.json) records K, so migrations appended
// later never disturb it. Regenerate (only when the snapshot must cover new migrations):
//   npx tsx test/schema/migration-snapshot.ts
// — then review the diff: the rows of migrations already released must not change.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from '../../db/database.ts';
import { migrations } from '../../db/schema/migrations.ts';

export const snapshotFile = path.join(import.meta.dirname, 'migrations.snapshot.json');

export interface MigrationSnapshot {
  /** How many migrations the snapshot covers (1..version). */
  readonly version: number;
  readonly schema: readonly { type: string; name: string; tbl_name: string; sql: string | null }[];
  /** Every non-empty table's rows after the migrations, in primary-key order. */
  readonly rows: Record<string, readonly unknown[]>;
}

/** Replays migrations 1..version on a new in-memory database and describes the result. */
export function replayMigrations(version: number): MigrationSnapshot {
  const db = new Database(':memory:');
  try {
    migrate(db, version);
    const schema = db
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as MigrationSnapshot['schema'][number][];
    const rows: Record<string, unknown[]> = {};
    for (const { name } of schema.filter((entry) => entry.type === 'table')) {
      const tableRows = db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).raw().all();
      if (tableRows.length > 0) rows[name] = tableRows;
    }
    return { version, schema, rows };
  } finally {
    db.close();
  }
}

export function readSnapshot(): MigrationSnapshot {
  return JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as MigrationSnapshot;
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  fs.writeFileSync(snapshotFile, `${JSON.stringify(replayMigrations(migrations.length), null, 1)}\n`);
  console.log(`${snapshotFile}: migrations 1..${migrations.length}`);
}
