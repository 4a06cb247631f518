/** Invoice statuses and payment methods as stored, and their proto spellings. */
import type { InvoiceStatusProto__Output, PaymentMethodProto__Output } from '@hospital/grpc-contracts';

/** Stored invoice statuses (the PostgreSQL enum finance."InvoiceStatus"). */
export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'void'] as const;
/** A stored invoice status. */
export type InvoiceStatusName = (typeof INVOICE_STATUSES)[number];

/** Stored payment methods (the PostgreSQL enum finance."PaymentMethod"). */
export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'insurance'] as const;
/** A stored payment method. */
export type PaymentMethodName = (typeof PAYMENT_METHODS)[number];

/**
 * Stored → proto.
 * @param status - a stored status
 */
export function statusToProto(status: InvoiceStatusName): InvoiceStatusProto__Output {
  return `INVOICE_STATUS_${status.toUpperCase()}` as InvoiceStatusProto__Output;
}

/**
 * Proto → stored; undefined for UNSPECIFIED or anything unknown.
 * @param status - a proto enum value (string, or number from a lenient client)
 */
export function statusFromProto(status: string | number): InvoiceStatusName | undefined {
  const name = typeof status === 'number' ? INVOICE_STATUSES[status - 1] : status.replace(/^INVOICE_STATUS_/, '').toLowerCase();
  return INVOICE_STATUSES.find((known) => known === name);
}

/**
 * Stored → proto.
 * @param method - a stored method
 */
export function methodToProto(method: PaymentMethodName): PaymentMethodProto__Output {
  return `PAYMENT_METHOD_${method.toUpperCase()}` as PaymentMethodProto__Output;
}

/**
 * Proto → stored; undefined for UNSPECIFIED or anything unknown.
 * @param method - a proto enum value
 */
export function methodFromProto(method: string | number): PaymentMethodName | undefined {
  const name = typeof method === 'number' ? PAYMENT_METHODS[method - 1] : method.replace(/^PAYMENT_METHOD_/, '').toLowerCase();
  return PAYMENT_METHODS.find((known) => known === name);
}

/**
 * How a status reads in messages to staff (ISSUED, PARTIALLY_PAID…), as the API spells it.
 * @param status - a stored status
 */
export function statusLabel(status: InvoiceStatusName): string {
  return status.toUpperCase();
}
