/** Query fields of the clinical subgraph: thin calls to the clinical gRPC service. */
import { callGrpc } from '@hospital/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Query resolvers.
 * @param deps - client and loader kinds
 */
export function createQueryResolvers({ client, loaders }: ResolverDeps): QueryResolvers {
  return {
    // Through the loader, so `encounter(id)` and nested encounter fields in one request share a call.
    encounter: (_parent, { id }, ctx) => ctx.loaders.get(loaders.encounters).load(id),
    labTests: async (_parent, _args, ctx) => (await callGrpc(client.listLabTests({}, { metadata: ctx.grpcMetadata() }))).tests,
    icd10Codes: async (_parent, { search }, ctx) => (await callGrpc(client.searchIcd10({ query: search }, { metadata: ctx.grpcMetadata() }))).codes,
  };
}
