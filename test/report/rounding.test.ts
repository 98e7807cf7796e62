// Rounding of rates, 万元 and 同比: exact half-up (half away from zero for negative 同比),
// from whole numbers. Every expected value is worked out by hand in the comment beside it.

import { describe, expect, it } from 'vitest';
import { changePercent, fenToWan, ratePercent } from '../../db/report/rounding.ts';

describe('ratePercent', () => {
  it('rounds half up exactly where a binary float would not', () => {
    // 18905 / 20000 = 0.94525 → 94.525 % → 94.53 (as a float, 0.94525 * 100 is 94.52499…).
    expect(ratePercent(18905, 20000)).toBe(94.53);
    // 1 / 20000 = 0.005 % → 0.01.
    expect(ratePercent(1, 20000)).toBe(0.01);
    // 1 / 20001 = 0.0049997… % → 0.00.
    expect(ratePercent(1, 20001)).toBe(0);
  });

  it('gives thirds to two decimals', () => {
    expect(ratePercent(1, 3)).toBe(33.33); // 33.333…
    expect(ratePercent(2, 3)).toBe(66.67); // 66.666…
    expect(ratePercent(3, 3)).toBe(100);
  });

  it('is null when the denominator is 0', () => {
    expect(ratePercent(0, 0)).toBeNull();
    expect(ratePercent(5, 0)).toBeNull();
    expect(ratePercent(0, 7)).toBe(0);
  });

  it('refuses numbers that are not whole', () => {
    expect(() => ratePercent(0.5, 3)).toThrow(RangeError);
  });
});

describe('fenToWan', () => {
  it('rounds half up from the exact sum in fen', () => {
    // 43,230,750.00 元 = 4,323,075,000 fen = 4323.075 万元 → 4323.08.
    expect(fenToWan(4_323_075_000)).toBe(4323.08);
    // One fen less: 4323.074999 万元 → 4323.07.
    expect(fenToWan(4_323_074_999)).toBe(4323.07);
    // 50 元 = 5000 fen = 0.005 万元 → 0.01; 49.99 元 → 0.00.
    expect(fenToWan(5000)).toBe(0.01);
    expect(fenToWan(4999)).toBe(0);
    // 10,050 元 = 1,005,000 fen = 1.005 万元 → 1.01.
    expect(fenToWan(1_005_000)).toBe(1.01);
    expect(fenToWan(0)).toBe(0);
  });
});

describe('changePercent', () => {
  it('is (this − last) / last × 100 to two decimals', () => {
    expect(changePercent(110, 100)).toBe(10);
    expect(changePercent(8, 7)).toBe(14.29); // 14.2857…
    expect(changePercent(6, 10)).toBe(-40);
    expect(changePercent(5, 1)).toBe(400);
  });

  it('rounds a negative half away from zero (四舍五入), a positive half up', () => {
    // (19999 − 20000) / 20000 × 100 = −0.005 → −0.01; the mirror case gives +0.01.
    expect(changePercent(19_999, 20_000)).toBe(-0.01);
    expect(changePercent(20_001, 20_000)).toBe(0.01);
    // (19997 − 20000) / 20000 × 100 = −0.015 → −0.02.
    expect(changePercent(19_997, 20_000)).toBe(-0.02);
    // (3 − 8) / 8 × 100 = −62.5 exactly.
    expect(changePercent(3, 8)).toBe(-62.5);
  });

  it('is null when last year is 0', () => {
    expect(changePercent(3, 0)).toBeNull();
    expect(changePercent(0, 0)).toBeNull();
  });
});
