import { openDatabase } from '../db/database.ts';
import { importLedgers } from '../db/import/import-ledger.ts';
const db = openDatabase(':memory:', { create: true });
const csv = (s: string) => Buffer.from(s, 'utf8');
const out = await importLedgers(db, [
  { name: '调解组织.csv', content: csv('名称,类型,所属单位,成立日期\n,村(居)调委会,城西司法所,2020-01-01\nA,村(居)调委会,城西司法所,2020-13-01\n') },
  { name: '调查评估.csv', content: csv('委托编号,单位,委托日期,委托机关,被调查人\n,城西司法所,2020-01-01,人民法院,张三\n') },
], { user: 't' });
console.log(out.problems.map(p => p.message));
