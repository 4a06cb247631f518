/** Enum and money spellings: GraphQL `PARTIALLY_PAID` / `CARD`, proto `INVOICE_STATUS_…` / `PAYMENT_METHOD_…`; money is an int64 decimal string on both sides. */
import type { InvoiceStatusProto, InvoiceStatusProto__Output, PaymentMethodProto, PaymentMethodProto__Output } from '@hospital/grpc-contracts';
import type { InvoiceStatus, MoneyInput, PaymentMethod } from '../__generated__/resolvers-types.ts';
import type { MoneyModel } from '../mappers.ts';

/**
 * Proto → GraphQL status.
 * @param status - proto enum value
 */
export function graphqlStatus(status: InvoiceStatusProto__Output): InvoiceStatus {
  // UNSPECIFIED never leaves the service for a stored invoice; reading it as DRAFT is the safe side.
  return status === 'INVOICE_STATUS_UNSPECIFIED' ? 'DRAFT' : (status.replace(/^INVOICE_STATUS_/, '') as InvoiceStatus);
}

/**
 * GraphQL → proto status filter; no status means any.
 * @param status - GraphQL enum value, if any
 */
export function protoStatus(status: InvoiceStatus | null | undefined): InvoiceStatusProto {
  return status ? `INVOICE_STATUS_${status}` : 'INVOICE_STATUS_UNSPECIFIED';
}

/**
 * Proto → GraphQL payment method.
 * @param method - proto enum value
 */
export function graphqlMethod(method: PaymentMethodProto__Output): PaymentMethod {
  return method.replace(/^PAYMENT_METHOD_/, '') as PaymentMethod;
}

/**
 * GraphQL → proto payment method.
 * @param method - GraphQL enum value
 */
export function protoMethod(method: PaymentMethod): PaymentMethodProto {
  return `PAYMENT_METHOD_${method}`;
}

/**
 * MoneyInput → proto Money (the MinorUnits scalar already checked int64; the service checks its range and currency).
 * @param money - the client's amount
 */
export function protoMoney(money: MoneyInput): { amountMinor: string; currency: string } {
  return { amountMinor: money.amountMinor, currency: money.currency };
}

/**
 * A money field the service always sets; a missing one is a service bug, reported as internal.
 * @param money - the proto field
 */
export function requiredMoney(money: MoneyModel | null | undefined): MoneyModel {
  if (!money) throw new Error('finance service returned an invoice without an amount');
  return money;
}

/** proto3 strings cannot be absent: an empty one means "none", which the API shows as null. */
export const orNull = (value: string) => (value === '' ? null : value);
