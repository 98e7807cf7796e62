// The audit log under tampering, for `npm run trust-report` (and test/audit/audit-log.test.ts):
// a few thousand saves through the API, each leaving one entry; the chain verified whole; then
// copies of the database with one entry edited, one removed from the middle and the last ones
// removed — by someone who drops the append-only triggers first — each caught at the right entry.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { BUREAU_ADMINISTRATOR } from '../../db/accounts/permissions.ts';
import { createDispatcher } from '../../db/api/dispatcher.ts';
import { verifyAuditLog } from '../../db/audit/audit-log.ts';
import { openDatabase } from '../../db/database.ts';
import { tempDir } from '../support/cli.ts';
import { seededRandom, type ScenarioResult } from './scenarios/scenario.ts';

interface Tampering {
  readonly title: string;
  readonly sql: (target: number) => string;
  readonly expected: (target: number, last: number) => { firstBrokenId: number; problem: string };
}

const tamperings: readonly Tampering[] = [
  {
    title: '修改一条',
    sql: (target) => `UPDATE audit_log SET user = '他人' WHERE id = ${target}`,
    expected: (target) => ({ firstBrokenId: target, problem: `第 ${target} 条日志被修改` }),
  },
  {
    title: '删除一条',
    sql: (target) => `DELETE FROM audit_log WHERE id = ${target}`,
    expected: (target) => ({ firstBrokenId: target, problem: `第 ${target} 条日志被删除` }),
  },
  {
    title: '删除末尾几条',
    sql: (target) => `DELETE FROM audit_log WHERE id >= ${target}`,
    expected: (target) => ({ firstBrokenId: target, problem: `第 ${target - 1} 条之后的日志被删除` }),
  },
];

export async function auditChainScenario(saves = 2000, seed = 1): Promise<ScenarioResult> {
  const dir = tempDir('audit-chain');
  const file = path.join(dir, '台账.sqlite');
  const db = openDatabase(file, { create: true });
  const random = seededRandom(seed);
  try {
    const call = createDispatcher({ access: BUREAU_ADMINISTRATOR, db, user: '录入员', today: () => '2024-12-31', dbFile: file });
    const office = await call('office.create', { name: '城西司法所' });
    if (!office.ok) throw new Error(office.error.message);
    const visits: { id: number; day: string }[] = [];
    for (let n = 0; n < saves; n++) {
      const earlier = visits[Math.floor(random() * visits.length)];
      if (earlier && random() < 0.3) {
        const updated = await call('remoteVisit.update', { id: earlier.id, record: { visited_on: earlier.day, office_id: 1, visits: 2 + n } });
        if (!updated.ok) throw new Error(updated.error.message);
        continue;
      }
      const day = new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
      const created = await call('remoteVisit.create', { record: { visited_on: day, office_id: 1, visits: 1 } });
      if (!created.ok) throw new Error(created.error.message);
      visits.push({ id: (created.value as { id: number }).id, day });
    }
    const started = performance.now();
    const clean = verifyAuditLog(db);
    const milliseconds = Math.round(performance.now() - started);
    db.close();

    const caught: string[] = [];
    for (const tampering of tamperings) {
      const copy = path.join(dir, `${tampering.title}.sqlite`);
      fs.copyFileSync(file, copy);
      const raw = new Database(copy);
      raw.exec('DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete');
      const target = 2 + Math.floor(random() * (clean.entries - 2));
      raw.exec(tampering.sql(target));
      const found = verifyAuditLog(raw);
      raw.close();
      const expected = tampering.expected(target, clean.entries);
      if (!found.ok && found.firstBrokenId === expected.firstBrokenId && found.problem === expected.problem) caught.push(tampering.title);
    }
    return {
      name: '审计日志：哈希链校验与篡改检出',
      figures: {
        经接口保存的次数: saves + 1,
        校验的日志条数: clean.entries,
        '校验用时（毫秒）': milliseconds,
        未改动时校验: clean.ok ? '通过' : `未通过：${clean.problem ?? ''}`,
        篡改方式: tamperings.length,
        检出的篡改: caught.length,
      },
      ok: clean.ok && clean.entries === saves + 1 && caught.length === tamperings.length,
    };
  } finally {
    if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
