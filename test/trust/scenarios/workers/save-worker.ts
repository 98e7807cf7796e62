// A writer process for the crash and full-disk scenarios: saves 矛盾纠纷排查 records one by one
// through the API dispatcher, as the app's form does. It prints "saving <date>" before each
// call and "saved <id> <date>" only after the call has resolved — so every printed id was
// acknowledged to the user. A failed save is printed as "failed <error JSON>"; with
// --until-failure the worker then stops.
// Usage: save-worker.ts DB_FILE FIRST_DAY_INDEX COUNT [--until-failure] [--wait]
//   --wait: open the database, print "ready", and start saving when a line arrives on stdin
//   (so the parent can fill the disk after the database and its WAL index exist).

import readline from 'node:readline';
import { BUREAU_ADMINISTRATOR } from '../../../../db/accounts/permissions.ts';
import { createDispatcher } from '../../../../db/api/dispatcher.ts';
import { openDatabase } from '../../../../db/database.ts';

const [dbFile, first, count, ...flags] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
const SWEEP_OFFICE = '城西司法所';

/** Record n: one 矛盾纠纷排查 a day from 2000-01-01 (the register's key is office + day). */
const sweepRecord = (index: number, officeId: number) => ({
  swept_on: new Date(Date.UTC(2000, 0, 1 + index)).toISOString().slice(0, 10),
  office_id: officeId,
  sweeps: 1 + (index % 5),
  disputes_found: index % 3,
  note: `第 ${index} 次保存：村（社区）矛盾纠纷排查，走访农户、商铺，登记线索，逐项核实并记录处理情况。`,
});

const db = openDatabase(dbFile!, { create: true });
const call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '保存测试', today: () => '2026-11-22', dbFile: dbFile! });
let office = db.prepare('SELECT id FROM office WHERE name = ?').pluck().get(SWEEP_OFFICE) as number | undefined;
if (office === undefined) {
  const created = await call('office.create', { name: SWEEP_OFFICE });
  if (!created.ok) throw new Error(created.error.message);
  office = (created.value as { id: number }).id;
}
if (flags.includes('--wait')) {
  say('ready');
  await new Promise((resolve) => readline.createInterface({ input: process.stdin }).once('line', resolve));
}
for (let index = Number(first); index < Number(first) + Number(count); index++) {
  const record = sweepRecord(index, office);
  say(`saving ${record.swept_on}`);
  const result = await call('disputeSweep.create', { record });
  if (result.ok) say(`saved ${(result.value as { id: number }).id} ${record.swept_on}`);
  else {
    say(`failed ${JSON.stringify(result.error)}`);
    if (flags.includes('--until-failure')) break;
  }
}
try {
  db.close();
  say('closed');
} catch (error) {
  say(`close failed ${(error as Error).message}`);
}
process.exit(0);
