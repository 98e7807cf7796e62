// THE role check of issue 4 through the session: for every API method of the contract, a
// 录入员 of 城西司法所 calling it with 城东司法所's offices and records (an administrator-only
// method with any input) is refused as 'forbidden' and changes nothing — no table, not the key
// file; a bureau-level 查看 account cannot write anything; the administrator's same calls are
// not refused. The scenario (test/trust/scenarios/roles.ts) also feeds `npm run trust-report`.

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, sessionMethods } from '../../db/api/contract.ts';
import { tempDir } from '../support/cli.ts';
import { ADMIN, CLERK_WEST, accountsWorld, checkRoles, sweepLedger, type AccountsWorld } from '../trust/scenarios/roles.ts';

let dir: string;
let world: AccountsWorld;

beforeAll(async () => {
  dir = tempDir('roles-test');
  world = await accountsWorld(dir);
}, 60_000);

afterAll(() => {
  world?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('role and office checks on every method', () => {
  it('refuses the 录入员 of one office every call on another office and every setting, and 查看 every write, changing nothing', async () => {
    const outcome = await checkRoles(world);
    expect(outcome.problems).toEqual([]);
    expect(outcome.changed).toBe(0);
    expect(outcome.methods).toBe(Object.keys(methods).length + Object.keys(sessionMethods).length);
    expect(outcome.refused).toBeGreaterThan(outcome.methods);
  }, 120_000);

  it('scopes an office account’s lists and reports to its office when it names none', async () => {
    await world.logIn(CLERK_WEST);
    const list = await world.value<{ total: number; rows: { office_id: number }[] }>('disputeSweep.list', {});
    expect(list.rows.map((row) => row.office_id)).toEqual([world.west.officeId]);
    const refused = await world.call('report.run', { from: '2024-01-01', to: '2024-12-31', officeId: world.east.officeId });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden', message: '您的账号（录入员，城西司法所）无权查看其他单位的记录和统计，只能查看本单位的' } });
    await world.logIn(ADMIN);
  });

  it('lets an office 录入员 import their own office’s ledger, and refuses one with another office’s rows writing nothing', async () => {
    await world.logIn(CLERK_WEST);
    const sweeps = async () => (await world.value<{ total: number }>('disputeSweep.list', {})).total;
    const before = await sweeps();
    const own = await world.value<{ sheets: { added: number }[]; rejectedFiles: string[] }>('import.commit', {
      files: [sweepLedger(world.west.name, '2024-08-01')],
    });
    expect(own.rejectedFiles).toEqual([]);
    expect(own.sheets.map((sheet) => sheet.added)).toEqual([1]);
    expect(await sweeps()).toBe(before + 1);

    const lines = ['日期,单位,排查次数,发现纠纷数,备注', `2024-08-02,${world.west.name},2,1,`, `2024-08-02,${world.east.name},3,0,`];
    const mixedSweeps = Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
    const snapshot = world.snapshot();
    const mixed = await world.call('import.commit', {
      files: [{ name: '矛盾纠纷排查.csv', content: mixedSweeps }],
    });
    expect(mixed).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect((mixed as { error: { message: string } }).error.message).toBe(
      '您的账号（录入员，城西司法所）无权导入其他单位的记录：矛盾纠纷排查.csv 第3行不属于本单位，未写入任何记录',
    );
    expect(world.snapshot()).toBe(snapshot);
    const undo = await world.call('import.undo', { importId: world.importId });
    expect(undo).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    await world.logIn(ADMIN);
  });
});
