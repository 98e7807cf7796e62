// A process that takes one manual backup of a database into a folder and prints the outcome as
// JSON — run under a file-size limit to see a backup fail cleanly.
// Usage: backup-worker.ts DB_FILE FOLDER

import { takeBackup } from '../../../../db/backup/take-backup.ts';
import { openDatabase } from '../../../../db/database.ts';
import { UserError } from '../../../../db/errors.ts';

const [dbFile, folder] = process.argv.slice(2);
const db = openDatabase(dbFile!, { create: false });
try {
  const taken = takeBackup(db, { dbFile: dbFile!, kind: 'manual', today: '2026-11-22', folder: folder! });
  process.stdout.write(`${JSON.stringify({ ok: true, file: taken.backup.file })}\n`);
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  process.stdout.write(`${JSON.stringify({ ok: false, message: error.message })}\n`);
} finally {
  db.close();
}
