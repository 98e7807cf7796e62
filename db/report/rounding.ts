// Exact rounding of report figures (indicators.md, "Number rules"): rates, 万元 and 同比 are
// computed from whole numbers (counts, fen) with integer arithmetic, never through a binary
// float, and rounded half away from zero (四舍五入) to 2 decimals. For the non-negative
// figures of the report that is plain half-up (94.525 → 94.53); a negative 同比 rounds
// symmetrically (−2.125 → −2.13), as Chinese statistical tables do.
// Environment-neutral: no node: or DOM imports. Knows nothing about indicators.

/**
 * numerator × scale / denominator, rounded half away from zero to a whole number of
 * hundredths, returned as the decimal number it denotes (9453 hundredths → 94.53).
 */
function hundredths(numerator: number, denominator: number, scale: bigint): number {
  const n = BigInt(numerator) * scale;
  const d = BigInt(denominator);
  const negative = n < 0n !== d < 0n && n !== 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const quotient = absN / absD;
  const rounded = (absN % absD) * 2n >= absD ? quotient + 1n : quotient;
  return Number(negative ? -rounded : rounded) / 100;
}

function requireWhole(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what}必须是整数：${value}`);
}

/** A rate in percent with 2 decimals (18905 / 20000 → 94.53); null when the denominator is 0. */
export function ratePercent(numerator: number, denominator: number): number | null {
  requireWhole(numerator, '分子');
  requireWhole(denominator, '分母');
  return denominator === 0 ? null : hundredths(numerator, denominator, 10_000n);
}

/** Integer fen → 万元 with 2 decimals (4,323,075,000 fen = 43,230,750.00 元 → 4323.08). */
export function fenToWan(fen: number): number {
  requireWhole(fen, '金额（分）');
  // 1 万元 = 1,000,000 fen, so hundredths of 万元 = fen / 10,000.
  return hundredths(fen, 10_000, 1n);
}

/** 同比 in percent: (current − previous) / previous × 100, 2 decimals; null when previous is 0. */
export function changePercent(current: number, previous: number): number | null {
  requireWhole(current, '本期数');
  requireWhole(previous, '上年同期数');
  return previous === 0 ? null : hundredths(current - previous, previous, 10_000n);
}
