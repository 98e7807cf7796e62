// Crash scenarios: a writer process killed with SIGKILL (no chance to clean up) in the middle
// of an import and in the middle of a burst of saves; the database is then reopened as the
// app would reopen it. Nothing committed may be missing, no import may be half there, and
// `integrity_check` must say ok.

import path from 'node:path';
import { registers } from '../../../db/registers/index.ts';
import { readExpectedWhole } from '../../support/cli.ts';
import { inTempDir, reopen, seededRandom, sleep, startWriter, type ScenarioResult } from './scenario.ts';

export interface ImportCrashOptions {
  /** Kills inside the import's transaction (at a random moment of it). */
  readonly inTransaction: number;
  readonly seed: number;
}

/** How long an uncut import of the sample county spends reading the ledgers, and writing them. */
interface ImportPhases {
  readonly readingMs: number;
  readonly transactionMs: number;
}

async function timeImport(dbFile: string): Promise<ImportPhases> {
  const writer = startWriter('import-worker.ts', [dbFile]);
  await writer.line('import started');
  const started = performance.now();
  await writer.line('transaction began');
  const began = performance.now();
  await writer.line('import committed');
  const committed = performance.now();
  await writer.exited;
  return { readingMs: began - started, transactionMs: committed - began };
}

/**
 * When each run is killed: after a marker the worker prints, plus a random delay within the
 * phase as an uncut import on this machine took it. One run dies while the ledgers are still
 * being read, `inTransaction` runs inside the write transaction, and one right after the
 * commit, before the database is closed.
 */
function killSchedule(options: ImportCrashOptions, phases: ImportPhases): { marker: string; delayMs: number }[] {
  const random = seededRandom(options.seed);
  return [
    { marker: 'import started', delayMs: Math.round(random() * phases.readingMs) },
    ...Array.from({ length: options.inTransaction }, () => ({
      marker: 'transaction began',
      delayMs: Math.round(random() * phases.transactionMs),
    })),
    { marker: 'import committed', delayMs: 0 },
  ];
}

type ImportOutcome = '全部导入' | '完全未导入' | '导入了一部分';

interface KilledImport {
  readonly marker: string;
  readonly delayMs: number;
  readonly committedBeforeKill: boolean;
  readonly outcome: ImportOutcome;
  readonly records: number;
  readonly integrity: string;
}

/** Starts an import of the sample county, kills it `delayMs` after `marker`, and reads what is left. */
async function killImport(dbFile: string, marker: string, delayMs: number): Promise<KilledImport> {
  const expected = readExpectedWhole();
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
  return {
    marker,
    delayMs,
    committedBeforeKill,
    outcome: all ? '全部导入' : none ? '完全未导入' : '导入了一部分',
    records: counts.reduce((sum, count) => sum + count, 0),
    integrity: found.integrity,
  };
}

export async function importCrashScenario(options: ImportCrashOptions): Promise<ScenarioResult> {
  const expected = readExpectedWhole();
  const phases = await inTempDir('crash-import', (dir) => timeImport(path.join(dir, 'sftz.sqlite')));
  const runs: KilledImport[] = [];
  for (const { marker, delayMs } of killSchedule(options, phases)) {
    runs.push(await inTempDir('crash-import', (dir) => killImport(path.join(dir, 'sftz.sqlite'), marker, delayMs)));
  }
  const times = (outcome: ImportOutcome) => runs.filter((run) => run.outcome === outcome).length;
  return {
    name: '导入中途强行终止进程（SIGKILL）',
    figures: {
      '完整导入应有记录数': registers.reduce((sum, register) => sum + expected.rows[register.title]!, 0),
      '未中断时读台账/写入事务用时（毫秒）': `${Math.round(phases.readingMs)} / ${Math.round(phases.transactionMs)}`,
      '强行终止次数': runs.length,
      ...Object.fromEntries(
        runs.map((run, index) => [
          `第${index + 1}次`,
          `「${run.marker}」后 ${run.delayMs} 毫秒终止${run.committedBeforeKill ? '（此时导入已提交）' : ''}：` +
            `${run.outcome}，找到 ${run.records} 条，integrity_check ${run.integrity}`,
        ]),
      ),
      '全部导入的次数': times('全部导入'),
      '完全未导入的次数': times('完全未导入'),
      '导入了一部分的次数': times('导入了一部分'),
      '完整性检查通过次数': runs.filter((run) => run.integrity === 'ok').length,
    },
    ok: runs.every(
      (run) => run.integrity === 'ok' && run.outcome !== '导入了一部分' && (!run.committedBeforeKill || run.outcome === '全部导入'),
    ),
  };
}

export interface SaveBurstOptions {
  readonly runs: number;
  readonly seed: number;
}

interface KilledBurst {
  readonly attempted: number;
  readonly acknowledged: number;
  readonly found: number;
  readonly stored: number;
  readonly integrity: string;
}

/** Saves records one by one in a worker, kills it once `killAfter` saves are acknowledged, and reads what is left. */
async function killBurst(dbFile: string, killAfter: number, extraDelayMs: number): Promise<KilledBurst> {
  const writer = startWriter('save-worker.ts', [dbFile, '0', '100000']);
  const acknowledgedLines = () => writer.lines.filter((line) => line.startsWith('saved '));
  await writer.line('saved ');
  while (acknowledgedLines().length < killAfter) {
    if (writer.child.exitCode !== null) throw new Error(`save worker stopped by itself: ${(await writer.exited).stderr}`);
    await sleep(2);
  }
  await sleep(extraDelayMs);
  writer.child.kill('SIGKILL');
  await writer.exited;
  const acknowledged = acknowledgedLines().map((line) => Number(line.split(' ')[1]));
  const found = reopen(dbFile);
  const present = new Set(found.sweepIds);
  return {
    attempted: writer.lines.filter((line) => line.startsWith('saving ')).length,
    acknowledged: acknowledged.length,
    found: acknowledged.filter((id) => present.has(id)).length,
    stored: found.sweepIds.length,
    integrity: found.integrity,
  };
}

export async function saveBurstCrashScenario(options: SaveBurstOptions): Promise<ScenarioResult> {
  const random = seededRandom(options.seed);
  const runs: KilledBurst[] = [];
  for (let run = 0; run < options.runs; run++) {
    const killAfter = 50 + Math.floor(random() * 250);
    const extraDelayMs = random() * 10;
    runs.push(await inTempDir('crash-saves', (dir) => killBurst(path.join(dir, 'sftz.sqlite'), killAfter, extraDelayMs)));
  }
  const total = (figure: keyof KilledBurst) => runs.reduce((sum, run) => sum + (run[figure] as number), 0);
  return {
    name: '连续保存中途强行终止进程（SIGKILL）',
    figures: {
      '强行终止次数': runs.length,
      '发出保存合计': total('attempted'),
      '已确认保存合计': total('acknowledged'),
      '重开后找到合计': total('found'),
      ...Object.fromEntries(
        runs.map((run, index) => [
          `第${index + 1}次`,
          `发出保存 ${run.attempted} 条，已确认 ${run.acknowledged} 条，重开后找到其中 ${run.found} 条，库中共 ${run.stored} 条` +
            `（终止时正在保存的 ${run.stored - run.acknowledged} 条已提交），integrity_check ${run.integrity}`,
        ]),
      ),
    },
    // The save in flight when the process died may or may not have been committed; nothing acknowledged may be missing.
    ok: runs.every(
      (run) => run.found === run.acknowledged && run.stored - run.acknowledged <= 1 && run.integrity === 'ok',
    ),
  };
}
