// The rows an import pass wrote to a table and where each came from (db/import/written-rows.ts):
// what the duplicate check of one sheet and the lookup of keys rest on.

import { describe, expect, it } from 'vitest';
import { WrittenRows, rowOf, rowSource, sheetOf } from '../../db/import/written-rows.ts';

describe('WrittenRows', () => {
  it('says a table empty at the start holds no key until the pass writes it', () => {
    const rows = new WrittenRows(true);
    expect(rows.mayHold(['(2024)城西调字第0001号'])).toBe(false);
    rows.add(['(2024)城西调字第0001号'], 1, rowSource(0, 2));
    expect(rows.mayHold(['(2024)城西调字第0001号'])).toBe(true);
    expect(rows.mayHold(['(2024)城西调字第0002号'])).toBe(false);
    expect(rows.mayHold([null])).toBe(false);
  });

  it('knows keys of numbers, dates and empty values, given again as new arrays', () => {
    const rows = new WrittenRows(true);
    rows.add([1234, '2024-03-01', '报到'], 1, rowSource(0, 2));
    rows.add([7, null, 'x'], 2, rowSource(0, 3));
    expect(rows.mayHold([1234, '2024-03-01', '报到'])).toBe(true);
    expect(rows.mayHold([7, null, 'x'])).toBe(true);
    expect(rows.mayHold([1235, '2024-03-01', '报到'])).toBe(false);
    expect(rows.mayHold([1234, '2024-03-02', '报到'])).toBe(false);
  });

  it('asks the table for every key when it held rows at the start', () => {
    expect(new WrittenRows(false).mayHold(['城西镇人民调解委员会'])).toBe(true);
  });

  it('gives the sheet and row of added rows, of rows added out of turn, and of stored rows kept', () => {
    const rows = new WrittenRows(true);
    // 3,000 rows with ids 101…3100: more than the first array holds, so it grows.
    for (let row = 2; row < 3002; row++) rows.add([`编号${row}`], row + 99, rowSource(1, row));
    rows.add(['编号9999'], 5000, rowSource(2, 7));
    rows.keep(['编号7'], 40, rowSource(2, 9));
    expect(rows.sourceOf(101)).toBe(rowSource(1, 2));
    expect(rows.sourceOf(3100)).toBe(rowSource(1, 3001));
    expect(rows.sourceOf(3101)).toBeUndefined();
    expect(rows.sourceOf(100)).toBeUndefined();
    expect(rows.sourceOf(5000)).toBe(rowSource(2, 7));
    expect(rows.sourceOf(40)).toBe(rowSource(2, 9));
    expect(rows.mayHold(['编号7'])).toBe(true);
    expect(rows.mayHold(['编号3001'])).toBe(true);
  });

  it('keeps the sheet and the row apart, up to rows past Excel’s limit', () => {
    const source = rowSource(11, 1_048_576);
    expect([sheetOf(source), rowOf(source)]).toEqual([11, 1_048_576]);
  });
});
