// `cli import --db FILE.sqlite [--mapping MAPPING.json] [--register 台账名称] PATH [PATH ...]`: the
// files are one import (import.commit), after the day's backup when the database holds records.
// It says how each sheet was read (register and why, header, skipped rows, converted values) and,
// while it runs, how far it has got (on stderr). Exit 1 when a file was rejected (nothing of it
// written, and with an office account's rows of another office nothing at all), its problems —
// every unknown column and value among them — on stderr.

import fs from 'node:fs';
import path from 'node:path';
import type { Progress } from '../api/progress.ts';
import { UserError } from '../errors.ts';
import type { ImportOutcome } from '../import/import-ledger.ts';
import { parseMapping, type ImportMapping } from '../import/mapping.ts';
import { UsageError, text, type CliCommand } from './command.ts';
import type { CliTransport } from './transport.ts';

/** How often the progress of a long import is told on stderr. */
const PROGRESS_EVERY_MS = 2000;

export const importCommand: CliCommand = {
  usage: 'import --db 数据库.sqlite [--mapping MAPPING.json] [--register 台账名称] 台账文件 [台账文件 ...]',
  options: {
    // the answers for unknown columns and values, and the register of CSV files whose name and columns say nothing
    mapping: { type: 'string' },
    register: { type: 'string' },
  },
  creates: () => true,
  method: 'import.commit',
  check: (args) => {
    if (args.positionals.length === 0) throw new UsageError('缺少要导入的台账文件');
    args.positionals.forEach(checkLedger);
    const mapping = text(args, 'mapping');
    if (mapping !== undefined) readMappingFile(mapping);
  },
  run: async (transport, args) => {
    const mappingFile = text(args, 'mapping');
    // By path: the importer streams each file from disk, so a ledger of any size costs bounded memory.
    const files = args.positionals.map((file) => ({ name: file, path: file }));
    let outcome: ImportOutcome & { backupBeforeImport: string | null };
    try {
      outcome = await whileTellingProgress(transport, () =>
        transport.call('import.commit', {
          files,
          ...(mappingFile === undefined ? {} : { mapping: readMappingFile(mappingFile) }),
          ...(text(args, 'register') === undefined ? {} : { register: text(args, 'register') }),
        }),
      );
    } catch (error) {
      // An office account's files with rows of another office: refused whole, as a bad row is.
      if (!(error instanceof UserError) || error.kind !== 'forbidden') throw error;
      console.error(error.message);
      return 1;
    }
    if (outcome.backupBeforeImport) console.log(`导入前已备份：${outcome.backupBeforeImport}`);
    for (const sheet of outcome.sheets) {
      console.log(
        `${sheet.sheet}（${path.basename(sheet.file)}）：${sheet.rows} 行，新增 ${sheet.added}，更新 ${sheet.updated}，未变 ${sheet.unchanged}`,
      );
    }
    printReadings(outcome);
    for (const notice of outcome.notices) console.log(`提示：${notice}`);
    for (const problem of outcome.problems) console.error(problem.message);
    if (outcome.rejectedFiles.length === 0) return 0;
    for (const column of outcome.unknownColumns) {
      console.error(`不认识的列：${column.sheet}「${column.header}」（可在 MAPPING.json 的 columns 中指定为 ${column.choices.map((c) => `「${c}」`).join('')} 之一，或 null 忽略）`);
    }
    for (const value of outcome.unknownValues) {
      console.error(`不认识的值：${value.sheet} ${value.field}「${value.value}」（${value.count} 行，首见第${value.firstRow}行；应为 ${value.choices.map((c) => `「${c}」`).join('')} 之一，可在 MAPPING.json 的 values 中指定）`);
    }
    console.error(`以下文件未导入（其中的数据一行也没有写入）：${outcome.rejectedFiles.map((file) => path.basename(file)).join('、')}`);
    return 1;
  },
};

/** A ledger file must be there and readable. */
function checkLedger(file: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new UserError(`无法读取文件「${file}」：文件不存在或没有读取权限`);
  }
}

/** --mapping's file, read as registers.md §5 describes it. */
function readMappingFile(file: string): ImportMapping {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`无法读取映射文件「${file}」：文件不存在或没有读取权限`);
  }
  const mapping = parseMapping(content.replace(/^\uFEFF/, ''));
  if ('problem' in mapping) throw new UserError(`映射文件「${file}」${mapping.problem}`);
  return mapping;
}

/** Runs the import, telling on stderr every few seconds how far it has got (app.progress). */
async function whileTellingProgress<T>(transport: CliTransport, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    void transport.call<Progress | null>('app.progress').then((progress) => {
      if (progress) process.stderr.write(`${progress.task}：${progress.step}，已读 ${progress.done.toLocaleString('zh-CN')} ${progress.unit}\n`);
    });
  }, PROGRESS_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** How each sheet was read: register and why, header, skipped rows, converted values. */
function printReadings(outcome: ImportOutcome): void {
  for (const reading of outcome.readings) {
    console.log(`${reading.sheet}：按「${reading.register}」读取（${reading.why}），表头在第${reading.headerRows.join('、')}行`);
    for (const skipped of reading.skipped) {
      console.log(`  跳过${skipped.reason} ${skipped.count} 行（第${skipped.rows.join('、')}行${skipped.count > skipped.rows.length ? '等' : ''}）`);
    }
    for (const conversion of reading.conversions) {
      console.log(`  ${conversion.field}：${conversion.from} → ${conversion.to}：${conversion.count} 行`);
    }
  }
}
