// The command line (indicators.md, "The CLI contract"; README 命令行): a transport like the
// window and the loopback server — each command (db/cli/commands.ts, one module each) calls the
// same API methods through the same dispatcher, with the same rules and audit entries
// (db/cli/transport.ts). An encrypted database (the app's, since setup) needs credentials:
// `--user NAME` with the password in the environment variable SFTZ_PASSWORD, or `--recovery-code`
// with the code in SFTZ_RECOVERY_CODE (never on the command line, where other users could read
// it); the account's role and office apply as in the app. Plain databases need none of this.
// Exit codes: 0 done; 1 something was rejected (nothing from a rejected file was written; an
// account still on the password an administrator gave is refused so too, before any command);
// 2 the command itself could not run (usage, a missing or foreign database, a bad period, no or
// wrong credentials, an account not allowed).

import { parseArgs } from 'node:util';
import { DatabaseOpenError } from './database.ts';
import { UserError } from './errors.ts';
import { UsageError, type CommandArgs } from './cli/command.ts';
import { commands } from './cli/commands.ts';
import { PasswordChangePending, openCliTransport } from './cli/transport.ts';

const usage = `用法：
${Object.values(commands)
  .map((command) => `  npm run --silent cli -- ${command.usage}`)
  .join('\n')}
加密的数据库另加 --user 用户名（密码放在环境变量 SFTZ_PASSWORD 中），或 --recovery-code（恢复码放在环境变量 SFTZ_RECOVERY_CODE 中）`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name && Object.hasOwn(commands, name) ? commands[name]! : null;
  if (!command) throw new UsageError(name ? `不认识的命令「${name}」` : '缺少命令');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      user: { type: 'string' },
      'recovery-code': { type: 'boolean', default: false },
      ...command.options,
    },
  });
  if (typeof values.db !== 'string') throw new UsageError('缺少 --db 数据库文件');
  const args: CommandArgs = {
    db: values.db,
    values,
    positionals,
    credentials: { user: typeof values.user === 'string' ? values.user : undefined, recoveryCode: values['recovery-code'] === true },
  };
  command.check?.(args);
  const transport = openCliTransport(args.db, name!, command.method, args.credentials, command.creates?.(args) ?? false);
  try {
    return await command.run(transport, args);
  } finally {
    transport.close();
  }
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
    process.exitCode = error instanceof PasswordChangePending ? 1 : 2;
  },
);
