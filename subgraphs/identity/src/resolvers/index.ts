/** The identity subgraph's resolver map, checked against the generated `Resolvers` type. */
import { DateTimeScalar } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createAccessRecordResolvers, createAuditChainReportResolvers } from './AccessRecord.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createQueryResolvers } from './Query.ts';
import { createUserResolvers } from './User.ts';
import type { ResolverDeps } from './deps.ts';

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
