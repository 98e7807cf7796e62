// The report engine on the sample county (imported from its CSV ledgers), held to the figures
// of expected.json, which were worked out independently of this code; every figure's
// drill-down adds up to it, and --compare's last year is that year's own report.

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { importLedgers } from '../../db/import/import-ledger.ts';
import { drillDown, runReport } from '../../db/report/engine.ts';
import { indicatorDefinitions } from '../../db/report/indicators.ts';
import { fenToWan } from '../../db/report/rounding.ts';
import { readExpected, sampleDir } from '../support/cli.ts';

const expected = readExpected();
let db: RegisterDatabase;

const officeIdOf = (name: string | null): number | null =>
  name === null ? null : (db.prepare('SELECT id FROM office WHERE name = ?').get(name) as { id: number }).id;

beforeAll(async () => {
  db = openDatabase(':memory:', { create: true });
  const csvDir = path.join(sampleDir, 'csv');
  const inputs = fs.readdirSync(csvDir).map((file) => ({ name: file, content: fs.readFileSync(path.join(csvDir, file)) }));
  const outcome = await importLedgers(db, inputs, { user: 'test' });
  expect(outcome.problems).toEqual([]);
});

describe.each(expected.cases)('$from – $to, $office', (expectedCase) => {
  it('gives the expected figures and holds the correction identity', () => {
    const report = runReport(db, { from: expectedCase.from, to: expectedCase.to, officeId: officeIdOf(expectedCase.office) });
    expect(report.office).toBe(expectedCase.office);
    expect(report.indicators).toEqual(expectedCase.indicators);
    expect(report.checks.correctionIdentity.ok).toBe(true);
  });
});

describe('drill-down on the sample county', () => {
  it.each(expected.cases.filter((c) => c.from === '2024-01-01' && c.to === '2024-12-31'))(
    'adds up to every figure of $from – $to, $office',
    (expectedCase) => {
      const scope = { from: expectedCase.from, to: expectedCase.to, officeId: officeIdOf(expectedCase.office) };
      const figures = expectedCase.indicators;
      for (const definition of indicatorDefinitions(db)) {
        const drill = drillDown(db, { ...scope, id: definition.id, limit: 0 });
        if (definition.kind === 'rate') {
          expect(drill.total, definition.id).toBe(definition.denominator.reduce((sum, id) => sum + figures[id]!, 0));
        } else if (definition.unit === 'wan') {
          expect(fenToWan(drill.sum!), definition.id).toBe(figures[definition.id]);
        } else {
          expect(drill.sum ?? drill.total, definition.id).toBe(figures[definition.id]);
        }
      }
    },
  );
});

describe('compare on the sample county', () => {
  it("gives last year's own figures as previous", () => {
    const lastYear = expected.cases.find((c) => c.from === '2023-01-01' && c.to === '2023-12-31' && c.office === null)!;
    const report = runReport(db, { from: '2024-01-01', to: '2024-12-31', compare: true });
    expect(report.previous).toEqual(lastYear.indicators);
  });
});
