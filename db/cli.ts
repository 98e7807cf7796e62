// The command line (indicators.md, "The CLI contract"):
//   cli import --db FILE.sqlite PATH [PATH ...]
//   cli report --db FILE.sqlite --from YYYY-MM-DD --to YYYY-MM-DD [--office 名称] [--compare] --format json|table
//   cli export --db FILE.sqlite --from YYYY-MM-DD --to YYYY-MM-DD [--office 名称] [--xlsx OUT.xlsx] [--docx OUT.docx]
//   cli backup --db FILE.sqlite [--to FOLDER]        (default: 备份/ beside the database)
//   cli restore --db FILE.sqlite --from BACKUP.sqlite (asks nothing; backs up the current content first)
// An encrypted database (the app's, since setup) needs credentials: `--user NAME` with the
// password in the environment variable SFTZ_PASSWORD, or `--recovery-code` with the code in
// SFTZ_RECOVERY_CODE (never on the command line, where other users could read it). The account's
// role and office apply as in the app (an office account reports on its office only; backup and
// restore need an administrator); a wrong password counts towards the account's lock. Plain
// databases need none of this.
// Exit codes: 0 done; 1 something was rejected (nothing from a rejected file was written);
// 2 the command itself could not run (usage, a missing or foreign database, a bad period, no or
// wrong credentials, an account not allowed).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { unsealWithPassword, unsealWithRecoveryCode, writeWhatWaited } from './accounts/key-login.ts';
import { BUREAU_ADMINISTRATOR, checkRole, type Access } from './accounts/permissions.ts';
import { accountByName } from './accounts/users.ts';
import type { MethodName } from './api/contract.ts';
import { recordAudit } from './audit/audit-log.ts';
import { calendarDay } from './backup/backup-files.ts';
import { replaceWithBackup, restoreBackup } from './backup/restore.ts';
import { backupBeforeImport, takeBackup } from './backup/take-backup.ts';
import { DatabaseOpenError, databaseFileKind, databaseKey, openDatabase, type RegisterDatabase } from './database.ts';
import { keyFileOf } from './encryption/key-file.ts';
import { UserError } from './errors.ts';
import { buildReportDocument } from './export/report-document.ts';
import { buildReportWorkbook } from './export/report-workbook.ts';
import { writeFileAtomically } from './export/write-file.ts';
import { importLedgers } from './import/import-ledger.ts';
import { parseMapping, type ImportMapping } from './import/mapping.ts';
import { isIsoDate } from './registers/values.ts';
import { indicatorDefinitions } from './report/indicators.ts';
import { runReport, type Report } from './report/engine.ts';

const usage = `用法：
  npm run --silent cli -- import --db 数据库.sqlite [--mapping MAPPING.json] [--register 台账名称] 台账文件 [台账文件 ...]
  npm run --silent cli -- report --db 数据库.sqlite --from YYYY-MM-DD --to YYYY-MM-DD [--office 单位名称] [--compare] --format json|table
  npm run --silent cli -- export --db 数据库.sqlite --from YYYY-MM-DD --to YYYY-MM-DD [--office 单位名称] [--xlsx 统计表.xlsx] [--docx 报告.docx]
  npm run --silent cli -- backup --db 数据库.sqlite [--to 备份文件夹]
  npm run --silent cli -- restore --db 数据库.sqlite --from 备份文件.sqlite
加密的数据库另加 --user 用户名（密码放在环境变量 SFTZ_PASSWORD 中），或 --recovery-code（恢复码放在环境变量 SFTZ_RECOVERY_CODE 中）`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      office: { type: 'string' },
      compare: { type: 'boolean', default: false },
      format: { type: 'string', default: 'json' },
      xlsx: { type: 'string' },
      docx: { type: 'string' },
      user: { type: 'string' },
      'recovery-code': { type: 'boolean', default: false },
      // import: the answers for unknown columns and values, and the register of CSV files whose name says nothing
      mapping: { type: 'string' },
      register: { type: 'string' },
    },
  });
  if (!values.db) throw new UsageError('缺少 --db 数据库文件');
  const credentials: Credentials = { user: values.user, recoveryCode: values['recovery-code'] ?? false };
  switch (command) {
    case 'import':
      return importCommand(values.db, positionals, credentials, values);
    case 'report':
      return reportCommand(values.db, values, credentials);
    case 'export':
      if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
      return exportCommand(values.db, values, credentials);
    case 'backup':
      if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
      return backupCommand(values.db, values.to, credentials);
    case 'restore':
      if (!values.from) throw new UsageError('缺少 --from 备份文件');
      return restoreCommand(values.db, values.from, credentials);
    default:
      throw new UsageError(command ? `不认识的命令「${command}」` : '缺少命令');
  }
}

