/** Query fields of the patients subgraph: thin calls to the patients gRPC service. */
import { callGrpc, pageRequest, toConnection } from '@hospital/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './index.ts';

/**
 * Query resolvers.
 * @param deps - client and loader key
 */
export function createQueryResolvers({ client, patients }: ResolverDeps): QueryResolvers {
  return {
    // Through the loader, so `patient` and entity references in one request share a call.
    patient: (_parent, { id }, ctx) => ctx.loaders.get(patients).load(id),
    async patients(_parent, { search, first, after }, ctx) {
      const request = { search: search ?? '', page: pageRequest({ first, after }), includeArchived: false };
      const page = await callGrpc(client.searchPatients(request, { metadata: ctx.grpcMetadata() }));
      return toConnection(page.patients, page.cursors, page.pageInfo);
    },
  };
}
