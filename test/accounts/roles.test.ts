// THE role check of issue 4 through the session: for every API method of the contract, a
// 录入员 of 城西司法所 calling it with 城东司法所's offices and records (an administrator-only
// method with any input) is refused as 'forbidden' and changes nothing — no table, not the key
// file; a bureau-level 查看 account cannot write anything; the administrator's same calls are
// not refused. The scenario (test/trust/scenarios/roles.ts) also feeds `npm run trust-report`.

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodInputs, sessionMethodInputs } from '../../db/api/contract.ts';
import { tempDir } from '../support/cli.ts';
import { ADMIN, CLERK_WEST, accountsWorld, checkRoles, type AccountsWorld } from '../trust/scenarios/roles.ts';

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
    expect(outcome.methods).toBe(Object.keys(methodInputs).length + Object.keys(sessionMethodInputs).length);
    expect(outcome.refused).toBeGreaterThan(outcome.methods);
  }, 120_000);

  it('scopes an office account’s lists and reports to its office when it names none', async () => {
    await world.logIn(CLERK_WEST);
    const list = await world.value<{ total: number; rows: { office_id: number }[] }>('disputeSweep.list', {});
    expect(list.rows.map((row) => row.office_id)).toEqual([world.west.officeId]);
    const refused = await world.call('report.run', { from: '2024-01-01', to: '2024-12-31', officeId: world.east.officeId });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden', message: '您的账号（录入员，城西司法所）无权查看其他单位的记录和统计，只能查看本单位的' } });
    const imported = await world.call('import.preview', { files: [] });
    expect(imported).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect((imported as { error: { message: string } }).error.message).toContain('导入台账需要局级账号');
    await world.logIn(ADMIN);
  });
});