/** Who runs a command on an encrypted database. */
interface Credentials {
  readonly user: string | undefined;
  readonly recoveryCode: boolean;
}

interface OpenedForCommand {
  readonly db: RegisterDatabase;
  readonly access: Access;
  /** Who is acting, for the import log. */
  readonly user: string;
}

/**
 * The database for a command: a plain one as it is (as the CLI always did); an encrypted one
 * unlocked with the credentials, the account checked for the command (`method`, the API method
 * the command does the work of) and its use recorded in the audit log.
 */
function openForCommand(dbFile: string, method: MethodName, credentials: Credentials, create = false): OpenedForCommand {
  if (databaseFileKind(dbFile) !== 'encrypted') {
    return { db: openDatabase(dbFile, { create }), access: BUREAU_ADMINISTRATOR, user: os.userInfo().username };
  }
  const keyFile = keyFileOf(dbFile);
  const command = `cli.${process.argv[2] ?? ''}`;
  let key: Buffer;
  let username: string;
  if (credentials.recoveryCode) {
    const code = process.env.SFTZ_RECOVERY_CODE;
    if (!code) throw new UserError('请在环境变量 SFTZ_RECOVERY_CODE 中给出恢复码');
    username = '恢复码';
    key = unsealWithRecoveryCode(keyFile, username, code, new Date(), command);
  } else if (credentials.user) {
    const password = process.env.SFTZ_PASSWORD;
    if (!password) throw new UserError(`请在环境变量 SFTZ_PASSWORD 中给出用户「${credentials.user}」的密码`);
    username = credentials.user;
    key = unsealWithPassword(keyFile, username, password, new Date(), command);
  } else {
    throw new UserError(
      '数据库已加密：请用 --user 用户名，并在环境变量 SFTZ_PASSWORD 中给出密码（或用 --recovery-code，并在环境变量 SFTZ_RECOVERY_CODE 中给出恢复码）',
    );
  }
  const db = openDatabase(dbFile, { create: false, key });
  try {
    writeWhatWaited(db, keyFile);
    let access = BUREAU_ADMINISTRATOR;
    if (!credentials.recoveryCode) {
      const account = accountByName(db, username);
      if (!account || account.disabled) throw new UserError(account ? '账号已停用，请联系管理员' : '用户名或密码错误');
      access = account;
      username = account.username;
      checkRole(access, method);
    }
    recordAudit(db, { user: username, action: 'login', method: command });
    return { db, access, user: username };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The office a report covers: --office, which an office account may only name as its own (its own when absent). */
function reportOffice(db: RegisterDatabase, access: Access, office: string | undefined): number | null {
  const named = office ? officeIdByName(db, office) : null;
  if (access.officeId === null) return named;
  if (named !== null && named !== access.officeId) {
    throw new UserError(`您的账号（${access.officeName ?? ''}）只能统计本单位的数据`);
  }
  return access.officeId;
}

async function importCommand(
  dbFile: string,
  files: string[],
  credentials: Credentials,
  options: { mapping?: string; register?: string },
): Promise<number> {
  if (files.length === 0) throw new UsageError('缺少要导入的台账文件');
  for (const file of files) {
    try {
      fs.accessSync(file, fs.constants.R_OK);
    } catch {
      throw new UserError(`无法读取文件「${file}」：文件不存在或没有读取权限`);
    }
  }
  const mapping = options.mapping === undefined ? undefined : readMappingFile(options.mapping);
  const { db, user } = openForCommand(dbFile, 'import.commit', credentials, true);
  try {
    const before = backupBeforeImport(db, dbFile, calendarDay());
    if (before) console.log(`导入前已备份：${before.backup.file}`);
    const outcome = await importLedgers(
      db,
      files.map((file) => ({ name: file, path: file })),
      {
        user: `${user}（命令行）`,
        mapping,
        register: options.register,
        onProgress: (progress) =>
          process.stderr.write(`${progress.sheet}：已读 ${progress.read} 行，已检查 ${progress.checked} 条，已写入 ${progress.written} 条\n`),
      },
    );
    for (const sheet of outcome.sheets) {
      console.log(
        `${sheet.sheet}（${path.basename(sheet.file)}）：${sheet.rows} 行，新增 ${sheet.added}，更新 ${sheet.updated}，未变 ${sheet.unchanged}`,
      );
    }
    printReadings(outcome);
    for (const notice of outcome.notices) console.log(`提示：${notice}`);
    for (const problem of outcome.problems) console.error(problem.message);
    if (outcome.rejectedFiles.length > 0) {
      for (const column of outcome.unknownColumns) {
        console.error(`不认识的列：${column.sheet}「${column.header}」（可在 MAPPING.json 的 columns 中指定为 ${column.choices.map((c) => `「${c}」`).join('')} 之一，或 null 忽略）`);
      }
      for (const value of outcome.unknownValues) {
        console.error(`不认识的值：${value.sheet} ${value.field}「${value.value}」（${value.count} 行，首见第${value.firstRow}行；应为 ${value.choices.map((c) => `「${c}」`).join('')} 之一，可在 MAPPING.json 的 values 中指定）`);
      }
      console.error(
        `以下文件未导入（其中的数据一行也没有写入）：${outcome.rejectedFiles.map((file) => path.basename(file)).join('、')}`,
      );
      return 1;
    }
    return 0;
  } finally {
    db.close();
  }
}

/** --mapping's file, read as registers.md §5 describes it. */
function readMappingFile(file: string): ImportMapping {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`无法读取映射文件「${file}」：文件不存在或没有读取权限`);
  }
  const mapping = parseMapping(text.replace(/^\uFEFF/, ''));
  if ('problem' in mapping) throw new UserError(`映射文件「${file}」${mapping.problem}`);
  return mapping;
}

