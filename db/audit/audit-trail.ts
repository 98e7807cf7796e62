// The audit trail's one hook, run by the dispatcher around every API method: which methods
// leave an entry in the audit log and what the entry says — a record before and after its
// change, an import's or undo's counts, an export's scope, a backup and a restore, whose full
// personal numbers were viewed, an account added, changed, its password reset or its lock lifted
// (never a password or its hash). Logins and the session's own changes are recorded by the
// session (accounts/app-session.ts). A method that works inside one transaction runs with its entry
// in that transaction, so a change is never kept without its entry; the methods that commit on
// their own (imports, the sample county, backups and restores — a restore's entry goes into the
// restored database, naming the backup of what it replaced) and the exports that build files
// asynchronously get their entry once they have succeeded (should that entry fail, the caller
// gets the error although the work stands). Methods not named here (lists, reports, previews)
// are not recorded.

import { accountById } from '../accounts/users.ts';
import type { RecordCounts, RestoreOutcome } from '../backup/restore.ts';
import { secondBackupFolder, type TakenBackup } from '../backup/take-backup.ts';
import type { RegisterDatabase } from '../database.ts';
import { importHistory } from '../import/import-history.ts';
import type { ImportOutcome } from '../import/import-ledger.ts';
import { registerByName, registers } from '../registers/index.ts';
import { statement, type RegisterName, type RegisterRecord } from '../registers/register.ts';
import { readRecord } from '../registers/store.ts';
import { recordAudit, type AuditEntry } from './audit-log.ts';
import { personalNumberPaths } from './personal-numbers.ts';
import { readWorkingRules } from '../settings/working-rules.ts';

type Draft = Omit<AuditEntry, 'user' | 'method'>;

interface AuditPlan {
  /** The method commits its own work or builds a file asynchronously: its entry follows success. */
  readonly afterSuccess?: true;
  /** What to keep from before the method runs (the record as it was). */
  readonly before?: (input: Input) => unknown;
  /** The entry for a call that succeeded; null when there is nothing to record. */
  readonly entry: (input: Input, before: unknown, value: Output) => Draft | null;
}

// Inputs arrive parsed by the contract; outputs are what the handlers return.
type Input = Record<string, unknown> & { id?: number; importId?: number };
type Output = Record<string, unknown>;

type MethodHandler = (input: unknown) => unknown;

function registerPlans(db: RegisterDatabase): Record<string, AuditPlan> {
  const plans: Record<string, AuditPlan> = {};
  for (const register of registers) {
    const { name, table } = register;
    const read = (id: number) => readRecord(db, register, id) ?? null;
    const change = (action: 'update' | 'delete' | 'restore'): AuditPlan => ({
      before: (input) => read(input.id!),
      entry: (input, before) => ({ action, table, recordId: input.id!, before, after: read(input.id!) }),
    });
    plans[`${name}.create`] = { entry: (_input, _before, value) => ({ action: 'create', table, recordId: value.id as number, after: value }) };
    plans[`${name}.update`] = change('update');
    plans[`${name}.delete`] = change('delete');
    plans[`${name}.restore`] = change('restore');
    plans[`${name}.get`] = {
      entry: (input, _before, value) => {
        const numbers = personalNumberPaths(value);
        return numbers.length > 0 ? { action: 'view', table, recordId: input.id!, details: { numbers } } : null;
      },
    };
  }
  return plans;
}

/** What an import did, without the files' contents: per sheet, rows added, updated and unchanged. */
function importDetails(outcome: ImportOutcome, files?: readonly { name: string }[]) {
  return {
    importId: outcome.importId,
    ...(files ? { files: files.map((file) => file.name) } : {}),
    sheets: outcome.sheets,
    rejectedFiles: outcome.rejectedFiles,
    problems: outcome.problems.length,
    officesCreated: outcome.officesCreated,
  };
}

/** Records per register, by its Chinese title: what a restore replaced and what it brought back. */
function recordCounts(counts: RecordCounts): Record<string, number> {
  return Object.fromEntries(counts.registers.map((register) => [register.title, register.count]));
}

/** A restore's entry: records per register before and after, where from, and the backup of what it replaced. */
export function restoreEntry(outcome: RestoreOutcome): Draft {
  return {
    action: 'restore_backup',
    before: recordCounts(outcome.replaced),
    after: recordCounts(outcome.restored),
    details: { restoredFrom: outcome.restoredFrom, preRestoreBackup: outcome.preRestoreBackup.file },
  };
}

/** An account as its audit entries show it: never its password hash or lock. */
function accountEntry(db: RegisterDatabase, id: number) {
  const found = accountById(db, id);
  return found
    ? { username: found.username, displayName: found.displayName, role: found.role, officeId: found.officeId, officeName: found.officeName, disabled: found.disabled }
    : null;
}

/** What a ledger export says of itself (ledger.export's value, the CLI's ledger command). */
export interface LedgerExported {
  readonly fileName: string;
  readonly rows: number;
  /** 身份证号码 written in full. */
  readonly fullIdNumbers: number;
}

/**
 * A ledger export's entry: its scope (register by name, office, period, search, filters), file
 * and rows; one with 身份证号码 in full is recorded as a view of personal numbers, as opening a
 * record in full is, so that the log's 查看身份证号码 finds it.
 */
