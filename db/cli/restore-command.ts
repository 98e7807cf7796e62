// `cli restore --db FILE.sqlite --from BACKUP.sqlite`: backup.restore — asks nothing; the current
// content is backed up first; prints the records per register before and after.

import path from 'node:path';
import type { RestoreOutcome } from '../backup/restore.ts';
import { UsageError, noPositionals, text, type CliCommand } from './command.ts';

export const restoreCommand: CliCommand = {
  usage: 'restore --db 数据库.sqlite --from 备份文件.sqlite',
  options: { from: { type: 'string' } },
  method: 'backup.restore',
  check: (args) => {
    noPositionals(args);
    if (!text(args, 'from')) throw new UsageError('缺少 --from 备份文件');
  },
  run: async (transport, args) => {
    const outcome = await transport.call<RestoreOutcome>('backup.restore', { file: path.resolve(text(args, 'from')!) });
    console.log(`已用备份「${outcome.restoredFrom}」恢复数据库「${path.resolve(args.db)}」。各台账记录数（恢复前 → 恢复后）：`);
    outcome.replaced.registers.forEach((register, index) => {
      console.log(`  ${register.title}：${register.count} → ${outcome.restored.registers[index]!.count}`);
    });
    console.log(`  合计：${outcome.replaced.total} → ${outcome.restored.total}`);
    console.log(`恢复前的数据已备份到：${outcome.preRestoreBackup.file}`);
    for (const notice of outcome.notices) console.log(`提示：${notice}`);
    return 0;
  },
};