/** How each sheet was read: register and why, header, skipped rows, converted values. */
function printReadings(outcome: Awaited<ReturnType<typeof importLedgers>>): void {
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

function reportCommand(
  dbFile: string,
  options: { from?: string; to?: string; office?: string; compare?: boolean; format?: string },
  credentials: Credentials,
): number {
  if (!options.from || !options.to) throw new UsageError('缺少 --from 或 --to');
  if (options.format !== 'json' && options.format !== 'table') throw new UsageError('--format 只能是 json 或 table');
  const { db, access } = openForCommand(dbFile, 'report.run', credentials);
  try {
    const officeId = reportOffice(db, access, options.office);
    const report = runReport(db, { from: options.from, to: options.to, officeId, compare: options.compare ?? false });
    console.log(options.format === 'json' ? JSON.stringify(reportJson(report)) : reportTable(db, report));
    return 0;
  } finally {
    db.close();
  }
}

/** Writes the Excel tables and/or the Word draft of one report; each file appears whole or not at all. */
async function exportCommand(
  dbFile: string,
  options: { from?: string; to?: string; office?: string; xlsx?: string; docx?: string },
  credentials: Credentials,
): Promise<number> {
  const { from, to, xlsx, docx } = options;
  if (!from || !to) throw new UsageError('缺少 --from 或 --to');
  if (!xlsx && !docx) throw new UsageError('缺少 --xlsx 或 --docx：至少指定一个导出文件');
  if (xlsx && docx && path.resolve(xlsx) === path.resolve(docx)) throw new UsageError('--xlsx 与 --docx 不能是同一个文件');
  for (const date of [from, to]) {
    if (!isIsoDate(date)) throw new UserError(`日期「${date}」不是有效日期（应为 YYYY-MM-DD）`);
  }
  if (from > to) throw new UserError(`起始日期 ${from} 晚于截止日期 ${to}`);
  const { db, access } = openForCommand(dbFile, 'report.exportXlsx', credentials);
  try {
    const scope = { from, to, officeId: reportOffice(db, access, options.office) };
    const outputs: { file: string; what: string; content: Buffer }[] = [];
    if (xlsx) outputs.push({ file: xlsx, what: 'Excel 统计表', content: await buildReportWorkbook(db, scope) });
    if (docx) outputs.push({ file: docx, what: 'Word 报告初稿', content: await buildReportDocument(db, scope) });
    for (const output of outputs) {
      writeFileAtomically(output.file, output.content);
      console.log(`已导出 ${output.what}：${path.resolve(output.file)}`);
    }
    return 0;
  } finally {
    db.close();
  }
}

/** A manual backup, checked before it is kept; prints where it went. */
function backupCommand(dbFile: string, folder: string | undefined, credentials: Credentials): number {
  const { db } = openForCommand(dbFile, 'backup.create', credentials);
  try {
    const taken = takeBackup(db, { dbFile, kind: 'manual', today: calendarDay(), ...(folder ? { folder } : {}) });
    console.log(`已备份（已校验）：${taken.backup.file}（${taken.backup.size.toLocaleString('zh-CN')} 字节）`);
    if (taken.secondCopy) console.log(`已复制到第二备份位置：${taken.secondCopy}`);
    for (const notice of taken.notices) console.log(`提示：${notice}`);
    return 0;
  } finally {
    db.close();
  }
}

/** Replaces the database's content with a backup's, after backing up the current content. */
async function restoreCommand(dbFile: string, backupFile: string, credentials: Credentials): Promise<number> {
  const { db } = openForCommand(dbFile, 'backup.restore', credentials);
  try {
    const request = { dbFile, file: backupFile, today: calendarDay() };
    const outcome = await (databaseKey(db) ? replaceWithBackup(db, request) : restoreBackup(db, request));
    console.log(`已用备份「${outcome.restoredFrom}」恢复数据库「${path.resolve(dbFile)}」。各台账记录数（恢复前 → 恢复后）：`);
    outcome.replaced.registers.forEach((register, index) => {
      console.log(`  ${register.title}：${register.count} → ${outcome.restored.registers[index]!.count}`);
    });
    console.log(`  合计：${outcome.replaced.total} → ${outcome.restored.total}`);
    console.log(`恢复前的数据已备份到：${outcome.preRestoreBackup.file}`);
    for (const notice of outcome.notices) console.log(`提示：${notice}`);
    return 0;
  } finally {
    db.close();
  }
}

function officeIdByName(db: RegisterDatabase, name: string): number {
  const row = db.prepare('SELECT id FROM office WHERE name = ? AND deleted_at IS NULL').get(name) as { id: number } | undefined;
  if (!row) {
    const names = (db.prepare('SELECT name FROM office WHERE deleted_at IS NULL ORDER BY id').all() as { name: string }[])
      .map((office) => office.name)
      .join('、');
    throw new UserError(`没有名为「${name}」的单位（现有单位：${names || '无'}）`);
  }
  return row.id;
}

/** Exactly the object of the CLI contract. */
function reportJson(report: Report) {
  return {
    from: report.from,
    to: report.to,
    office: report.office,
    generatedAt: report.generatedAt,
    indicators: report.indicators,
    ...(report.previous ? { previous: report.previous, change: report.change } : {}),
  };
}

/** Columns in a terminal: a CJK character takes two cells. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
const shown = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString('zh-CN'));

function reportTable(db: RegisterDatabase, report: Report): string {
  const definitions = indicatorDefinitions(db);
  const header = ['指标', '数值', ...(report.previous ? ['上年同期', '同比(%)'] : [])];
  const body = definitions.map((definition) => [
    definition.label,
    shown(report.indicators[definition.id]),
    ...(report.previous ? [shown(report.previous[definition.id]), shown(report.change?.[definition.id])] : []),
  ]);
  const widths = header.map((cell, column) => Math.max(displayWidth(cell), ...body.map((row) => displayWidth(row[column]!))));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? padEnd(cell, widths[column]!) : padStart(cell, widths[column]!))).join('  ');
  const title = `${report.office ?? '全局'} ${report.from} 至 ${report.to} 统计（生成于 ${report.generatedAt}）`;
  const lines = [title, line(header)];
  let group = '';
  definitions.forEach((definition, index) => {
    if (definition.register !== group) {
      group = definition.register;
      lines.push('', `【${group}】`);
    }
    lines.push(line(body[index]!));
  });
  const identity = report.checks.correctionIdentity;
  lines.push('', `社区矫正平衡校验：列管 ${identity.managed} = 期初 + 接收 ${identity.activeStartPlusReceived} = 在册 + 解除 + 终止 + 迁出 ${identity.activeEndPlusExits}，${identity.ok ? '相符' : '不相符，请核查数据'}`);
  return lines.join('\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n${usage}`);
    else if (error instanceof UserError || error instanceof DatabaseOpenError) console.error(error.message);
    else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(`${(error as Error).message}\n${usage}`);
    else console.error(`程序内部错误：${(error as Error).stack ?? String(error)}`);
    process.exitCode = 2;
  },
);
