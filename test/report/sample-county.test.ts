// The report engine on the sample county (imported from its CSV ledgers, sample-extra's too), held
// to the figures of both expected.json files, which were worked out independently of this code; every figure's
// drill-down adds up to it, and --compare's last year is that year's own report.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { importLedgers } from '../../db/import/import-ledger.ts';
import { drillDown, monthlyFigures, runReport } from '../../db/report/engine.ts';
import { indicatorDefinitions } from '../../db/report/indicators.ts';
import { fenToWan } from '../../db/report/rounding.ts';
import { readExpectedWhole, sampleDir, sampleExtraPaths } from '../support/cli.ts';

const expected = readExpectedWhole();
let db: RegisterDatabase;

const officeIdOf = (name: string | null): number | null =>
  name === null ? null : (db.prepare('SELECT id FROM office WHERE name = ?').get(name) as { id: number }).id;

beforeAll(async () => {
  db = openDatabase(':memory:', { create: true });
  const csvDir = path.join(sampleDir, 'csv');
  const inputs = [...fs.readdirSync(csvDir).map((file) => path.join(csvDir, file)), ...sampleExtraPaths()].map((file) => ({
    name: path.basename(file),
    content: fs.readFileSync(file),
  }));
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

describe('month by month on the sample county', () => {
  // Flows that add up over months: counts and sums dated in the period (not distinct persons).
  const additive = () =>
    indicatorDefinitions(db).filter(
      (definition) =>
        definition.kind === 'measure' && definition.period !== undefined && definition.unit !== 'wan' && !/@to/.test(definition.where ?? '') && (definition.aggregate === 'count' || 'sum' in definition.aggregate),
    );
  const sumOver = (months: ReturnType<typeof monthlyFigures>, id: string, first: string, last: string) =>
    months.filter((month) => month.month >= first && month.month <= last).reduce((sum, month) => sum + month.figures[id]!, 0);

  it.each([
    ['2024-01-01', '2024-12-31', null, '2024-01', '2024-12'],
    ['2024-01-01', '2024-06-30', null, '2024-01', '2024-06'],
    ['2024-01-01', '2024-10-31', null, '2024-01', '2024-10'],
    ['2024-10-01', '2024-12-31', null, '2024-10', '2024-12'],
    ['2024-01-01', '2024-12-31', '城西司法所', '2024-01', '2024-12'],
  ] as const)('months of 2024 add up to the expected figures of %s – %s, %s', (from, to, office, first, last) => {
    const expectedCase = expected.cases.find((c) => c.from === from && c.to === to && c.office === office)!;
    const ids = additive().map((definition) => definition.id);
    const months: ReturnType<typeof monthlyFigures> = [];
    for (let start = 0; start < ids.length; start += 20) {
      const part = monthlyFigures(db, { from: '2024-01-01', to: '2024-12-31', officeId: officeIdOf(office), ids: ids.slice(start, start + 20) });
      part.forEach((month, index) => (months[index] = { ...month, figures: { ...months[index]?.figures, ...month.figures } }));
    }
    expect(months.map((month) => month.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) expect(sumOver(months, id, first, last), id).toBe(expectedCase.indicators[id]);
  });

  it('cuts the first and last months to the period, and refuses figures that have no months', () => {
    const months = monthlyFigures(db, { from: '2024-03-15', to: '2024-05-10', ids: ['mediation.cases.received'] });
    expect(months.map(({ month, from, to }) => [month, from, to])).toEqual([
      ['2024-03', '2024-03-15', '2024-03-31'],
      ['2024-04', '2024-04-01', '2024-04-30'],
      ['2024-05', '2024-05-01', '2024-05-10'],
    ]);
    for (const month of months) {
      expect(month.figures['mediation.cases.received']).toBe(runReport(db, month).indicators['mediation.cases.received']);
    }
    expect(() => monthlyFigures(db, { from: '2024-01-01', to: '2024-12-31', ids: ['correction.active_end'] })).toThrow('不能按月统计');
    expect(() => monthlyFigures(db, { from: '2024-01-01', to: '2024-12-31', ids: ['mediation.cases.success_rate'] })).toThrow('不能按月统计');
    // 已安置 counts a 安置日期 up to the period's end: a month's figure is not that of the year.
    expect(() => monthlyFigures(db, { from: '2024-01-01', to: '2024-12-31', ids: ['resettlement.settled'] })).toThrow('不能按月统计');
  });
});

describe('figures kept between calls', () => {
  it('are counted again once a row changes, through this connection or another', () => {
    const year = { from: '2024-01-01', to: '2024-12-31' };
    const before = runReport(db, year).indicators['mediation.cases.received']!;
    const someCase = db.prepare("SELECT id FROM mediation_case WHERE deleted_at IS NULL AND received_on LIKE '2024%' LIMIT 1").pluck().get();
    db.prepare("UPDATE mediation_case SET deleted_at = '2025-01-01T00:00:00.000Z' WHERE id = ?").run(someCase);
    expect(runReport(db, year).indicators['mediation.cases.received']).toBe(before - 1);
    db.prepare('UPDATE mediation_case SET deleted_at = NULL WHERE id = ?').run(someCase);
    expect(runReport(db, year).indicators['mediation.cases.received']).toBe(before);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sftz-cache-')), 'county.sqlite');
    fs.writeFileSync(file, db.serialize());
    const reader = openDatabase(file, { create: false });
    const writer = openDatabase(file, { create: false });
    try {
      expect(runReport(reader, year).indicators['mediation.cases.received']).toBe(before);
      writer.prepare("UPDATE mediation_case SET deleted_at = '2025-01-01T00:00:00.000Z' WHERE id = ?").run(someCase);
      expect(runReport(reader, year).indicators['mediation.cases.received']).toBe(before - 1);
    } finally {
      reader.close();
      writer.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
