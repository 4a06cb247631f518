import { describe, expect, it } from 'vitest';
import { toFhirMoney } from './invoice.ts';

describe('toFhirMoney', () => {
  it.each([
    ['9100', 'EUR', 91],
    ['5', 'EUR', 0.05],
    ['-250', 'USD', -2.5],
    ['1500', 'JPY', 1500],
    ['12345', 'BHD', 12.345],
    ['999999999999999', 'EUR', 9999999999999.99],
  ])('%s minor %s is %d', (amountMinor, currency, value) => {
    expect(toFhirMoney({ amountMinor, currency })).toEqual({ value, currency });
  });
});
