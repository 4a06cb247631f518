import { describe, expect, it } from 'vitest';
import { amountsOf, DEMO_INVOICES, lineTax } from './finance-demo-plan.ts';

describe('finance demo plan', () => {
  it('rounds tax half up, in integers', () => {
    expect(lineTax(2_500, 2_000)).toBe(500);
    expect(lineTax(25, 700)).toBe(2);
    expect(lineTax(50, 100)).toBe(1);
    expect(lineTax(49, 100)).toBe(0);
  });

  it('has one invoice in every state, each consistent with its status', () => {
    expect(new Set(DEMO_INVOICES.map((i) => i.status))).toEqual(new Set(['draft', 'issued', 'partially_paid', 'paid', 'void']));
    for (const invoice of DEMO_INVOICES) {
      const { totalMinor, paidMinor, refundedMinor, balanceMinor } = amountsOf(invoice);
      expect(balanceMinor).toBe(totalMinor - paidMinor + refundedMinor);
      if (invoice.status === 'paid') expect(balanceMinor).toBe(0);
      if (invoice.status === 'partially_paid') expect(balanceMinor > 0 && balanceMinor < totalMinor).toBe(true);
      if (invoice.status === 'issued' || invoice.status === 'draft' || invoice.status === 'void') expect(paidMinor - refundedMinor).toBe(0);
      for (const payment of invoice.payments) expect(payment.refunds.reduce((s, r) => s + r.amountMinor, 0)).toBeLessThanOrEqual(payment.amountMinor);
    }
  });

  it('bills the paid stay exactly: 3 ward days, 2 panels and a taxed certificate', () => {
    expect(amountsOf(DEMO_INVOICES[0]!)).toMatchObject({ subtotalMinor: 145_300, taxMinor: 500, totalMinor: 145_800, balanceMinor: 0 });
  });
});
