// Crash scenarios: a writer process killed with SIGKILL (no chance to clean up) in the middle
// of an import and in the middle of a burst of saves; the database is then reopened as the
// app would reopen it. Nothing committed may be missing, no import may be half there, and
// `integrity_check` must say ok.

import path from 'node:path';
import { registers } from '../../../db/registers/index.ts';
import { readExpected } from '../../support/cli.ts';
import { reopen, seededRandom, sleep, startWriter, tempDir, type ScenarioResult } from './scenario.ts';

export interface ImportCrashOptions {
  /** Kills inside the import's transaction (at a random moment of its first 1.5 s). */
  readonly inTransaction: number;
  readonly seed: number;
}

/**
 * When each run is killed: after a marker the worker prints, plus a random delay. One run dies
 * while the ledgers are still being read, `inTransaction` runs inside the write transaction,
 * and one right after the commit, before the database is closed.
 */
function killSchedule(options: ImportCrashOptions): { marker: string; delayMs: number }[] {
  const random = seededRandom(options.seed);
  return [
    { marker: 'import started', delayMs: Math.round(100 + random() * 1400) },
    ...Array.from({ length: options.inTransaction }, () => ({ marker: 'transaction began', delayMs: Math.round(random() * 1500) })),
    { marker: 'import committed', delayMs: 0 },
  ];
}

interface ImportRun {
  readonly delayMs: number;
  readonly after: string;
  readonly committedBeforeKill: boolean;
  readonly outcome: '全部导入' | '完全未导入' | '导入了一部分';
  readonly records: number;
  readonly integrity: string;
}

export async function importCrashScenario(options: ImportCrashOptions): Promise<ScenarioResult> {
  const expected = readExpected();
  const expectedTotal = registers.reduce((sum, register) => sum + expected.rows[register.title]!, 0);
  const dir = tempDir('crash-import');
  const runs: ImportRun[] = [];
  for (const [run, { marker, delayMs }] of killSchedule(options).entries()) {
    const dbFile = path.join(dir, `run-${run}.sqlite`);
    const writer = startWriter('import-worker.ts', [dbFile]);
    await writer.line(marker);
    await sleep(delayMs);
    const committedBeforeKill = writer.lines.some((line) => line.startsWith('import committed'));
    writer.child.kill('SIGKILL');
    await writer.exited;
    const found = reopen(dbFile);
    const counts = registers.map((register) => found.rows[register.title]!);
    const all = registers.every((register) => found.rows[register.title] === expected.rows[register.title]) && found.importLogs === 1;
    const none = counts.every((count) => count === 0) && found.importLogs === 0;
    runs.push({
      delayMs,
      after: marker,
      committedBeforeKill,
      outcome: all ? '全部导入' : none ? '完全未导入' : '导入了一部分',
      records: counts.reduce((sum, count) => sum + count, 0),
      integrity: found.integrity,
    });
  }
  const figures: Record<string, number | string> = {
    '完整导入应有记录数': expectedTotal,
    '强行终止次数': runs.length,
  };
  runs.forEach((run, index) => {
    figures[`第${index + 1}次`] =
      `「${run.after}」后 ${run.delayMs} 毫秒终止${run.committedBeforeKill ? '（此时导入已提交）' : ''}：${run.outcome}，找到 ${run.records} 条，integrity_check ${run.integrity}`;
  });
  figures['全部导入的次数'] = runs.filter((run) => run.outcome === '全部导入').length;
  figures['完全未导入的次数'] = runs.filter((run) => run.outcome === '完全未导入').length;
  figures['导入了一部分的次数'] = runs.filter((run) => run.outcome === '导入了一部分').length;
  figures['完整性检查通过次数'] = runs.filter((run) => run.integrity === 'ok').length;
  return {
    name: '导入中途强行终止进程（SIGKILL）',
    figures,
    ok: runs.every(
      (run) => run.integrity === 'ok' && run.outcome !== '导入了一部分' && (!run.committedBeforeKill || run.outcome === '全部导入'),
    ),
  };
}

export interface SaveBurstOptions {
  readonly runs: number;
  readonly seed: number;
}

export async function saveBurstCrashScenario(options: SaveBurstOptions): Promise<ScenarioResult> {
  const random = seededRandom(options.seed);
  const dir = tempDir('crash-saves');
  const figures: Record<string, number | string> = {};
  let ok = true;
  let attemptedTotal = 0;
  let acknowledgedTotal = 0;
  let foundTotal = 0;
  for (let run = 0; run < options.runs; run++) {
    const dbFile = path.join(dir, `run-${run}.sqlite`);
    const writer = startWriter('save-worker.ts', [dbFile, '0', '100000']);
    const killAfter = 50 + Math.floor(random() * 250);
    await writer.line('saved ');
    while (writer.lines.filter((line) => line.startsWith('saved ')).length < killAfter) await sleep(2);
    await sleep(random() * 10);
    writer.child.kill('SIGKILL');
    await writer.exited;
    const attempted = writer.lines.filter((line) => line.startsWith('saving ')).length;
    const acknowledged = writer.lines.filter((line) => line.startsWith('saved ')).map((line) => Number(line.split(' ')[1]));
    const found = reopen(dbFile);
    const present = new Set(found.sweepIds);
    const missing = acknowledged.filter((id) => !present.has(id));
    const stored = found.rows['矛盾纠纷排查']!;
    const runOk = missing.length === 0 && found.integrity === 'ok' && stored - acknowledged.length <= 1;
    ok &&= runOk;
    attemptedTotal += attempted;
    acknowledgedTotal += acknowledged.length;
    foundTotal += acknowledged.length - missing.length;
    figures[`第${run + 1}次`] =
      `发出保存 ${attempted} 条，已确认 ${acknowledged.length} 条，重开后找到其中 ${acknowledged.length - missing.length} 条，库中共 ${stored} 条` +
      `（终止时正在保存的 ${stored - acknowledged.length} 条已提交），integrity_check ${found.integrity}`;
  }
  return {
    name: '连续保存中途强行终止进程（SIGKILL）',
    figures: { '强行终止次数': options.runs, '发出保存合计': attemptedTotal, '已确认保存合计': acknowledgedTotal, '重开后找到合计': foundTotal, ...figures },
    ok,
  };
}
