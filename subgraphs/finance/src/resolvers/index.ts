/** The finance subgraph's resolver map, checked against the generated `Resolvers` type. */
import { DateTimeScalar, MinorUnitsScalar } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createInvoiceResolvers, createPaymentResolvers, invoiceLineResolvers, moneyResolvers, refundResolvers } from './Invoice.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createPatientResolvers } from './Patient.ts';
import { createQueryResolvers } from './Query.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Builds the resolver map.
 * @param deps - client and loader keys
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  return {
    DateTime: DateTimeScalar,
    MinorUnits: MinorUnitsScalar,
    Query: createQueryResolvers(deps),
    Mutation: createMutationResolvers(deps),
    Invoice: createInvoiceResolvers(deps),
    InvoiceLine: invoiceLineResolvers,
    Payment: createPaymentResolvers(deps),
    Refund: refundResolvers,
    Money: moneyResolvers,
    Patient: createPatientResolvers(deps),
  };
}
