import { describe, expect, it } from 'vitest';
import { divideRoundHalfUp, fitsAmountRange, fitsInt64, invoiceTotals, lineAmounts, MAX_AMOUNT_MINOR } from './money.ts';

describe('divideRoundHalfUp', () => {
  it.each([
    [0n, 10_000n, 0n],
    [4_999n, 10_000n, 0n],
    [5_000n, 10_000n, 1n],
    [15_000n, 10_000n, 2n],
    [14_999n, 10_000n, 1n],
    [-5_000n, 10_000n, -1n],
    [-4_999n, 10_000n, 0n],
  ])('%s / %s → %s', (numerator, denominator, expected) => {
    expect(divideRoundHalfUp(numerator, denominator)).toBe(expected);
  });

  it('refuses a non-positive divisor', () => {
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe('lineAmounts', () => {
  it('multiplies quantity by unit price and rounds the tax half up', () => {
    // 3 × 12.35 = 37.05; 20 % of it is 7.41 exactly.
    expect(lineAmounts(3, 1_235n, 2_000)).toEqual({ lineTotalMinor: 3_705n, taxMinor: 741n });
    // 0.25 × 7 % = 0.0175 cent → 1.75 cents → 2 cents.
    expect(lineAmounts(1, 25n, 700)).toEqual({ lineTotalMinor: 25n, taxMinor: 2n });
    // Exactly half a cent rounds up: 50 × 1 % = 0.5.
    expect(lineAmounts(1, 50n, 100)).toEqual({ lineTotalMinor: 50n, taxMinor: 1n });
    expect(lineAmounts(1, 49n, 100)).toEqual({ lineTotalMinor: 49n, taxMinor: 0n });
  });

  it('stays exact far beyond 2^53 intermediate products', () => {
    const { lineTotalMinor, taxMinor } = lineAmounts(10_000, MAX_AMOUNT_MINOR, 10_000);
    expect(lineTotalMinor).toBe(9_999_999_999_999_990_000n);
    expect(taxMinor).toBe(lineTotalMinor);
  });

  it('bills nothing for a zero price', () => {
    expect(lineAmounts(5, 0n, 2_000)).toEqual({ lineTotalMinor: 0n, taxMinor: 0n });
  });
});

describe('invoiceTotals', () => {
  it('sums line totals and per-line taxes', () => {
    const lines = [lineAmounts(1, 25n, 700), lineAmounts(1, 25n, 700)];
    // Per-line rounding: 2 + 2, not round(3.5) = 4 on the sum (same here) — documented rule.
    expect(invoiceTotals(lines)).toEqual({ subtotalMinor: 50n, taxMinor: 4n, totalMinor: 54n });
    expect(invoiceTotals([])).toEqual({ subtotalMinor: 0n, taxMinor: 0n, totalMinor: 0n });
  });
});

describe('fitsInt64', () => {
  it('admits exactly the int64 range', () => {
    expect([fitsInt64(2n ** 63n - 1n), fitsInt64(-(2n ** 63n)), fitsInt64(2n ** 63n), fitsInt64(-(2n ** 63n) - 1n)]).toEqual([true, true, false, false]);
  });
});

describe('fitsAmountRange', () => {
  it('admits ±(10^15 - 1) and nothing beyond', () => {
    expect(fitsAmountRange(MAX_AMOUNT_MINOR)).toBe(true);
    expect(fitsAmountRange(-MAX_AMOUNT_MINOR)).toBe(true);
    expect(fitsAmountRange(MAX_AMOUNT_MINOR + 1n)).toBe(false);
  });
});
