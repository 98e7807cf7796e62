// `cli import --db FILE.sqlite PATH [PATH ...]`: the files are one import (import.commit), after
// the day's backup when the database holds records. Exit 1 when a file was rejected (nothing of
// it written, and with an office account's rows of another office nothing at all), its problems on stderr.

import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import type { ImportOutcome } from '../import/import-ledger.ts';
import { ledgerSizeProblem } from '../import/read-ledger.ts';
import { UsageError, type CliCommand } from './command.ts';

export const importCommand: CliCommand = {
  usage: 'import --db 数据库.sqlite 台账文件 [台账文件 ...]',
  options: {},
  creates: () => true,
  method: 'import.commit',
  check: ({ positionals }) => {
    if (positionals.length === 0) throw new UsageError('缺少要导入的台账文件');
    positionals.forEach(checkLedger);
  },
  run: async (transport, { positionals }) => {
    const files = positionals.map((file) => ({ name: file, content: fs.readFileSync(file).toString('base64') }));
    let outcome: ImportOutcome & { backupBeforeImport: string | null };
    try {
      outcome = await transport.call('import.commit', { files });
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
    for (const notice of outcome.notices) console.log(`提示：${notice}`);
    for (const problem of outcome.problems) console.error(problem.message);
    if (outcome.rejectedFiles.length === 0) return 0;
    console.error(`以下文件未导入（其中的数据一行也没有写入）：${outcome.rejectedFiles.map((file) => path.basename(file)).join('、')}`);
    return 1;
  },
};

/** A ledger file must be there and readable, and is refused before it is read when over the import's size limit. */
function checkLedger(file: string): void {
  try {
    const tooLarge = ledgerSizeProblem(file, fs.statSync(file).size);
    if (tooLarge) throw new UserError(tooLarge);
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`无法读取文件「${file}」：文件不存在或没有读取权限`);
  }
}
