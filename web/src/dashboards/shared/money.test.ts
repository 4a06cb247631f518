import { describe, expect, it } from 'vitest';
import { compareMinor, formatMoney, minorToInput, parseMoneyInput, subtractMinor } from './money.ts';

describe('money in the UI', () => {
  it('formats amounts beyond 2^31 and 2^53 minor units exactly', () => {
    expect(formatMoney({ amountMinor: '4000000001', currency: 'EUR' })).toContain('40,000,000.01');
    expect(formatMoney({ amountMinor: '9007199254740993', currency: 'EUR' })).toContain('90,071,992,547,409.93');
    expect(formatMoney({ amountMinor: '-1250', currency: 'EUR' })).toMatch(/-.*12\.50/);
    expect(formatMoney({ amountMinor: '1500', currency: 'JPY' })).toContain('1,500');
  });

  it('parses typed amounts into minor-unit strings without floating point', () => {
    expect(parseMoneyInput('12,5', 'EUR')).toBe('1250');
    expect(parseMoneyInput('0.1', 'EUR')).toBe('10');
    expect(parseMoneyInput('40000000.01', 'EUR')).toBe('4000000001');
    expect(parseMoneyInput('1.234', 'EUR')).toBeNull();
    expect(parseMoneyInput('1e3', 'EUR')).toBeNull();
    expect(minorToInput('4000000001', 'EUR')).toBe('40000000.01');
  });

  it('compares and subtracts exactly', () => {
    expect(subtractMinor('9007199254740993', '1')).toBe('9007199254740992');
    expect(compareMinor('2147483648', '2147483647')).toBe(1);
    expect(compareMinor('5', '5')).toBe(0);
  });
});
