// The audit trail's one hook, run by the dispatcher around every API method: the entry a
// method's declaration plans (db/api/contract.ts: its action and kind) made from the call — a record before and after its
// change, an import's or undo's counts, an export's scope, a backup and a restore, whose full
// personal numbers were viewed, an account added, changed, its password reset or its lock lifted
// (never a password or its hash). Logins and the session's own changes are recorded by the
// session (accounts/app-session.ts). A method that works inside one transaction runs with its entry
// in that transaction, so a change is never kept without its entry; the methods that commit on
// their own (imports, the sample county, backups and restores — a restore's entry goes into the
// restored database, naming the backup of what it replaced) and the exports that build files
// asynchronously get their entry once they have succeeded (should that entry fail, the caller
// gets the error although the work stands). Methods declared without an audit plan (lists,
// reports, previews) are not recorded.

import { accountById } from '../accounts/users.ts';
import { declarationOf, methods, type AuditEntryKind, type AuditPlan, type LedgerExported } from '../api/contract.ts';
import type { RecordCounts, RestoreOutcome } from '../backup/restore.ts';
import { secondBackupFolder, type TakenBackup } from '../backup/take-backup.ts';
import type { RegisterDatabase } from '../database.ts';
import { importHistory } from '../import/import-history.ts';
import type { ImportOutcome } from '../import/import-ledger.ts';
import { registerByName } from '../registers/index.ts';
import { statement, type RegisterName, type RegisterRecord } from '../registers/register.ts';
import { readRecord } from '../registers/store.ts';
import { recordAudit, type AuditEntry } from './audit-log.ts';
import { personalNumberPaths } from './personal-numbers.ts';
import { readWorkingRules } from '../settings/working-rules.ts';

type Draft = Omit<AuditEntry, 'user' | 'method'>;

/** How an entry of one kind is made; its action comes from the method's declaration. */
interface EntryMaker {
  /** The method commits its own work or builds a file asynchronously: its entry follows success. */
  readonly afterSuccess?: true;
  /** What to keep from before the method runs (the record as it was). */
  readonly before?: (call: Call) => unknown;
  /** The entry for a call that succeeded; null when there is nothing to record. */
  readonly entry: (call: Call, before: unknown, value: Output) => Omit<Draft, 'action'> | null;
}

interface Call {
  readonly method: string;
  // Inputs arrive parsed by the contract; outputs are what the handlers return.
  readonly input: Record<string, unknown> & { id?: number; importId?: number };
}
type Output = Record<string, unknown>;

type MethodHandler = (input: unknown) => unknown;

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
    action: methods['backup.restore'].audit!.action,
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

/** The register a `<register>.<action>` method is of. */
const registerOf = (method: string) => registerByName.get(method.slice(0, method.indexOf('.')) as RegisterName)!;

