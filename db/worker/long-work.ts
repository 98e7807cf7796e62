// The long pieces of work an API method hands off — reading, checking and writing ledgers, a
// manual backup — as plain data (a LongJob) and the one function that does each over an open
// connection. The session's worker runs them in a worker of their own with a second connection
// (db/worker/long-work-thread.ts), so lists and counts keep being answered on the first one
// (WAL: readers see the last commit) while writes queue behind the job; everywhere else (the
// CLI, tests, an in-memory database) they run in place with the same code.

import type { ProgressSink } from '../api/progress.ts';
import { takeBackup, backupBeforeImport, type TakenBackup } from '../backup/take-backup.ts';
import type { RegisterDatabase } from '../database.ts';
import { importLedgers, type ImportOptions, type ImportOutcome } from '../import/import-ledger.ts';

/**
 * A ledger as the API receives it: its content base64 (decoded by whoever runs the job, off the
 * session's thread), or its path (the command line's, read as a stream).
 */
export type LedgerFileData = { readonly name: string; readonly content: string } | { readonly name: string; readonly path: string };

export type LongJob =
  | {
      readonly kind: 'import';
      readonly files: readonly LedgerFileData[];
      readonly preview: boolean;
      /** Who is importing, as the import log names them. */
      readonly user: string;
      /** Back up first (once a day, before the first import) when the database has a file: that day. */
      readonly backupDay: string | null;
      /** An office account's import: its office, whose rows alone it may write (ImportOptions.office). */
      readonly office: ImportOptions['office'];
      /** The user's answers for unknown columns and values, and the register of an undecided CSV. */
      readonly mapping?: ImportOptions['mapping'];
      readonly register?: ImportOptions['register'];
    }
  | { readonly kind: 'backup'; readonly today: string; readonly folder?: string };

export interface LongJobResults {
  /** With the backup taken before the day's first import, when one was. */
  readonly import: ImportOutcome & { readonly backupBeforeImport: string | null };
  readonly backup: TakenBackup;
}

/** What each job is called on a progress bar. */
export const longJobTitles: Readonly<Record<LongJob['kind'], string>> = { import: '导入台账', backup: '备份' };

/** Runs a job: in place, or in a worker of its own. */
export type LongWork = <Job extends LongJob>(job: Job, onProgress: ProgressSink) => Promise<LongJobResults[Job['kind']]>;

/** Does a job over `db`, the connection to `dbFile` (null: in memory). */
export async function runLongJob(
  db: RegisterDatabase,
  dbFile: string | null,
  job: LongJob,
  onProgress: ProgressSink,
): Promise<LongJobResults[LongJob['kind']]> {
  switch (job.kind) {
    case 'import': {
      const before = job.backupDay ? backupBeforeImport(db, dbFile ?? undefined, job.backupDay) : null;
      const outcome = await importLedgers(
        db,
        job.files.map((file) => ('path' in file ? file : { name: file.name, content: Buffer.from(file.content, 'base64') })),
        {
          preview: job.preview,
          user: job.user,
          office: job.office,
          mapping: job.mapping,
          register: job.register,
          onProgress: ({ read }) => onProgress({ step: job.preview ? '检查' : '检查并写入', done: read, total: 0, unit: '行' }),
        },
      );
      return { ...outcome, backupBeforeImport: before?.backup.file ?? null };
    }
    case 'backup':
      return takeBackup(db, { dbFile: dbFile!, kind: 'manual', today: job.today, onProgress, ...(job.folder ? { folder: job.folder } : {}) });
  }
}

/** The in-place runner over one connection. */
export function longWorkInPlace(db: RegisterDatabase, dbFile: string | null): LongWork {
  return ((job: LongJob, onProgress: ProgressSink) => runLongJob(db, dbFile, job, onProgress)) as LongWork;
}