export function ledgerExportEntry(scope: Record<string, unknown>, exported: LedgerExported): Draft {
  return {
    action: exported.fullIdNumbers > 0 ? 'view' : 'export',
    details: { ...scope, fileName: exported.fileName, rows: exported.rows, fullIdNumbers: exported.fullIdNumbers },
  };
}

function methodPlans(db: RegisterDatabase): Record<string, AuditPlan> {
  const account = (id: number) => accountEntry(db, id);
  const office = (id: number) => (statement(db, 'SELECT id, name, sort, kind FROM office WHERE id = ?').get(id) as RegisterRecord | undefined) ?? null;
  const setting = (key: string) =>
    (statement(db, 'SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  const imported = (input: Input, _before: unknown, value: Output): Draft => {
    const outcome = value as unknown as ImportOutcome;
    return { action: 'import', table: 'import_log', recordId: outcome.importId, details: importDetails(outcome, input.files as { name: string }[] | undefined) };
  };
  const exported = (input: Input, _before: unknown, value: Output): Draft => ({
    action: 'export',
    details: { ...input, fileName: value.fileName },
  });
  return {
    ...registerPlans(db),
    'settings.update': {
      before: () => ({ bureauName: setting('bureauName') }),
      entry: (_input, before, value) => ({ action: 'settings', table: 'setting', before, after: value }),
    },
    'workingRules.update': {
      before: () => readWorkingRules(db),
      entry: (_input, before, value) => ({ action: 'settings', table: 'setting', before, after: value }),
    },
    'office.create': {
      entry: (_input, _before, value) => ({ action: 'settings', table: 'office', recordId: value.id as number, after: office(value.id as number) }),
    },
    'office.rename': {
      before: (input) => office(input.id!),
      entry: (input, before) => ({ action: 'settings', table: 'office', recordId: input.id!, before, after: office(input.id!) }),
    },
    'lists.addItem': { entry: (_input, _before, value) => ({ action: 'settings', table: 'list_item', after: value }) },
    'import.commit': { afterSuccess: true, entry: imported },
    'sample.load': { afterSuccess: true, entry: imported },
    'import.undo': {
      before: (input) => importHistory(db).find((entry) => entry.id === input.importId) ?? null,
      entry: (input, before, value) => ({ action: 'undo', table: 'import_log', recordId: input.importId!, before, after: value }),
    },
    'backup.create': {
      afterSuccess: true,
      entry: (_input, _before, value) => {
        const { backup, secondCopy } = value as unknown as TakenBackup;
        return { action: 'backup', details: { file: backup.file, size: backup.size, secondCopy } };
      },
    },
    'backup.restore': { afterSuccess: true, entry: (_input, _before, value) => restoreEntry(value as unknown as RestoreOutcome) },
    'backup.setSecondFolder': {
      before: () => ({ folder: secondBackupFolder(db) }),
      entry: (_input, before, value) => ({ action: 'settings', table: 'setting', before, after: value }),
    },
    'users.create': {
      entry: (_input, _before, value) => ({ action: 'user_create', table: 'app_user', recordId: value.id as number, after: account(value.id as number) }),
    },
    'users.update': {
      before: (input) => account(input.id!),
      entry: (input, before) => ({ action: 'user_update', table: 'app_user', recordId: input.id!, before, after: account(input.id!) }),
    },
    'users.resetPassword': {
      entry: (input) => ({ action: 'password_reset', table: 'app_user', recordId: input.id!, details: { username: account(input.id!)?.username } }),
    },
    'users.unlock': {
      entry: (input) => ({ action: 'user_unlock', table: 'app_user', recordId: input.id!, details: { username: account(input.id!)?.username } }),
    },
    'report.exportXlsx': { afterSuccess: true, entry: exported },
    'report.exportDocx': { afterSuccess: true, entry: exported },
    'report.exportDrillDown': { afterSuccess: true, entry: exported },
    'audit.export': { afterSuccess: true, entry: exported },
    'ledger.export': {
      afterSuccess: true,
      entry: (input, _before, value) => {
        const scope: Record<string, unknown> = { ...input, register: registerByName.get(input.register as RegisterName)!.title };
        delete scope.fullIdNumbers;
        return ledgerExportEntry(scope, value as unknown as LedgerExported);
      },
    },
  };
}

/**
 * The dispatcher's way to run a method with its audit entry: (method, input, handler) → the
 * handler's value (or a promise of it), or what the handler or the entry's insert threw, with
 * nothing of a failed transactional method left written.
 */
export function createAuditTrail(context: { readonly db: RegisterDatabase; readonly user: string }) {
  const { db, user } = context;
  const plans = methodPlans(db);
  // A restore of an encrypted database replaces the file and closes the connection: its entry
  // goes into the reopened database, written by whoever reopens it (the session, the CLI).
  const record = (method: string, draft: Draft | null) => {
    if (draft && db.open) recordAudit(db, { ...draft, user, method });
  };
  return (method: string, input: unknown, handler: MethodHandler): unknown => {
    const plan = Object.hasOwn(plans, method) ? plans[method] : undefined;
    if (!plan) return handler(input);
    const parsed = input as Input;
    if (plan.afterSuccess) {
      return Promise.resolve(handler(input)).then((value) => {
        record(method, plan.entry(parsed, undefined, value as Output));
        return value;
      });
    }
    return db.transaction(() => {
      const before = plan.before?.(parsed);
      const value = handler(input);
      record(method, plan.entry(parsed, before, value as Output));
      return value;
    })();
  };
}
