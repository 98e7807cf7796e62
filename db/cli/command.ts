// What a command of the command line is: its usage line, its own options, and what it does
// through the CLI's transport (db/cli/transport.ts). Commands are registered in db/cli/commands.ts.

import type { ParseArgsConfig } from 'node:util';
import type { CliTransport, Credentials } from './transport.ts';

/** A mistake in the command line itself: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export interface CommandArgs {
  readonly db: string;
  /** The command's options as parsed (strings and booleans). */
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: readonly string[];
  readonly credentials: Credentials;
}

export interface CliCommand {
  /** The usage line, after `npm run --silent cli -- `. */
  readonly usage: string;
  /** Options beyond the common ones (--db, --user, --recovery-code). */
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Whether the command may create the database (import and exchange join do; nothing else does). */
  readonly creates?: (args: CommandArgs) => boolean;
  /** The API method whose role the account needs before anything else is done. */
  readonly method: string;
  /** Checks its arguments (a UsageError for a wrong command line) before the database is opened. */
  readonly check?: (args: CommandArgs) => void;
  /** The exit code: 0 done, 1 something rejected. */
  readonly run: (transport: CliTransport, args: CommandArgs) => Promise<number>;
}

export const text = (args: CommandArgs, name: string): string | undefined => {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
};

export function noPositionals(args: CommandArgs): void {
  if (args.positionals.length > 0) throw new UsageError(`多余的参数：${args.positionals.join(' ')}`);
}
