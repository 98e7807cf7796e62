import { parse } from 'csv-parse/sync';
import { readLedgerFile } from '../db/import/read-ledger.ts';
// Differential check: readLedgerFile (fast splitter with csv-parse fallback) against csv-parse alone.
let seed = Number(process.argv[3] ?? 7);
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const alphabet = ['a', 'b', ',', ',', '"', '"', '\r', '\n', '\r\n', '\t', ';', '中', ' ', '\uFEFF', 'x\uD840\uDC00', '\uD840'];
let same = 0, bothFail = 0;
for (let i = 0; i < 200000; i++) {
  const len = Math.floor(rnd() * Number(process.argv[2] ?? 14));
  let t = '';
  for (let j = 0; j < len; j++) t += alphabet[Math.floor(rnd() * alphabet.length)];
  const head = t.slice(0, t.search(/\r?\n|$/));
  const delim = [',', '\t', ';'].map((c) => [c, head.split(c).length] as const).reduce((b, n) => (n[1] > b[1] ? n : b))[0];
  let expected: unknown, got: unknown;
  try { expected = parse(t, { delimiter: delim, relax_column_count: true, skip_empty_lines: false, bom: true }); } catch (e) { expected = 'ERR'; }
  try { got = (await readLedgerFile('x.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]))).sheets[0]!.rows.map((r) => r.cells); } catch (e) { got = 'ERR'; }
  // utf8 encoding of a lone surrogate changes the text; compare against csv-parse on the round-tripped text
  if (t !== Buffer.from(t, 'utf8').toString('utf8')) {
    try { expected = parse(Buffer.from(t, 'utf8').toString('utf8'), { delimiter: delim, relax_column_count: true, skip_empty_lines: false, bom: true }); } catch { expected = 'ERR'; }
  }
  if (JSON.stringify(expected) !== JSON.stringify(got)) { console.log('DIFF', JSON.stringify(t), JSON.stringify(expected), JSON.stringify(got)); process.exit(1); }
  if (expected === 'ERR') bothFail++; else same++;
}
console.log('same', same, 'both rejected', bothFail);
