/** Query fields of the clinical subgraph: thin calls to the clinical gRPC service. */
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Query resolvers.
 * @param deps - the loader kinds
 */
export function createQueryResolvers({ loaders }: ResolverDeps): QueryResolvers {
  return {
    // Through the loader, so `encounter(id)` and nested encounter fields in one request share a call.
    encounter: (_parent, { id }, ctx) => ctx.loaders.get(loaders.encounters).load(id),
  };
}
