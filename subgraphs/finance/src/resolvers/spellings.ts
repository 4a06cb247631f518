/** Enum and money spellings: GraphQL `PARTIALLY_PAID` / `CARD`, proto `INVOICE_STATUS_…` / `PAYMENT_METHOD_…`; money is an int64 decimal string on both sides. */
import type { InvoiceStatusProto, InvoiceStatusProto__Output, PaymentMethodProto, PaymentMethodProto__Output } from '@hospital/grpc-contracts';
import { enumFromProto, enumToProto, protoFilter } from '@hospital/subgraph-kit';
import type { InvoiceStatus, MoneyInput, PaymentMethod } from '../__generated__/resolvers-types.ts';
import type { MoneyModel } from '../mappers.ts';

/**
 * Proto → GraphQL status; UNSPECIFIED is the service's bug (INTERNAL), not a DRAFT.
 * @param status - proto enum value
 */
export function graphqlStatus(status: InvoiceStatusProto__Output): InvoiceStatus {
  return enumFromProto<InvoiceStatus>(status, 'INVOICE_STATUS_');
}

/**
 * GraphQL → proto status filter; no status means any.
 * @param status - GraphQL enum value, if any
 */
export function protoStatus(status: InvoiceStatus | null | undefined): InvoiceStatusProto {
  return protoFilter('INVOICE_STATUS_', status);
}

/**
 * Proto → GraphQL payment method.
 * @param method - proto enum value
 */
export function graphqlMethod(method: PaymentMethodProto__Output): PaymentMethod {
  return enumFromProto<PaymentMethod>(method, 'PAYMENT_METHOD_');
}

/**
 * GraphQL → proto payment method.
 * @param method - GraphQL enum value
 */
export function protoMethod(method: PaymentMethod): PaymentMethodProto {
  return enumToProto('PAYMENT_METHOD_', method);
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
