// The command line is a transport like the others: a CLI import, export, backup and restore
// each leave the dispatcher's audit entry, by the operating-system account marked 命令行 (a
// plain database), and the hash chain holds.

import Database from 'better-sqlite3-multiple-ciphers';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sampleLedgerPaths, tempDir } from '../support/cli.ts';

const dir = tempDir('cli-audit');
const dbFile = path.join(dir, 'county.sqlite');
const user = `${os.userInfo().username}（命令行）`;

function auditRows(): { user: string; action: string; method: string; details: string | null }[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT user, action, method, details FROM audit_log ORDER BY id').all() as never;
  } finally {
    db.close();
  }
}

describe('CLI commands through the dispatcher', () => {
  it('records an import, an export, a backup and a restore in the audit log', () => {
    const imported = runCli(['import', '--db', dbFile, ...sampleLedgerPaths()]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(auditRows()).toEqual([expect.objectContaining({ user, action: 'import', method: 'import.commit' })]);

    const xlsx = path.join(dir, '统计表.xlsx');
    const exported = runCli(['export', '--db', dbFile, '--from', '2024-01-01', '--to', '2024-12-31', '--xlsx', xlsx]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(auditRows().at(-1)).toMatchObject({ user, action: 'export', method: 'report.exportXlsx' });

    const backedUp = runCli(['backup', '--db', dbFile]);
    expect(backedUp.status, backedUp.stderr).toBe(0);
    const backup = /已备份（已校验）：(.+?\.sqlite)/.exec(backedUp.stdout)![1]!;
    expect(auditRows().at(-1)).toMatchObject({ user, action: 'backup', method: 'backup.create' });

    const restored = runCli(['restore', '--db', dbFile, '--from', backup]);
    expect(restored.status, restored.stderr).toBe(0);
    const rows = auditRows();
    expect(rows.at(-1)).toMatchObject({ user, action: 'restore_backup', method: 'backup.restore' });
    expect(JSON.parse(rows.at(-1)!.details!)).toMatchObject({ restoredFrom: backup });
    // The restored content is the backup's: its log ends with the export (the backup's own entry followed it).
    expect(rows.map((row) => row.method)).toEqual(['import.commit', 'report.exportXlsx', 'backup.restore']);
  }, 120_000);

  it('refuses a bad period with the dispatcher’s message and exit code 2, writing nothing', () => {
    const before = auditRows().length;
    const run = runCli(['export', '--db', dbFile, '--from', '2024-12-31', '--to', '2024-01-01', '--xlsx', path.join(dir, 'x.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('起始日期 2024-12-31 晚于截止日期 2024-01-01');
    expect(auditRows()).toHaveLength(before);
  });
});
