// A writer process for the crash scenario: imports the sample county into a database file and
// says on stdout where it is — "import started" (before the ledgers are read), "transaction
// began" (the import's one write transaction opened), "import committed <id>" — so the parent
// can kill it with SIGKILL at a chosen moment. Usage: import-worker.ts DB_FILE

import fs from 'node:fs';
import { openDatabase } from '../../../../db/database.ts';
import { importLedgers } from '../../../../db/import/import-ledger.ts';
import { sampleExtraPaths, sampleLedgerPaths } from '../../../support/cli.ts';

const [dbFile] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

const ledgers = [...sampleLedgerPaths(), ...sampleExtraPaths()].map((file) => ({ name: file, content: fs.readFileSync(file) }));
const db = openDatabase(dbFile!, { create: true });
const exec = db.exec.bind(db);
db.exec = (sql: string) => {
  exec(sql);
  if (sql === 'BEGIN IMMEDIATE') say('transaction began');
  return db;
};
say('import started');
const outcome = await importLedgers(db, ledgers, { user: '崩溃测试' });
say(`import committed ${outcome.importId}`);
db.close();
