// The session in its worker thread (db/worker/session-client.ts ↔ session-thread.ts): calls and
// errors cross as data, the transport's clock is the session's clock, a long import runs in a
// worker of its own — app.info and lists are answered while it runs, app.progress follows it —
// and writes wait for it. Not timed: the order of events shows what ran beside what.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../db/api/contract.ts';
import type { Progress } from '../../db/api/progress.ts';
import { startSessionThread } from '../../db/worker/session-client.ts';
import { sampleLedgerPaths, tempDir } from '../support/cli.ts';

const dir = tempDir('session-thread');
const admin = { username: 'admin', displayName: '管理员', password: 'Ceshi2025admin' };
let clock = new Date('2024-03-01T09:00:00+08:00');
const session = startSessionThread({ dbFile: path.join(dir, 'sftz.sqlite'), today: () => '2024-03-01', now: () => clock });

afterAll(async () => {
  await session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function value<T>(result: ApiResult): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** The sample county's ledgers, as the renderer sends them. */
function ledgerFiles() {
  return sampleLedgerPaths().map((file) => ({ name: path.basename(file), content: fs.readFileSync(file).toString('base64') }));
}

describe('the session in its worker thread', () => {
  it('answers setup, refusals and bad input as data, never as a throw', async () => {
    expect(value<{ state: string }>(await session.call('session.status', {})).state).toBe('setup');
    const refused = await session.call('app.info', {});
    expect(refused).toEqual({ ok: false, error: { kind: 'unauthorized', message: '请先登录' } });
    expect(await session.isOpen()).toBe(false);
    value(await session.call('session.setup', { bureauName: '测试区司法局', ...admin }));
    expect(await session.isOpen()).toBe(true);
    const bad = await session.call('office.create', { name: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.kind).toBe('bad_request');
  });

  it('keeps time by the transport’s clock: idle beyond the limit locks the session', async () => {
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect(await session.call('app.info', {})).toEqual({
      ok: false,
      error: { kind: 'unauthorized', message: '长时间未操作，已自动锁定，请重新登录' },
    });
    value(await session.call('session.login', { username: admin.username, password: admin.password }));
  });

  it('answers app.info and lists while an import runs in its own worker; app.progress follows it; a write waits for it', async () => {
    const events: string[] = [];
    const seen: Progress[] = [];
    let importing = true;
    const imported = session.call('import.commit', { files: ledgerFiles() }).then((result) => {
      importing = false;
      events.push('import done');
      return result;
    });
    const office = session.call('office.create', { name: '新设司法所' }).then((result) => {
      events.push('write done');
      return result;
    });
    while (importing) {
      const progress = value<Progress | null>(await session.call('app.progress', {}));
      if (progress) seen.push(progress);
      value(await session.call('app.info', {}));
      value(await session.call('mediationCase.list', { limit: 5 }));
      if (importing) events.push('read answered during import');
    }
    const outcome = value<{ ok: boolean; sheets: { added: number }[] }>(await imported);
    expect(outcome.ok).toBe(true);
    expect(value<{ name: string }>(await office).name).toBe('新设司法所');
    expect(events.indexOf('read answered during import')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('read answered during import')).toBeLessThan(events.indexOf('import done'));
    expect(events.indexOf('import done')).toBeLessThan(events.indexOf('write done'));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((progress) => progress.task === '导入台账' && (progress.total === 0 || progress.done <= progress.total))).toBe(true);
    expect(value(await session.call('app.progress', {}))).toBeNull();
    const info = value<{ recordCount: number }>(await session.call('app.info', {}));
    const added = outcome.sheets.reduce((sum, sheet) => sum + sheet.added, 0);
    expect(info.recordCount).toBeGreaterThan(0);
    expect(info.recordCount).toBeLessThan(added);
  });

  it('takes a backup in its own worker; the import and the backup are in the audit log', async () => {
    const taken = value<{ backup: { file: string } }>(await session.call('backup.create', {}));
    expect(fs.existsSync(taken.backup.file)).toBe(true);
    const entries = value<{ rows: { method: string }[] }>(await session.call('audit.search', { limit: 50 }));
    expect(entries.rows.map((entry) => entry.method)).toEqual(expect.arrayContaining(['import.commit', 'backup.create']));
  });
});
