/** Mutation fields of the notifications subgraph. */
import { callGrpc } from '@hospital/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Mutation resolvers.
 * @param deps - the notifications client
 */
export function createMutationResolvers({ client }: ResolverDeps): MutationResolvers {
  return {
    markNotificationRead: (_parent, { id }, ctx) => callGrpc(client.markNotificationRead({ id }, { metadata: ctx.grpcMetadata() })),
  };
}
