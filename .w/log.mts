import Database from 'better-sqlite3';
const db = new Database(':memory:');
db.exec(`CREATE TABLE import_change (import_id INTEGER NOT NULL, seq INTEGER NOT NULL, tbl TEXT NOT NULL, row_id INTEGER NOT NULL, before_json TEXT, PRIMARY KEY (import_id, seq)) WITHOUT ROWID;`);
const changes = Array.from({ length: 312000 }, (_, i) => ({ tbl: 'correction_event', rowId: i + 1, before: null }));
for (let round = 0; round < 3; round++) {
  db.exec('DELETE FROM import_change');
  db.exec('BEGIN');
  let c = process.cpuUsage();
  const ins = db.prepare('INSERT INTO import_change (import_id, seq, tbl, row_id, before_json) VALUES (?, ?, ?, ?, ?)');
  changes.forEach((ch, seq) => ins.run(1, seq, ch.tbl, ch.rowId, null));
  let u = process.cpuUsage(c); console.log('per row', (u.user + u.system) / 1000);
  db.exec('ROLLBACK');
  db.exec('BEGIN');
  c = process.cpuUsage();
  const ins2 = db.prepare(`INSERT INTO import_change (import_id, seq, tbl, row_id, before_json) SELECT ?, ? + key, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`);
  for (let from = 0; from < changes.length; from += 10000) ins2.run(1, from, JSON.stringify(changes.slice(from, from + 10000).map((ch) => [ch.tbl, ch.rowId, null])));
  u = process.cpuUsage(c); console.log('json_each', (u.user + u.system) / 1000);
  db.exec('ROLLBACK');
}
