/** Query fields of the finance subgraph: thin calls to the finance gRPC service. */
import { callGrpc, pageRequest, toConnection } from '@hospital/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';
import { protoStatus } from './spellings.ts';

/**
 * Query resolvers.
 * @param deps - client and loader keys
 */
export function createQueryResolvers({ client, loaders }: ResolverDeps): QueryResolvers {
  return {
    // Through the loader, so `invoice` and entity references in one request share a call.
    invoice: (_parent, { id }, ctx) => ctx.loaders.get(loaders.invoices).load(id),
    async invoices(_parent, { status, patientId, first, after }, ctx) {
      const request = { status: protoStatus(status), patientId: patientId ?? '', page: pageRequest({ first, after }) };
      const page = await callGrpc(client.listInvoices(request, { metadata: ctx.grpcMetadata() }));
      return toConnection(page.invoices, page.cursors, page.pageInfo);
    },
  };
}
