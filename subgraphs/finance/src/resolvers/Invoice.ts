/**
 * The `Invoice`, `InvoiceLine`, `Payment`, `Refund` and `Money` types: resolved from the proto
 * messages the finance service returns.
 */
import { orNull } from '@hospital/subgraph-kit';
import type { InvoiceLineResolvers, InvoiceResolvers, MoneyResolvers, PaymentResolvers, RefundResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';
import { graphqlMethod, graphqlStatus, requiredMoney } from './spellings.ts';

/**
 * Invoice resolvers; fields not listed read the proto message as is.
 * @param deps - the loader keys
 */
export function createInvoiceResolvers({ loaders }: ResolverDeps): InvoiceResolvers {
  return {
    // N invoice references in one `_entities` request cost one GetInvoices call.
    __resolveReference: (reference, ctx) => ctx.loaders.get(loaders.invoices).load(reference.id),
    number: (invoice) => orNull(invoice.number),
    status: (invoice) => graphqlStatus(invoice.status),
    // Only the key: the patients subgraph resolves the rest.
    patient: (invoice) => ({ id: invoice.patientId }),
    appointmentId: (invoice) => orNull(invoice.appointmentId),
    admissionId: (invoice) => orNull(invoice.admissionId),
    subtotal: (invoice) => requiredMoney(invoice.subtotal),
    tax: (invoice) => requiredMoney(invoice.tax),
    total: (invoice) => requiredMoney(invoice.total),
    balance: (invoice) => requiredMoney(invoice.balance),
    issuedAt: (invoice) => orNull(invoice.issuedAt),
    voidedAt: (invoice) => orNull(invoice.voidedAt),
    voidReason: (invoice) => orNull(invoice.voidReason),
  };
}

/** Invoice line resolvers. */
export const invoiceLineResolvers: InvoiceLineResolvers = {
  unitPrice: (line) => requiredMoney(line.unitPrice),
  lineTotal: (line) => requiredMoney(line.lineTotal),
  tax: (line) => requiredMoney(line.tax),
};

/**
 * Payment resolvers.
 * @param deps - the loader keys
 */
export function createPaymentResolvers({ loaders }: ResolverDeps): PaymentResolvers {
  return {
    async invoice(payment, _args, ctx) {
      // Mutations prime the loader with the invoice they returned, so this costs no call there.
      const invoice = await ctx.loaders.get(loaders.invoices).load(payment.invoiceId);
      if (!invoice) throw new Error('payment without its invoice');
      return invoice;
    },
    amount: (payment) => requiredMoney(payment.amount),
    method: (payment) => graphqlMethod(payment.method),
    refunded: (payment) => requiredMoney(payment.refunded),
  };
}

/** Refund resolvers. */
export const refundResolvers: RefundResolvers = {
  amount: (refund) => requiredMoney(refund.amount),
  at: (refund) => refund.refundedAt,
};

/** Money: int64 minor units travel as the same decimal string from the service to the client (MinorUnits). */
export const moneyResolvers: MoneyResolvers = {
  amountMinor: (money) => money.amountMinor,
};
