// `cli exchange invite|join|export|import|status` (exchange.md "Command line"), through the
// exchange.* methods like every other command:
//   exchange invite --db BUREAU.sqlite --office 名称 --out 名称.join
//   exchange join   --db OFFICE.sqlite 名称.join        (creates the database when there is none)
//   exchange export --db OFFICE.sqlite --out FILE  |  --db BUREAU.sqlite --office 名称 [--restore] --out FILE
//   exchange import --db DB.sqlite FILE
//   exchange status --db DB.sqlite [--format json|table]
// Exit codes: 0 done (import: applied, or already applied — it says which); 1 a join file or
// package refused (says why; nothing written); 2 the command could not run.

import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import type { ExchangeStatus, PackageApplied } from '../exchange/exchange.ts';
import { shortTime } from '../exchange/site.ts';
import { writeFileAtomically } from '../export/write-file.ts';
import { UsageError, text, type CliCommand, type CommandArgs } from './command.ts';
import type { CliTransport } from './transport.ts';

/** The largest package or join file read: a county's year is a few megabytes. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

const subcommands = ['invite', 'join', 'export', 'import', 'status'] as const;
type Subcommand = (typeof subcommands)[number];

const subcommandOf = (args: CommandArgs) => args.positionals[0] as Subcommand;

/** The one file a join or import names, as base64 for the API. */
function inputFile(args: CommandArgs): string {
  const file = args.positionals[1]!;
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new UserError(`无法读取文件「${file}」：文件不存在或没有读取权限`);
  }
  if (size > MAX_FILE_BYTES) throw new UserError(`文件「${file}」过大，不是数据包`);
  return fs.readFileSync(file).toString('base64');
}

/** A refused join file or package: its reason on stderr, exit code 1. */
async function refusedAsExit1(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof UserError) || error.kind !== 'conflict') throw error;
    console.error(error.message);
    return 1;
  }
}

const runs: Record<Subcommand, (transport: CliTransport, args: CommandArgs) => Promise<number>> = {
  invite: async (transport, args) => {
    const office = text(args, 'office')!;
    const out = text(args, 'out')!;
    const invitation = await transport.call<{ content: string; records: number }>('exchange.invite', { office });
    writeFileAtomically(out, Buffer.from(invitation.content, 'base64'));
    console.log(`已生成${office}的加入文件：${path.resolve(out)}（带上局端已有的该所记录 ${invitation.records} 条）`);
    return 0;
  },
  join: (transport, args) =>
    refusedAsExit1(async () => {
      const joined = await transport.call<{ office: string; records: number }>('exchange.join', { content: inputFile(args) });
      console.log(`本机已成为${joined.office}的电脑，已加入本县数据交换（从局端带来本所记录 ${joined.records} 条）`);
      return 0;
    }),
  export: async (transport, args) => {
    const out = text(args, 'out')!;
    const office = text(args, 'office');
    const made = await transport.call<{ content: string; office: string; records: number; seq: number }>('exchange.export', {
      ...(office ? { office } : {}),
      restore: args.values.restore === true,
    });
    const file = Buffer.from(made.content, 'base64');
    writeFileAtomically(out, file);
    console.log(`已生成数据包：${path.resolve(out)}（${made.office}，序号 ${made.seq}，${made.records} 条记录，${file.length.toLocaleString('zh-CN')} 字节）`);
    return 0;
  },
  import: (transport, args) =>
    refusedAsExit1(async () => {
      console.log((await transport.call<PackageApplied>('exchange.import', { content: inputFile(args) })).message);
      return 0;
    }),
  status: async (transport, args) => {
    const status = await transport.call<ExchangeStatus>('exchange.status');
    console.log(text(args, 'format') === 'table' ? statusTable(status) : JSON.stringify(status));
    return 0;
  },
};

export const exchangeCommand: CliCommand = {
  usage: 'exchange invite|join|export|import|status --db 数据库.sqlite …（数据交换，见 README）',
  options: {
    office: { type: 'string' },
    out: { type: 'string' },
    restore: { type: 'boolean', default: false },
    format: { type: 'string', default: 'json' },
  },
  creates: (args) => subcommandOf(args) === 'join',
  method: 'exchange.status',
  check: (args) => {
    const sub = subcommandOf(args);
    if (!sub) throw new UsageError('缺少 exchange 命令（invite、join、export、import、status）');
    if (!subcommands.includes(sub)) throw new UsageError(`不认识的 exchange 命令「${sub}」（可用：invite、join、export、import、status）`);
    const files = args.positionals.length - 1;
    if (sub === 'join' || sub === 'import') {
      if (files !== 1) throw new UsageError(`用法：exchange ${sub} --db 数据库 ${sub === 'join' ? '加入文件' : '数据包文件'}`);
    } else if (files > 0) throw new UsageError(`多余的参数：${args.positionals.slice(1).join(' ')}`);
    if (sub === 'invite' && (!text(args, 'office') || !text(args, 'out'))) {
      throw new UsageError('用法：exchange invite --db 局端数据库 --office 司法所名称 --out 加入文件');
    }
    if (sub === 'export' && !text(args, 'out')) throw new UsageError('缺少 --out 数据包文件');
    const format = text(args, 'format');
    if (format !== 'json' && format !== 'table') throw new UsageError('--format 只能是 json 或 table');
  },
  run: (transport, args) => runs[subcommandOf(args)](transport, args),
};

function statusTable(status: ExchangeStatus): string {
  if (status.role === 'standalone') return `${status.bureauName}：尚未邀请任何司法所（单机使用）`;
  if (status.role === 'office') {
    return `${status.office ?? ''}（${status.bureauName}）：本机序号 ${status.seq}，局端已确认 ${status.acked}，待发送 ${status.pending} 条，上次收到局端数据包 ${shortTime(status.lastSyncAt)}`;
  }
  return [
    `${status.bureauName}（局端）`,
    ...status.offices.map(
      (office) =>
        `  ${office.office}：${office.joined ? `数据截至 ${shortTime(office.dataAsOf)}，序号 ${office.lastSeq}，${office.lastRecords} 条记录，收到于 ${shortTime(office.lastReceivedAt)}` : '已邀请，尚未收到数据包'}${office.wentBackAt ? '（序号倒退，待恢复）' : ''}`,
    ),
  ].join('\n');
}
