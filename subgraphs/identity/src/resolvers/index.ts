/** The identity subgraph's resolver map, checked against the generated `Resolvers` type. */
import type { AuditClient, IdentityClient, User__Output } from '@hospital/grpc-contracts';
import { DateTimeScalar, type LoaderKey } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createAccessRecordResolvers, createAuditChainReportResolvers } from './AccessRecord.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createQueryResolvers } from './Query.ts';
import { createUserResolvers } from './User.ts';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The identity gRPC client. */
  client: IdentityClient;
  /** The audit trail's gRPC client (same service process). */
  audit: AuditClient;
  /** The per-request users loader (one GetUsers call per request). */
  users: LoaderKey<string, User__Output>;
}

/**
 * Builds the resolver map.
 * @param deps - client and loader key
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: createQueryResolvers(deps),
    Mutation: createMutationResolvers(deps),
    User: createUserResolvers(deps),
    AccessRecord: createAccessRecordResolvers(deps),
    AuditChainReport: createAuditChainReportResolvers(),
  };
}
