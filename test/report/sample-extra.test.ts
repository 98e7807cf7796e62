// The sample county's four registers of registers.md §6 (村居法律顾问, 法律顾问服务, 普法活动,
// 安置帮教对象), imported through the real CLI together with the county's other ledgers, held
// to ../shared/fixtures/sample-extra/expected.json (worked out independently of this code) for
// every case, with 同比 and the drill-down of every new figure adding up to it.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { drillDown } from '../../db/report/engine.ts';
import { indicatorDefinitions } from '../../db/report/indicators.ts';
import { besidesProgress, readExpected, runCli, sampleDir, sampleLedgerPaths, tempDir } from '../support/cli.ts';

const extraDir = path.resolve(sampleDir, '../sample-extra');
const expected = readExpected(extraDir);
const dbFile = path.join(tempDir('sample-extra'), 'county.sqlite');
const extraPaths = fs
  .readdirSync(path.join(extraDir, 'csv'))
  .sort()
  .map((file) => path.join(extraDir, 'csv', file));

function report(from: string, to: string, office: string | null, extra: string[] = []) {
  const run = runCli(['report', '--db', dbFile, '--from', from, '--to', to, ...(office ? ['--office', office] : []), ...extra, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as {
    indicators: Record<string, number | null>;
    previous?: Record<string, number | null>;
    change?: Record<string, number | null>;
  };
}

const newIds = Object.keys(expected.cases[0]!.indicators);
const pick = (figures: Record<string, number | null>) => Object.fromEntries(newIds.map((id) => [id, figures[id]]));

beforeAll(() => {
  const run = runCli(['import', '--db', dbFile, ...extraPaths, ...sampleLedgerPaths()]);
  expect(besidesProgress(run.stderr)).toEqual([]);
  expect(run.status).toBe(0);
});

describe('the sample county with its §6 registers', () => {
  it('imports every row of the four sheets', () => {
    const db = new Database(dbFile, { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect({
      村居法律顾问: count('legal_adviser'),
      法律顾问服务: count('legal_adviser_service'),
      普法活动: count('publicity_activity'),
      安置帮教对象: count('resettlement'),
    }).toEqual(expected.rows);
    db.close();
  });

  it('reports every id of the new sections of indicators.md', () => {
    const ids = Object.keys(report('2024-01-01', '2024-12-31', null).indicators);
    const reported = ids.filter((id) => /^(legal_adviser|publicity|resettlement)\./.test(id));
    expect(reported.sort()).toEqual([...newIds].sort());
  });

  it.each(expected.cases)('gives the expected figures for $from – $to, $office', (expectedCase) => {
    expect(pick(report(expectedCase.from, expectedCase.to, expectedCase.office).indicators)).toEqual(expectedCase.indicators);
  });

  it('gives last year as previous and 同比 from the two', () => {
    const thisYear = expected.cases.find((c) => c.from === '2024-01-01' && c.to === '2024-12-31' && c.office === null)!;
    const lastYear = expected.cases.find((c) => c.from === '2023-01-01' && c.to === '2023-12-31' && c.office === null)!;
    const compared = report('2024-01-01', '2024-12-31', null, ['--compare']);
    expect(pick(compared.previous!)).toEqual(lastYear.indicators);
    // 同比 worked out here from the two expected figures: (this − last) / last × 100, half-up.
    const sessions = [thisYear.indicators['publicity.sessions']!, lastYear.indicators['publicity.sessions']!];
    const change = Math.round(((sessions[0]! - sessions[1]!) * 10000) / sessions[1]!) / 100;
    expect(compared.change!['publicity.sessions']).toBeCloseTo(change, 2);
    expect(compared.change!['resettlement.settle_rate']).toBeNull();
  });

  it('lists the records behind every new figure, adding up to it', () => {
    const db = openDatabase(dbFile, { create: false });
    try {
      for (const expectedCase of expected.cases.filter((c) => c.from === '2024-01-01' && c.to === '2024-12-31')) {
        const officeId =
          expectedCase.office === null
            ? null
            : (db.prepare('SELECT id FROM office WHERE name = ?').get(expectedCase.office) as { id: number }).id;
        const figures = expectedCase.indicators;
        for (const definition of indicatorDefinitions(db).filter((d) => newIds.includes(d.id))) {
          const drill = drillDown(db, { from: expectedCase.from, to: expectedCase.to, officeId, id: definition.id, limit: 1 });
          const figure =
            definition.kind === 'rate' ? definition.denominator.reduce((sum, id) => sum + figures[id]!, 0) : figures[definition.id];
          expect(drill.sum ?? drill.total, `${definition.id} ${expectedCase.office}`).toBe(figure);
          if (drill.total > 0) expect(drill.rows).toHaveLength(1);
        }
      }
    } finally {
      db.close();
    }
  });
});
