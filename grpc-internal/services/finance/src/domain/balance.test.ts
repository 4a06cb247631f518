import { describe, expect, it } from 'vitest';
import { balanceOf, statusForBalance } from './balance.ts';

describe('balanceOf', () => {
  it('is total minus payments plus refunds', () => {
    expect(balanceOf({ totalMinor: 10_000n, paidMinor: 0n, refundedMinor: 0n })).toBe(10_000n);
    expect(balanceOf({ totalMinor: 10_000n, paidMinor: 6_000n, refundedMinor: 0n })).toBe(4_000n);
    expect(balanceOf({ totalMinor: 10_000n, paidMinor: 10_000n, refundedMinor: 2_500n })).toBe(2_500n);
    expect(balanceOf({ totalMinor: 10_000n, paidMinor: 10_000n, refundedMinor: 0n })).toBe(0n);
  });
});

describe('statusForBalance', () => {
  const total = 10_000n;
  it.each([
    ['issued', 0n, 0n, 'issued'],
    ['issued', 2_500n, 0n, 'partially_paid'],
    ['partially_paid', 10_000n, 0n, 'paid'],
    ['paid', 10_000n, 4_000n, 'partially_paid'],
    ['paid', 10_000n, 10_000n, 'issued'],
    ['partially_paid', 3_000n, 3_000n, 'issued'],
  ] as const)('%s with %s paid and %s refunded becomes %s', (current, paidMinor, refundedMinor, expected) => {
    expect(statusForBalance(current, { totalMinor: total, paidMinor, refundedMinor })).toBe(expected);
  });

  it('marks a zero-total invoice paid once issued', () => {
    expect(statusForBalance('issued', { totalMinor: 0n, paidMinor: 0n, refundedMinor: 0n })).toBe('paid');
  });

  it('leaves DRAFT and VOID alone', () => {
    expect(statusForBalance('draft', { totalMinor: total, paidMinor: 0n, refundedMinor: 0n })).toBe('draft');
    expect(statusForBalance('void', { totalMinor: total, paidMinor: 5n, refundedMinor: 5n })).toBe('void');
  });
});
