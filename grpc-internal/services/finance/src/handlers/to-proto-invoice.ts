/** Mapping of stored invoices and payments to the proto messages. */
import type { Invoice, Payment } from '@hospital/grpc-contracts';
import { formatInvoiceNumber } from '../domain/invoice-number.ts';
import { methodToProto, statusToProto } from '../domain/invoice-status.ts';
import { fitsInt64 } from '../domain/money.ts';
import type { InvoiceRecord, PaymentRecord } from '../repositories/invoice-repository.ts';

/**
 * Proto Money: int64 travels as a decimal string.
 * @param amountMinor - minor units
 * @param currency - ISO 4217 code
 */
export function toProtoMoney(amountMinor: bigint, currency: string): { amountMinor: string; currency: string } {
  // proto int64 would wrap a larger value silently: better a masked internal error than a wrong sum.
  if (!fitsInt64(amountMinor)) throw new RangeError('amount beyond int64');
  return { amountMinor: amountMinor.toString(), currency };
}

/**
 * The proto form of a payment.
 * @param payment - a stored payment
 * @param currency - its invoice's currency
 */
export function toProtoPayment(payment: PaymentRecord, currency: string): Payment {
  return {
    id: payment.id,
    invoiceId: payment.invoiceId,
    amount: toProtoMoney(payment.amountMinor, currency),
    method: methodToProto(payment.method),
    receivedAt: payment.receivedAt.toISOString(),
    idempotencyKey: payment.idempotencyKey,
    refunded: toProtoMoney(payment.refundedMinor, currency),
    refunds: payment.refunds.map((refund) => ({
      id: refund.id,
      paymentId: refund.paymentId,
      amount: toProtoMoney(refund.amountMinor, currency),
      reason: refund.reason,
      refundedAt: refund.refundedAt.toISOString(),
    })),
  };
}

/**
 * The proto form of an invoice: absent values as '', timestamps RFC 3339 UTC.
 * @param invoice - a stored invoice
 */
export function toProtoInvoice(invoice: InvoiceRecord): Invoice {
  const money = (amountMinor: bigint) => toProtoMoney(amountMinor, invoice.currency);
  return {
    id: invoice.id,
    number: invoice.numberYear !== null && invoice.numberSeq !== null ? formatInvoiceNumber(invoice.numberYear, invoice.numberSeq) : '',
    status: statusToProto(invoice.status),
    patientId: invoice.patientId,
    appointmentId: invoice.appointmentId ?? '',
    admissionId: invoice.admissionId ?? '',
    currency: invoice.currency,
    lines: invoice.lines.map((line) => ({
      id: line.id,
      code: line.code,
      description: line.description,
      quantity: line.quantity,
      unitPrice: money(line.unitPriceMinor),
      taxRateBasisPoints: line.taxRateBasisPoints,
      lineTotal: money(line.lineTotalMinor),
      tax: money(line.taxMinor),
    })),
    subtotal: money(invoice.subtotalMinor),
    tax: money(invoice.taxMinor),
    total: money(invoice.totalMinor),
    balance: money(invoice.balanceMinor),
    paid: money(invoice.paidMinor),
    refunded: money(invoice.refundedMinor),
    payments: invoice.payments.map((payment) => toProtoPayment(payment, invoice.currency)),
    issuedAt: invoice.issuedAt?.toISOString() ?? '',
    voidedAt: invoice.voidedAt?.toISOString() ?? '',
    voidReason: invoice.voidReason ?? '',
    createdAt: invoice.createdAt.toISOString(),
  };
}
