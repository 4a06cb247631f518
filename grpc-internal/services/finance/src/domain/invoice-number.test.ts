import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber, numberingYear } from './invoice-number.ts';

describe('invoice numbers', () => {
  it('prints INV-<year>-<six digits>', () => {
    expect(formatInvoiceNumber(2026, 1)).toBe('INV-2026-000001');
    expect(formatInvoiceNumber(2026, 123_456)).toBe('INV-2026-123456');
    expect(formatInvoiceNumber(2027, 1_234_567)).toBe('INV-2027-1234567');
  });

  it('numbers by the UTC calendar year', () => {
    expect(numberingYear(new Date('2026-12-31T23:59:59.999Z'))).toBe(2026);
    expect(numberingYear(new Date('2027-01-01T00:00:00.000Z'))).toBe(2027);
  });
});
