// `cli backup --db FILE.sqlite [--to FOLDER]`: backup.create — checked before it is kept; prints where it went.

import type { TakenBackup } from '../backup/take-backup.ts';
import { noPositionals, text, type CliCommand } from './command.ts';

export const backupCommand: CliCommand = {
  usage: 'backup --db 数据库.sqlite [--to 备份文件夹]',
  options: { to: { type: 'string' } },
  method: 'backup.create',
  check: noPositionals,
  run: async (transport, args) => {
    const folder = text(args, 'to');
    const taken = await transport.call<TakenBackup>('backup.create', folder ? { folder } : {});
    console.log(`已备份（已校验）：${taken.backup.file}（${taken.backup.size.toLocaleString('zh-CN')} 字节）`);
    if (taken.secondCopy) console.log(`已复制到第二备份位置：${taken.secondCopy}`);
    for (const notice of taken.notices) console.log(`提示：${notice}`);
    return 0;
  },
};
