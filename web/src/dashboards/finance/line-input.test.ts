import { describe, expect, it } from 'vitest';
import { lineInputSchema, percentToBasisPoints } from './line-input.ts';

describe('invoice line input', () => {
  it('reads tax rates in percent as basis points', () => {
    expect(percentToBasisPoints('20')).toBe(2000);
    expect(percentToBasisPoints('7.5')).toBe(750);
    expect(percentToBasisPoints('0,25')).toBe(25);
    expect(percentToBasisPoints('101')).toBeNull();
    expect(percentToBasisPoints('5.125')).toBeNull();
  });

  it('turns a price typed in currency into minor units and names each bad field', () => {
    const schema = lineInputSchema('EUR');
    expect(schema.parse({ code: 'XRAY-CHEST', description: 'Chest X-ray', quantity: '2', unitPrice: '45.5', taxRate: '' })).toEqual({
      code: 'XRAY-CHEST',
      description: 'Chest X-ray',
      quantity: 2,
      unitPrice: { amountMinor: '4550', currency: 'EUR' },
      taxRate: 0,
    });
    const result = schema.safeParse({ code: 'bad code!', description: '', quantity: '0', unitPrice: '4550 cents', taxRate: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(['code', 'description', 'quantity', 'taxRate', 'unitPrice']);
  });
});
