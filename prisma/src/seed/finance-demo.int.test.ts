import { describe, expect, it } from 'vitest';
import { useSeededDemoDatabase } from './testing/seeded-demo-database.ts';
import { seedFinanceDemo } from './finance-demo.ts';

// A database of its own: the seeder only fills empty finance tables, and the shared one holds
// other tests' invoices.
describe('seedFinanceDemo', () => {
  const today = new Date('2026-11-24T12:00:00Z');
  const own = useSeededDemoDatabase({ patientCount: 60, today });

  it('bills demo patients once, in every state, numbered from the yearly counter; then changes nothing', async () => {
    const invoices = await own.db.invoice.findMany({ orderBy: { createdAt: 'asc' }, include: { lines: true, payments: { include: { refunds: true } } } });
    expect(invoices.map((i) => i.status)).toEqual(['paid', 'void', 'partially_paid', 'issued', 'issued', 'draft']);
    expect(invoices.every((i) => i.currency === 'EUR')).toBe(true);
    // Issued ones (the void one included) hold 1..5 of 2026 in issue order; the draft has none.
    expect(invoices.map((i) => i.numberSeq)).toEqual([1, 2, 3, 4, 5, null]);
    expect(await own.db.invoiceNumberCounter.findUnique({ where: { year: 2026 } })).toEqual({ year: 2026, lastNumber: 5 });
    for (const invoice of invoices) {
      const paid = invoice.payments.reduce((s, p) => s + p.amountMinor, 0n);
      const refunded = invoice.payments.flatMap((p) => p.refunds).reduce((s, r) => s + r.amountMinor, 0n);
      expect(invoice.balanceMinor).toBe(invoice.totalMinor - paid + refunded);
    }
    expect(invoices.flatMap((i) => i.lines.map((l) => l.code))).toEqual(expect.arrayContaining(['CONS-GP', 'XRAY-CHEST', 'LAB-CMP', 'MRI-KNEE']));
    const clerk = await own.db.user.findUniqueOrThrow({ where: { email: 'finance@hospital.local' } });
    expect(invoices.every((i) => i.createdBy === clerk.id)).toBe(true);

    expect(await seedFinanceDemo(own.db, { today })).toEqual({ invoicesCreated: 0 });
    expect(await own.db.invoice.count()).toBe(6);
  });
});
