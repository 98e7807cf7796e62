// The commands of the command line, by name: adding one is one line here (and its module).

import { backupCommand } from './backup-command.ts';
import type { CliCommand } from './command.ts';
import { exchangeCommand } from './exchange-command.ts';
import { exportCommand } from './export-command.ts';
import { importCommand } from './import-command.ts';
import { ledgerCommand } from './ledger-command.ts';
import { reportCommand } from './report-command.ts';
import { restoreCommand } from './restore-command.ts';

export const commands: Readonly<Record<string, CliCommand>> = {
  import: importCommand,
  report: reportCommand,
  export: exportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  ledger: ledgerCommand,
  exchange: exchangeCommand,
};