/** Each kind of entry the contract's audit plans name, and how it is made. */
function entryMakers(db: RegisterDatabase): Readonly<Record<AuditEntryKind, EntryMaker>> {
  const account = (id: number) => accountEntry(db, id);
  const office = (id: number) => (statement(db, 'SELECT id, name, sort, kind FROM office WHERE id = ?').get(id) as RegisterRecord | undefined) ?? null;
  const setting = (key: string) =>
    (statement(db, 'SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  const record = ({ method }: Call, id: number) => readRecord(db, registerOf(method), id) ?? null;
  /** A setting before and after: `read` gives what it was. */
  const settingChange = (read: () => unknown): EntryMaker => ({
    before: read,
    entry: (_call, before, value) => ({ table: 'setting', before, after: value }),
  });
  return {
    // create: the new record (the value); update, delete, restore: the record before and after.
    record: {
      before: (call) => (call.input.id === undefined ? undefined : record(call, call.input.id)),
      entry: (call, before, value) => {
        const recordId = call.input.id ?? (value.id as number);
        const table = registerOf(call.method).table;
        return call.input.id === undefined ? { table, recordId, after: value } : { table, recordId, before, after: record(call, recordId) };
      },
    },
    personalNumbers: {
      entry: (call, _before, value) => {
        const numbers = personalNumberPaths(value);
        return numbers.length > 0 ? { table: registerOf(call.method).table, recordId: call.input.id!, details: { numbers } } : null;
      },
    },
    bureauName: settingChange(() => ({ bureauName: setting('bureauName') })),
    workingRules: settingChange(() => readWorkingRules(db)),
    secondFolder: settingChange(() => ({ folder: secondBackupFolder(db) })),
    // office.create: the new office; office.rename: before and after.
    office: {
      before: ({ input }) => (input.id === undefined ? undefined : office(input.id)),
      entry: ({ input }, before, value) => {
        const recordId = input.id ?? (value.id as number);
        return { table: 'office', recordId, ...(input.id === undefined ? {} : { before }), after: office(recordId) };
      },
    },
    listItem: { entry: (_call, _before, value) => ({ table: 'list_item', after: value }) },
    import: {
      afterSuccess: true,
      entry: ({ input }, _before, value) => {
        const outcome = value as unknown as ImportOutcome;
        return { table: 'import_log', recordId: outcome.importId, details: importDetails(outcome, input.files as { name: string }[] | undefined) };
      },
    },
    undo: {
      before: ({ input }) => importHistory(db).find((entry) => entry.id === input.importId) ?? null,
      entry: ({ input }, before, value) => ({ table: 'import_log', recordId: input.importId!, before, after: value }),
    },
    backup: {
      afterSuccess: true,
      entry: (_call, _before, value) => {
        const { backup, secondCopy } = value as unknown as TakenBackup;
        return { details: { file: backup.file, size: backup.size, secondCopy } };
      },
    },
    restore: { afterSuccess: true, entry: (_call, _before, value) => restoreEntry(value as unknown as RestoreOutcome) },
    // users.create: the new account; users.update: before and after.
    account: {
      before: ({ input }) => (input.id === undefined ? undefined : account(input.id)),
      entry: ({ input }, before, value) => {
        const recordId = input.id ?? (value.id as number);
        return { table: 'app_user', recordId, ...(input.id === undefined ? {} : { before }), after: account(recordId) };
      },
    },
    username: { entry: ({ input }) => ({ table: 'app_user', recordId: input.id!, details: { username: account(input.id!)?.username } }) },
    file: { afterSuccess: true, entry: ({ input }, _before, value) => ({ details: { ...input, fileName: value.fileName } }) },
    // A ledger's scope (register by name, office, period, search, filters), file and rows.
    ledger: {
      afterSuccess: true,
      entry: ({ input }, _before, value) => {
        const scope: Record<string, unknown> = { ...input, register: registerByName.get(input.register as RegisterName)!.title };
        delete scope.fullIdNumbers;
        const exported = value as unknown as LedgerExported;
        return { details: { ...scope, fileName: exported.fileName, rows: exported.rows, fullIdNumbers: exported.fullIdNumbers } };
      },
    },
  };
}

/**
 * The action an entry is recorded as: the plan's, except that a ledger export with 身份证号码 in
 * full is recorded as a view of personal numbers, as opening a record in full is, so that the
 * log's 查看身份证号码 finds it.
 */
function actionOf(plan: AuditPlan, value: Output): AuditEntry['action'] {
  return plan.entry === 'ledger' && (value as unknown as LedgerExported).fullIdNumbers > 0 ? 'view' : plan.action;
}

/**
 * The dispatcher's way to run a method with its audit entry: (method, input, handler) → the
 * handler's value (or a promise of it), or what the handler or the entry's insert threw, with
 * nothing of a failed transactional method left written.
 */
export function createAuditTrail(context: { readonly db: RegisterDatabase; readonly user: string }) {
  const { db, user } = context;
  const makers = entryMakers(db);
  // A restore of an encrypted database replaces the file and closes the connection: its entry
  // goes into the reopened database, written by whoever reopens it (the session, the CLI).
  const record = (method: string, plan: AuditPlan, value: Output, draft: Omit<Draft, 'action'> | null) => {
    if (draft && db.open) recordAudit(db, { action: actionOf(plan, value), ...draft, user, method });
  };
  return (method: string, input: unknown, handler: MethodHandler): unknown => {
    const plan = declarationOf(method)?.audit;
    if (!plan) return handler(input);
    const maker = makers[plan.entry];
    const call: Call = { method, input: input as Call['input'] };
    if (maker.afterSuccess) {
      return Promise.resolve(handler(input)).then((value) => {
        record(method, plan, value as Output, maker.entry(call, undefined, value as Output));
        return value;
      });
    }
    return db.transaction(() => {
      const before = maker.before?.(call);
      const value = handler(input);
      record(method, plan, value as Output, maker.entry(call, before, value as Output));
      return value;
    })();
  };
}
