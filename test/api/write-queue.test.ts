// Writes as their declarations say (not by their names), one at a time; a restore is a write like
// any other: a write sent while it runs waits for it and lands in the restored database.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppSession } from '../../db/accounts/app-session.ts';
import { isWrite, methods, type ApiResult } from '../../db/api/contract.ts';
import { tempDir } from '../support/cli.ts';

const dir = tempDir('write-queue');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function value<T>(result: ApiResult): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('the write queue', () => {
  it('takes writes from the declarations: the second backup folder is a write, reports and lists are not', () => {
    expect(isWrite('backup.setSecondFolder')).toBe(true);
    expect(isWrite('backup.restore')).toBe(true);
    expect(isWrite('mediationCase.create')).toBe(true);
    expect(isWrite('report.run')).toBe(false);
    expect(isWrite('mediationCase.list')).toBe(false);
    expect(isWrite('mediationCase.nextCaseNumber')).toBe(false);
    expect(isWrite('no.such.create')).toBe(false);
    expect(Object.values(methods).filter((declaration) => declaration.writes).length).toBeGreaterThan(12 * 4);
  });

  it('runs a restore in turn: a write sent during it waits and lands in the restored database', async () => {
    const session = createAppSession({ dbFile: path.join(dir, 'sftz.sqlite'), today: () => '2024-03-01', dailyBackup: false });
    try {
      value(await session.call('session.setup', { bureauName: '测试区司法局', username: 'admin', displayName: '管理员', password: 'Ceshi2025admin' }));
      value(await session.call('office.create', { name: '甲司法所' }));
      const backup = value<{ backup: { name: string } }>(await session.call('backup.create', {}));
      value(await session.call('office.create', { name: '乙司法所' }));

      const restoring = session.call('backup.restore', { file: backup.backup.name });
      const creating = session.call('office.create', { name: '丙司法所' });
      const [restored, created] = await Promise.all([restoring, creating]);
      expect(restored.ok, restored.ok ? '' : restored.error.message).toBe(true);
      expect(created.ok, created.ok ? '' : created.error.message).toBe(true);
      const names = value<{ name: string }[]>(await session.call('office.list', {})).map((office) => office.name);
      expect(names).toEqual(['甲司法所', '丙司法所']);
      const audit = value<{ rows: { method: string }[] }>(await session.call('audit.search', { limit: 5 }));
      expect(audit.rows.map((row) => row.method).slice(0, 2)).toEqual(['office.create', 'backup.restore']);
    } finally {
      session.close();
    }
  }, 60_000);
});
