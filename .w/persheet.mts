import fs from 'node:fs';
import { openDatabase } from '../db/database.ts';
import { importLedgers } from '../db/import/import-ledger.ts';
const dir = process.argv[2] ?? '/work/shared/fixtures/sample/csv';
const order = ['调解组织','调解员','人民调解案件','矛盾纠纷排查','法律援助案件','法律咨询','值班律师','社区矫正对象','社区矫正事件','社区矫正教育活动','调查评估','远程视频会见'];
fs.rmSync('/tmp/w/ps.sqlite', { force: true });
const db = openDatabase('/tmp/w/ps.sqlite', { create: true });
let total = 0, totalMs = 0;
for (const s of order) {
  const f = `${dir}/${s}.csv`;
  const t0 = performance.now();
  const out = await importLedgers(db, [{ name: f, content: fs.readFileSync(f) }], { user: 't' });
  const ms = performance.now() - t0;
  const rows = out.sheets.reduce((a, x) => a + x.rows, 0);
  total += rows; totalMs += ms;
  console.log(s, out.ok, rows, Math.round(ms), Math.round(rows / ms * 1000), out.problems.slice(0,3).map(p=>p.message));
}
console.log('total', total, Math.round(totalMs), Math.round(total / totalMs * 1000));
