// A writer killed with SIGKILL: mid-import (while the ledgers are read, inside the import's
// transaction at random moments, right after its commit) and mid-burst of saves. On reopening,
// every committed record is there, no import is half applied, and integrity_check is ok.
// The kill moments come from a seed printed with the figures, so a failure can be repeated.

import { expect, it } from 'vitest';
import { importCrashScenario, saveBurstCrashScenario } from './scenarios/crash.ts';
import type { ScenarioResult } from './scenarios/scenario.ts';

const seed = Date.now() % 1_000_000;

function expectOk(result: ScenarioResult): void {
  expect(result.ok, `随机种子 ${seed}\n${JSON.stringify(result.figures, null, 1)}`).toBe(true);
}

it('an import killed at any moment is there whole or not at all', async () => {
  const result = await importCrashScenario({ inTransaction: 3, seed });
  expectOk(result);
  expect(result.figures['强行终止次数']).toBe(5);
  expect(result.figures['全部导入的次数']).toBeGreaterThanOrEqual(1);
  expect(result.figures['完全未导入的次数']).toBeGreaterThanOrEqual(1);
}, 180_000);

it('a burst of saves killed midway keeps every acknowledged record', async () => {
  const result = await saveBurstCrashScenario({ runs: 3, seed });
  expectOk(result);
  expect(result.figures['重开后找到合计']).toBe(result.figures['已确认保存合计']);
  expect(result.figures['已确认保存合计']).toBeGreaterThanOrEqual(150);
}, 120_000);
