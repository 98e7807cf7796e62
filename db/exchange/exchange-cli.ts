// The CLI's `exchange` commands (exchange.md "Command line"):
//   exchange invite --db BUREAU.sqlite --office 名称 --out 名称.join
//   exchange join   --db OFFICE.sqlite 名称.join
//   exchange export --db OFFICE.sqlite --out FILE  |  --db BUREAU.sqlite --office 名称 [--restore] --out FILE
//   exchange import --db DB.sqlite FILE
//   exchange status --db DB.sqlite [--format json|table]
// Exit codes as the rest of the CLI: 0 done (import: applied, or already applied — it says
// which); 1 a package or join file refused (says why; nothing written); 2 the command could not run.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { MethodName } from '../api/contract.ts';
import type { RegisterDatabase } from '../database.ts';
import { UserError } from '../errors.ts';
import { writeFileAtomically } from '../export/write-file.ts';
import { applyPackage, exchangeStatus, inviteOffice, joinCounty, makePackage } from './exchange.ts';
import { PackageRefused } from './portable-records.ts';
import { shortTime } from './site.ts';

/** Opens the database for a command as the rest of the CLI does (credentials, role, audit). */
export type OpenForExchange = (
  dbFile: string,
  method: MethodName,
  create: boolean,
) => { readonly db: RegisterDatabase; readonly user: string };

/** The largest package or join file read: a county's year is a few megabytes. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

function readInput(file: string): Buffer {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new UserError(`无法读取文件「${file}」：文件不存在或没有读取权限`);
  }
  if (size > MAX_FILE_BYTES) throw new UserError(`文件「${file}」过大，不是数据包`);
  return fs.readFileSync(file);
}

export function exchangeCommand(args: string[], open: OpenForExchange): number {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      office: { type: 'string' },
      out: { type: 'string' },
      restore: { type: 'boolean', default: false },
      format: { type: 'string', default: 'json' },
      user: { type: 'string' },
      'recovery-code': { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new UserError('缺少 --db 数据库文件');
  const dbFile = values.db;
  const withDb = <T>(method: MethodName, create: boolean, work: (db: RegisterDatabase, user: string) => T): T => {
    const { db, user } = open(dbFile, method, create);
    try {
      return work(db, `${user}（命令行）`);
    } finally {
      db.close();
    }
  };
  const refusedAsExit1 = (work: () => number): number => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof PackageRefused)) throw error;
      console.error(error.message);
      return 1;
    }
  };
  switch (sub) {
    case 'invite': {
      if (!values.office || !values.out) throw new UserError('用法：exchange invite --db 局端数据库 --office 司法所名称 --out 加入文件');
      const out = values.out;
      const office = values.office;
      return withDb('settings.update', false, (db, user) => {
        const invitation = inviteOffice(db, office, user);
        writeFileAtomically(out, invitation.file);
        console.log(`已生成${office}的加入文件：${path.resolve(out)}（带上局端已有的该所记录 ${invitation.records} 条）`);
        return 0;
      });
    }
    case 'join': {
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UserError('用法：exchange join --db 本所数据库 加入文件');
      const content = readInput(file);
      return refusedAsExit1(() =>
        withDb('settings.update', true, (db, user) => {
          const joined = joinCounty(db, content, user);
          console.log(`本机已成为${joined.office}的电脑，已加入本县数据交换（从局端带来本所记录 ${joined.records} 条）`);
          return 0;
        }),
      );
    }
    case 'export': {
      if (!values.out) throw new UserError('缺少 --out 数据包文件');
      const out = values.out;
      return withDb('settings.update', false, (db, user) => {
        const made = makePackage(db, { ...(values.office ? { office: values.office } : {}), restore: values.restore ?? false, user });
        writeFileAtomically(out, made.file);
        console.log(`已生成数据包：${path.resolve(out)}（${made.office}，序号 ${made.seq}，${made.records} 条记录，${made.file.length.toLocaleString('zh-CN')} 字节）`);
        return 0;
      });
    }
    case 'import': {
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UserError('用法：exchange import --db 数据库 数据包文件');
      const content = readInput(file);
      return refusedAsExit1(() =>
        withDb('settings.update', false, (db, user) => {
          console.log(applyPackage(db, content, user).message);
          return 0;
        }),
      );
    }
    case 'status': {
      if (values.format !== 'json' && values.format !== 'table') throw new UserError('--format 只能是 json 或 table');
      const format = values.format;
      return withDb('office.list', false, (db) => {
        const status = exchangeStatus(db);
        if (format === 'json') console.log(JSON.stringify(status));
        else console.log(statusTable(status));
        return 0;
      });
    }
    default:
      throw new UserError(sub ? `不认识的 exchange 命令「${sub}」（可用：invite、join、export、import、status）` : '缺少 exchange 命令（invite、join、export、import、status）');
  }
}

function statusTable(status: ReturnType<typeof exchangeStatus>): string {
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
