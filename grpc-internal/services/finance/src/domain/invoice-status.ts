/** Invoice statuses and payment methods as stored, and their proto spellings. */
import type { InvoiceStatusProto__Output, PaymentMethodProto__Output } from '@hospital/grpc-contracts';
import { fromProtoEnum, protoEnum, toProtoEnum } from '@hospital/service-kit';

/** Stored invoice statuses (the PostgreSQL enum finance."InvoiceStatus"). */
export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'void'] as const;
/** A stored invoice status. */
export type InvoiceStatusName = (typeof INVOICE_STATUSES)[number];

/** Stored payment methods (the PostgreSQL enum finance."PaymentMethod"). */
export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'insurance'] as const;
/** A stored payment method. */
export type PaymentMethodName = (typeof PAYMENT_METHODS)[number];

/** The proto enum InvoiceStatus. */
export const INVOICE_STATUS_ENUM = protoEnum('INVOICE_STATUS_', INVOICE_STATUSES);
/** The proto enum PaymentMethod. */
export const PAYMENT_METHOD_ENUM = protoEnum('PAYMENT_METHOD_', PAYMENT_METHODS);

/**
 * Stored → proto.
 * @param status - a stored status
 */
export function statusToProto(status: InvoiceStatusName): InvoiceStatusProto__Output {
  return toProtoEnum(INVOICE_STATUS_ENUM, status);
}

/**
 * Proto → stored; undefined for UNSPECIFIED or anything unknown.
 * @param status - a proto enum value (string, or number from a lenient client)
 */
export function statusFromProto(status: string | number): InvoiceStatusName | undefined {
  return fromProtoEnum(INVOICE_STATUS_ENUM, status);
}

/**
 * Stored → proto.
 * @param method - a stored method
 */
export function methodToProto(method: PaymentMethodName): PaymentMethodProto__Output {
  return toProtoEnum(PAYMENT_METHOD_ENUM, method);
}

/**
 * Proto → stored; undefined for UNSPECIFIED or anything unknown.
 * @param method - a proto enum value
 */
export function methodFromProto(method: string | number): PaymentMethodName | undefined {
  return fromProtoEnum(PAYMENT_METHOD_ENUM, method);
}

/**
 * How a status reads in messages to staff (ISSUED, PARTIALLY_PAID…), as the API spells it.
 * @param status - a stored status
 */
export function statusLabel(status: InvoiceStatusName): string {
  return status.toUpperCase();
}
