/**
 * The database guarantees under truly parallel requests: gapless unique numbers, no overpayment,
 * one payment per idempotency key, refunds never exceeding their payment.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { harnessForFile, settleRace } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { eur, startFinanceHarness } from './testing/finance-harness.ts';

const h = harnessForFile(() => startFinanceHarness(testDatabaseUrl()));

/**
 * Every committed number of a year, with the counter, read in one statement (one snapshot): the
 * issued numbers must be exactly 1..counter, whoever else issued in the meantime.
 */
async function numbersOfYear(year: number): Promise<{ last: number; numbers: number[] }> {
  const [row] = await h.db.$queryRaw<{ last: number | null; numbers: number[] | null }[]>`
    SELECT (SELECT last_number FROM finance.invoice_number_counters WHERE year = ${year}) AS last,
           (SELECT array_agg(number_seq ORDER BY number_seq) FROM finance.invoices WHERE number_year = ${year}) AS numbers`;
  return { last: Number(row?.last ?? 0), numbers: (row?.numbers ?? []).map(Number) };
}

describe('invoice numbers', () => {
  it('gives 20 invoices issued at once 20 distinct numbers, leaving the year gapless', async () => {
    const drafts = await Promise.all(Array.from({ length: 20 }, () => h.draft([1_500])));
    // An issue that fails (no lines) in the same burst must not burn a number.
    const empty = await h.draft([]);
    const { won, lostStatuses } = await settleRace([...drafts, empty].map((d) => h.client.issueInvoice({ id: d.id }, { metadata: h.as('finance') })));
    expect([won.length, lostStatuses.length]).toEqual([20, 1]);
    const year = new Date().getUTCFullYear();
    const seqs = won.map((invoice) => Number(invoice.number.split('-')[2]));
    expect(new Set(seqs).size).toBe(20);
    for (const invoice of won) expect(invoice.number).toMatch(new RegExp(`^INV-${year}-\\d{6}$`));
    const { last, numbers } = await numbersOfYear(year);
    expect(numbers).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(numbers).toEqual(expect.arrayContaining(seqs));
  });
});

describe('payments', () => {
  it('never overpays: 8 parallel payments of 30.00 on 100.00 → 3 accepted, the rest BAD_USER_INPUT', async () => {
    const invoice = await h.issued([10_000]);
    const { won, lostStatuses } = await settleRace(
      Array.from({ length: 8 }, () =>
        h.client.recordPayment({ invoiceId: invoice.id, amount: eur(3_000), method: 'PAYMENT_METHOD_CARD', idempotencyKey: randomUUID() }, { metadata: h.as('finance') }),
      ),
    );
    expect(won).toHaveLength(3);
    expect(lostStatuses).toEqual(Array(5).fill('INVALID_ARGUMENT'));
    const stored = await h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { payments: true } });
    expect(stored.payments).toHaveLength(3);
    expect([stored.paidMinor, stored.balanceMinor, stored.status]).toEqual([9_000n, 1_000n, 'partially_paid']);
  });

  it('applies one idempotency key sent 10 times in parallel exactly once, answering all 10 alike', async () => {
    const invoice = await h.issued([10_000]);
    const key = `parallel-${randomUUID()}`;
    const { won, lostStatuses } = await settleRace(
      Array.from({ length: 10 }, () =>
        h.client.recordPayment({ invoiceId: invoice.id, amount: eur(2_500), method: 'PAYMENT_METHOD_CASH', idempotencyKey: key }, { metadata: h.as('finance') }),
      ),
    );
    expect(lostStatuses).toEqual([]);
    expect(new Set(won.map((r) => r.payment?.id)).size).toBe(1);
    expect(won.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await h.db.payment.count({ where: { idempotencyKey: key } })).toBe(1);
    const stored = await h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect([stored.paidMinor, stored.balanceMinor]).toEqual([2_500n, 7_500n]);
  });

  it('lets one key race across two invoices: one payment, the other request CONFLICT', async () => {
    const [a, b] = await Promise.all([h.issued([5_000]), h.issued([5_000])]);
    const key = `cross-${randomUUID()}`;
    const { won, lostStatuses } = await settleRace(
      [a, b].map((invoice) =>
        h.client.recordPayment({ invoiceId: invoice.id, amount: eur(1_000), method: 'PAYMENT_METHOD_CARD', idempotencyKey: key }, { metadata: h.as('finance') }),
      ),
    );
    expect([won.length, lostStatuses]).toEqual([1, ['ALREADY_EXISTS']]);
    expect(await h.db.payment.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it('never refunds more than a payment: 6 parallel refunds of 20.00 from 50.00 → 2 accepted', async () => {
    const invoice = await h.issued([5_000]);
    const { payment } = await h.client.recordPayment(
      { invoiceId: invoice.id, amount: eur(5_000), method: 'PAYMENT_METHOD_CARD', idempotencyKey: randomUUID() },
      { metadata: h.as('finance') },
    );
    const { won } = await settleRace(
      Array.from({ length: 6 }, () => h.client.refundPayment({ paymentId: payment!.id, amount: eur(2_000), reason: 'Split refund' }, { metadata: h.as('finance') })),
    );
    expect(won).toHaveLength(2);
    const stored = await h.db.payment.findUniqueOrThrow({ where: { id: payment!.id }, include: { refunds: true, invoice: true } });
    expect([stored.refundedMinor, stored.refunds.length, stored.invoice.balanceMinor]).toEqual([4_000n, 2, 4_000n]);
  });

  it('keeps the balance CHECK as the last guard: the database refuses an overpaid row', async () => {
    const invoice = await h.issued([1_000]);
    await expect(h.db.invoice.update({ where: { id: invoice.id }, data: { paidMinor: 1_001n, balanceMinor: -1n } })).rejects.toThrow(
      /invoices_balance_check|invoices_status_check/,
    );
    await expect(h.db.invoice.update({ where: { id: invoice.id }, data: { paidMinor: 100n } })).rejects.toThrow(/invoices_balance_check/);
  });
});
