/** Stored invoice rows (with lines, payments, refunds) → the records handlers use. */
import { type Prisma } from '@hospital/db';
import type { InvoiceRecord, PaymentRecord } from './invoice-repository.ts';

/** What every invoice read loads: lines in order, payments oldest first, each with its refunds. */
export const INVOICE_INCLUDE = {
  lines: { orderBy: { position: 'asc' } },
  payments: {
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
    include: { refunds: { orderBy: [{ refundedAt: 'asc' }, { id: 'asc' }] } },
  },
} satisfies Prisma.InvoiceInclude;

/** A payment row with its refunds. */
export type StoredPayment = Prisma.PaymentGetPayload<{ include: { refunds: true } }>;
/** An invoice row as {@link INVOICE_INCLUDE} loads it. */
export type StoredInvoice = Prisma.InvoiceGetPayload<{ include: typeof INVOICE_INCLUDE }>;

/**
 * Payment row → record.
 * @param payment - a stored payment with its refunds
 */
export function toPaymentRecord(payment: StoredPayment): PaymentRecord {
  return {
    id: payment.id,
    invoiceId: payment.invoiceId,
    amountMinor: payment.amountMinor,
    method: payment.method,
    idempotencyKey: payment.idempotencyKey,
    refundedMinor: payment.refundedMinor,
    receivedAt: payment.receivedAt,
    refunds: payment.refunds.map((refund) => ({
      id: refund.id,
      paymentId: refund.paymentId,
      amountMinor: refund.amountMinor,
      reason: refund.reason,
      refundedAt: refund.refundedAt,
    })),
  };
}

/**
 * Invoice row → record.
 * @param invoice - a stored invoice as INVOICE_INCLUDE loads it
 */
export function toInvoiceRecord(invoice: StoredInvoice): InvoiceRecord {
  return {
    id: invoice.id,
    numberYear: invoice.numberYear,
    numberSeq: invoice.numberSeq,
    status: invoice.status,
    patientId: invoice.patientId,
    appointmentId: invoice.appointmentId,
    admissionId: invoice.admissionId,
    // char(3) comes back as is; trim in case a future column type pads.
    currency: invoice.currency.trim(),
    subtotalMinor: invoice.subtotalMinor,
    taxMinor: invoice.taxMinor,
    totalMinor: invoice.totalMinor,
    paidMinor: invoice.paidMinor,
    refundedMinor: invoice.refundedMinor,
    balanceMinor: invoice.balanceMinor,
    issuedAt: invoice.issuedAt,
    voidedAt: invoice.voidedAt,
    voidReason: invoice.voidReason,
    createdAt: invoice.createdAt,
    lines: invoice.lines.map((line) => ({
      id: line.id,
      position: line.position,
      code: line.code,
      description: line.description,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      taxRateBasisPoints: line.taxRateBasisPoints,
      lineTotalMinor: line.lineTotalMinor,
      taxMinor: line.taxMinor,
    })),
    payments: invoice.payments.map(toPaymentRecord),
  };
}
