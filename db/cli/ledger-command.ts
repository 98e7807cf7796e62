// `cli ledger --db FILE.sqlite --register 人民调解案件 [--from …] [--to …] [--office 名称] [--full-id-numbers] --out FILE.xlsx|.csv`:
// one register taken out as a ledger (导出台账) through ledger.export, the file written whole or not at all.

import path from 'node:path';
import { writeFileAtomically } from '../export/write-file.ts';
import { registerBySheet } from '../registers/index.ts';
import { isIsoDate } from '../registers/values.ts';
import { UsageError, noPositionals, text, type CliCommand } from './command.ts';
import { officeIdByName } from './offices.ts';

export const ledgerCommand: CliCommand = {
  usage:
    'ledger --db 数据库.sqlite --register 台账名称 [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--office 单位名称] [--full-id-numbers] --out 台账.xlsx|台账.csv',
  options: {
    register: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    office: { type: 'string' },
    out: { type: 'string' },
    'full-id-numbers': { type: 'boolean', default: false },
  },
  method: 'ledger.export',
  check: (args) => {
    noPositionals(args);
    const name = text(args, 'register');
    if (!name) throw new UsageError('缺少 --register 台账名称（如 人民调解案件）');
    if (!registerBySheet.has(name.trim())) {
      throw new UsageError(`没有名为「${name}」的台账（可用的名称：${[...registerBySheet.keys()].join('、')}）`);
    }
    const out = text(args, 'out');
    if (!out) throw new UsageError('缺少 --out 导出文件（.xlsx 或 .csv）');
    const format = path.extname(out).toLowerCase();
    if (format !== '.xlsx' && format !== '.csv') throw new UsageError(`导出文件「${out}」应以 .xlsx 或 .csv 结尾`);
    const [from, to] = [text(args, 'from'), text(args, 'to')];
    for (const date of [from, to]) {
      if (date !== undefined && !isIsoDate(date)) throw new UsageError(`日期「${date}」不是有效日期（应为 YYYY-MM-DD）`);
    }
    if (from && to && from > to) throw new UsageError(`起始日期 ${from} 晚于截止日期 ${to}`);
  },
  run: async (transport, args) => {
    const register = registerBySheet.get(text(args, 'register')!.trim())!;
    const out = text(args, 'out')!;
    const office = text(args, 'office');
    const exported = await transport.call<{ content: string; rows: number }>('ledger.export', {
      register: register.name,
      format: path.extname(out).toLowerCase().slice(1),
      fullIdNumbers: args.values['full-id-numbers'] === true,
      from: text(args, 'from') ?? null,
      to: text(args, 'to') ?? null,
      officeId: office ? await officeIdByName(transport, office) : null,
    });
    writeFileAtomically(out, Buffer.from(exported.content, 'base64'));
    console.log(`已导出${register.title}台账（${exported.rows} 条）：${path.resolve(out)}`);
    return 0;
  },
};
