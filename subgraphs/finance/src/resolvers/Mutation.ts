/** Mutation fields of the finance subgraph: invoices, lines, issuing, payments, refunds, voiding. */
import type { Invoice__Output, PaymentResult__Output } from '@hospital/grpc-contracts';
import { callGrpc, requestCallOptions, type SubgraphContext } from '@hospital/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';
import { protoMethod, protoMoney } from './spellings.ts';

/**
 * Mutation resolvers. Each primes the request's invoice loader with what the service returned,
 * so nested fields (Payment.invoice) read it without another call.
 * @param deps - client and loader keys
 */
export function createMutationResolvers({ client, loaders }: ResolverDeps): MutationResolvers {
  const remember = (ctx: SubgraphContext, invoice: Invoice__Output) => {
    ctx.loaders.get(loaders.invoices).clear(invoice.id).prime(invoice.id, invoice);
    return invoice;
  };
  const paymentOf = (ctx: SubgraphContext, result: PaymentResult__Output) => {
    if (!result.payment || !result.invoice) throw new Error('finance service returned an incomplete payment result');
    remember(ctx, result.invoice);
    return result.payment;
  };
  return {
    createInvoice: async (_parent, { input }, ctx) =>
      remember(
        ctx,
        await callGrpc(
          client.createInvoice(
            { patientId: input.patientId, currency: input.currency, appointmentId: input.appointmentId ?? '', admissionId: input.admissionId ?? '' },
            requestCallOptions(ctx),
          ),
        ),
      ),
    addInvoiceLine: async (_parent, { invoiceId, input }, ctx) =>
      remember(
        ctx,
        await callGrpc(
          client.addInvoiceLine(
            {
              invoiceId,
              code: input.code,
              description: input.description,
              quantity: input.quantity,
              unitPrice: protoMoney(input.unitPrice),
              taxRateBasisPoints: input.taxRateBasisPoints ?? 0,
            },
            requestCallOptions(ctx),
          ),
        ),
      ),
    removeInvoiceLine: async (_parent, { invoiceId, lineId }, ctx) => remember(ctx, await callGrpc(client.removeInvoiceLine({ invoiceId, lineId }, requestCallOptions(ctx)))),
    issueInvoice: async (_parent, { id }, ctx) => remember(ctx, await callGrpc(client.issueInvoice({ id }, requestCallOptions(ctx)))),
    voidInvoice: async (_parent, { id, reason }, ctx) => remember(ctx, await callGrpc(client.voidInvoice({ id, reason }, requestCallOptions(ctx)))),
    recordPayment: async (_parent, { input }, ctx) =>
      paymentOf(
        ctx,
        await callGrpc(
          client.recordPayment(
            { invoiceId: input.invoiceId, amount: protoMoney(input.amount), method: protoMethod(input.method), idempotencyKey: input.idempotencyKey },
            requestCallOptions(ctx),
          ),
        ),
      ),
    refundPayment: async (_parent, { paymentId, amount, reason }, ctx) =>
      paymentOf(ctx, await callGrpc(client.refundPayment({ paymentId, amount: protoMoney(amount), reason }, requestCallOptions(ctx)))),
  };
}
