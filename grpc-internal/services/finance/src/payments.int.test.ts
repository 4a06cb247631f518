/** Payments and refunds through the real service: status from balance, idempotency, overpayment, refund limits. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import type { PaymentMethodProto } from '@hospital/grpc-contracts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { eur, startFinanceHarness } from './testing/finance-harness.ts';

const h = harnessForFile(() => startFinanceHarness(testDatabaseUrl()));

const pay = (invoiceId: string, cents: number, idempotencyKey: string = randomUUID(), method: PaymentMethodProto = 'PAYMENT_METHOD_CARD', currency = 'EUR') =>
  h.client.recordPayment({ invoiceId, amount: eur(cents, currency), method, idempotencyKey }, { metadata: h.as('finance') });
const refund = (paymentId: string, cents: number, reason = 'Overcharged') => h.client.refundPayment({ paymentId, amount: eur(cents), reason }, { metadata: h.as('finance') });

/** The stored invoice row satisfies balance = total − payments + refunds, and the sums match the rows. */
async function expectConsistent(invoiceId: string): Promise<void> {
  const invoice = await h.db.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { payments: { include: { refunds: true } } } });
  const paid = invoice.payments.reduce((sum, p) => sum + p.amountMinor, 0n);
  const refunded = invoice.payments.flatMap((p) => p.refunds).reduce((sum, r) => sum + r.amountMinor, 0n);
  expect([invoice.paidMinor, invoice.refundedMinor]).toEqual([paid, refunded]);
  expect(invoice.balanceMinor).toBe(invoice.totalMinor - paid + refunded);
  for (const p of invoice.payments) expect(p.refundedMinor).toBe(p.refunds.reduce((sum, r) => sum + r.amountMinor, 0n));
}

describe('RecordPayment', () => {
  it('moves ISSUED → PARTIALLY_PAID → PAID as the balance falls', async () => {
    const invoice = await h.issued([6_000, 4_000]);
    const first = await pay(invoice.id, 2_500, undefined, 'PAYMENT_METHOD_CASH');
    expect(first.replayed).toBe(false);
    expect(first.payment).toMatchObject({ invoiceId: invoice.id, amount: eur(2_500), method: 'PAYMENT_METHOD_CASH', refunded: eur(0), refunds: [] });
    expect(first.invoice).toMatchObject({ status: 'INVOICE_STATUS_PARTIALLY_PAID', balance: eur(7_500), paid: eur(2_500) });
    const second = await pay(invoice.id, 7_500, undefined, 'PAYMENT_METHOD_INSURANCE');
    expect(second.invoice).toMatchObject({ status: 'INVOICE_STATUS_PAID', balance: eur(0) });
    expect(second.invoice?.payments.map((p) => p.id)).toEqual([first.payment?.id, second.payment?.id]);
    await expectConsistent(invoice.id);
  });

  it('refuses overpayment, other currencies, zero, drafts, void and paid invoices', async () => {
    const invoice = await h.issued([1_000]);
    await expectGrpcError(pay(invoice.id, 1_001), status.INVALID_ARGUMENT, { field: 'amount', message: /Overpayment/ });
    await expectGrpcError(pay(invoice.id, 500, undefined, 'PAYMENT_METHOD_CARD', 'USD'), status.INVALID_ARGUMENT, { field: 'amount' });
    await expectGrpcError(pay(invoice.id, 0), status.INVALID_ARGUMENT, { field: 'amount.amountMinor' });
    await expectGrpcError(pay(invoice.id, 10, undefined, 'PAYMENT_METHOD_UNSPECIFIED'), status.INVALID_ARGUMENT, { field: 'method' });
    await expectGrpcError(pay(invoice.id, 10, ''), status.INVALID_ARGUMENT, { field: 'idempotencyKey' });
    await expectGrpcError(pay(randomUUID(), 10), status.NOT_FOUND);
    const draft = await h.draft();
    await expectGrpcError(pay(draft.id, 10), status.INVALID_ARGUMENT, { field: 'invoiceId', message: /Issue/ });
    await pay(invoice.id, 1_000);
    await expectGrpcError(pay(invoice.id, 1), status.INVALID_ARGUMENT, { message: /already PAID/ });
    await expectConsistent(invoice.id);
  });

  it('applies a retried payment once and returns the same payment', async () => {
    const invoice = await h.issued([3_000]);
    const key = `retry-${randomUUID()}`;
    const first = await pay(invoice.id, 3_000, key);
    // The invoice is PAID now, yet the retry is answered, not refused.
    const retry = await pay(invoice.id, 3_000, key);
    expect(retry.replayed).toBe(true);
    expect(retry.payment).toEqual(first.payment);
    expect(retry.invoice).toMatchObject({ status: 'INVOICE_STATUS_PAID', balance: eur(0) });
    expect(await h.db.payment.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it('answers a reused key for a different payment with CONFLICT', async () => {
    const [a, b] = await Promise.all([h.issued([3_000]), h.issued([3_000])]);
    const key = `reuse-${randomUUID()}`;
    await pay(a.id, 1_000, key);
    await expectGrpcError(pay(a.id, 1_001, key), status.ALREADY_EXISTS, { message: /idempotency key/ });
    await expectGrpcError(pay(a.id, 1_000, key, 'PAYMENT_METHOD_CASH'), status.ALREADY_EXISTS);
    await expectGrpcError(pay(b.id, 1_000, key), status.ALREADY_EXISTS);
  });
});

describe('RefundPayment', () => {
  it('refunds up to what is left of a payment, and the balance and status follow', async () => {
    const invoice = await h.issued([5_000]);
    const { payment } = await pay(invoice.id, 5_000);
    const partial = await refund(payment!.id, 2_000);
    expect(partial.payment).toMatchObject({ refunded: eur(2_000), refunds: [{ amount: eur(2_000), reason: 'Overcharged' }] });
    expect(partial.invoice).toMatchObject({ status: 'INVOICE_STATUS_PARTIALLY_PAID', balance: eur(2_000), refunded: eur(2_000) });
    await expectGrpcError(refund(payment!.id, 3_001), status.INVALID_ARGUMENT, { field: 'amount', message: /left of the payment/ });
    const rest = await refund(payment!.id, 3_000, 'Cancelled procedure');
    expect(rest.invoice).toMatchObject({ status: 'INVOICE_STATUS_ISSUED', balance: eur(5_000) });
    await expectGrpcError(refund(payment!.id, 1), status.INVALID_ARGUMENT, { field: 'amount' });
    await expectConsistent(invoice.id);
    // Every payment refunded: nothing is kept, so the invoice may be voided now.
    const voided = await h.client.voidInvoice({ id: invoice.id, reason: 'Procedure cancelled' }, { metadata: h.as('finance') });
    expect(voided.status).toBe('INVOICE_STATUS_VOID');
    await expectGrpcError(refund(payment!.id, 1), status.INVALID_ARGUMENT, { field: 'paymentId' });
  });

  it('refuses unknown payments, other currencies and missing reasons', async () => {
    const invoice = await h.issued([5_000]);
    const { payment } = await pay(invoice.id, 1_000);
    await expectGrpcError(refund(randomUUID(), 100), status.NOT_FOUND);
    await expectGrpcError(h.client.refundPayment({ paymentId: payment!.id, amount: eur(100, 'GBP'), reason: 'x' }, { metadata: h.as('finance') }), status.INVALID_ARGUMENT, {
      field: 'amount',
    });
    await expectGrpcError(refund(payment!.id, 100, ''), status.INVALID_ARGUMENT, { field: 'reason' });
  });
});
