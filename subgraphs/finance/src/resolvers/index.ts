/** The finance subgraph's resolver map, checked against the generated `Resolvers` type. */
import type { FinanceClient } from '@hospital/grpc-contracts';
import { DateTimeScalar, MinorUnitsScalar } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { FinanceLoaders } from '../loaders.ts';
import { createInvoiceResolvers, createPaymentResolvers, invoiceLineResolvers, moneyResolvers, refundResolvers } from './Invoice.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createPatientResolvers } from './Patient.ts';
import { createQueryResolvers } from './Query.ts';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The finance gRPC client. */
  client: FinanceClient;
  /** Per-request loader kinds (one gRPC call per kind per request). */
  loaders: FinanceLoaders;
}

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
