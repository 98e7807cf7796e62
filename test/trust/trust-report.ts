// `npm run trust-report`: runs the trust scenarios — nothing lost (kills, full disks, backups),
// nobody in where they don't belong (malformed requests, hostile files, foreign HTTP requests,
// concurrent clients), every change accounted for (the audit chain) — the same functions the
// tests in test/trust/ assert on, in quicker variants, and prints their figures — records
// written, records found after a kill, requests refused, saves acknowledged vs. found … — as a readable Chinese summary
// followed by one JSON block. Exit code 1 when a scenario fails.
// Add a scenario by adding a runner to `scenarios` below: a function returning
// { name, figures, ok } (see scenarios/scenario.ts). Options: --seed N repeats the random kill moments.

import { parseArgs } from 'node:util';
import { backupRoundTripScenario, refusedBackupsScenario, rotationScenario } from './scenarios/backup-restore.ts';
import { importCrashScenario, saveBurstCrashScenario } from './scenarios/crash.ts';
import { fullDiskBackupScenario, fullDiskSaveScenario } from './scenarios/disk-full.ts';
import { electronegativityScenario } from './scenarios/electronegativity.ts';
import { concurrentSavesScenario, refusedRequestsScenario } from './scenarios/load.ts';
import { roleChecksScenario } from './scenarios/roles.ts';
import type { ScenarioResult, ScenarioRunner } from './scenarios/scenario.ts';
import { auditChainScenario } from './audit-chain.ts';
import { hostileFilesScenario } from './hostile-files.ts';
import { malformedRequestsScenario } from './malformed-requests.ts';

const { values } = parseArgs({ options: { seed: { type: 'string' } } });
const seed = values.seed ? Number(values.seed) : Date.now() % 1_000_000;

const scenarios: ScenarioRunner[] = [
  backupRoundTripScenario,
  refusedBackupsScenario,
  rotationScenario,
  () => importCrashScenario({ inTransaction: 2, seed }),
  () => saveBurstCrashScenario({ runs: 2, seed }),
  () => fullDiskSaveScenario('tmpfs'),
  () => fullDiskSaveScenario('file-size-limit'),
  () => fullDiskBackupScenario('tmpfs'),
  () => fullDiskBackupScenario('file-size-limit'),
  () => malformedRequestsScenario(),
  hostileFilesScenario,
  electronegativityScenario,
  () => auditChainScenario(2000, seed),
  refusedRequestsScenario,
  roleChecksScenario,
  () => concurrentSavesScenario({ clients: 8, seconds: 60 }),
];

const shown = (value: number | string) => (typeof value === 'number' ? value.toLocaleString('zh-CN') : value);

async function main(): Promise<number> {
  console.log(`数据安全检验报告，${new Date().toLocaleString('zh-CN')}，随机种子 ${seed}\n`);
  const results: (ScenarioResult & { seconds: number })[] = [];
  for (const run of scenarios) {
    const started = performance.now();
    let result: ScenarioResult;
    try {
      result = await run();
    } catch (error) {
      result = { name: run.name || '（未命名）', figures: { '出错': (error as Error).stack ?? String(error) }, ok: false };
    }
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    results.push({ ...result, seconds });
    const status = result.skipped ? '跳过' : result.ok ? '通过' : '未通过';
    console.log(`【${status}】${result.name}（用时 ${seconds} 秒）`);
    if (result.skipped) console.log(`    原因：${result.skipped}`);
    for (const [figure, value] of Object.entries(result.figures)) console.log(`    ${figure}：${shown(value)}`);
    console.log('');
  }
  const passed = results.filter((result) => result.ok && !result.skipped).length;
  const skipped = results.filter((result) => result.skipped).length;
  const failed = results.length - passed - skipped;
  console.log(`共 ${results.length} 项：通过 ${passed}，未通过 ${failed}，跳过 ${skipped}。\n`);
  console.log('```json');
  console.log(JSON.stringify({ generatedAt: new Date().toISOString(), seed, passed, failed, skipped, results }, null, 2));
  console.log('```');
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
