import fs from 'node:fs';
import { openDatabase } from '../db/database.ts';
import { importLedgers } from '../db/import/import-ledger.ts';
const dir = process.argv[2]!;
const cache = process.argv[3];
const files = fs.readdirSync(dir).map(f => ({ name: `${dir}/${f}`, content: fs.readFileSync(`${dir}/${f}`) }));
for (let i = 0; i < 2; i++) {
fs.rmSync('/tmp/w/imp.sqlite', { force: true }); fs.rmSync('/tmp/w/imp.sqlite-wal', { force: true });
const db = openDatabase('/tmp/w/imp.sqlite', { create: true });
if (cache) db.pragma(`cache_size = ${cache}`);
const c0 = process.cpuUsage();
const t0 = performance.now();
const out = await importLedgers(db, files, { user: 't' });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0); const cpuMs = (cpu.user + cpu.system) / 1000;
const rows = out.sheets.reduce((s, x) => s + x.rows, 0);
console.log(cache, out.ok, rows, 'wall', Math.round(ms), Math.round(rows / ms * 1000), 'cpu', Math.round(cpuMs), Math.round(rows / cpuMs * 1000), 'user', Math.round(cpu.user/1000), 'sys', Math.round(cpu.system/1000));
db.close();
}
