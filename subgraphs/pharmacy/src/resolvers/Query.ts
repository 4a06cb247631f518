/** Query fields of the pharmacy subgraph: thin calls to the pharmacy gRPC service. */
import { GraphQLError } from 'graphql';
import { callGrpc, pageRequest, toConnection, type SubgraphContext } from '@hospital/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { protoPrescriptionStatus } from './enums.ts';
import type { ResolverDeps } from './deps.ts';

const options = (ctx: SubgraphContext) => ({ metadata: ctx.grpcMetadata() });

/**
 * Query resolvers.
 * @param deps - client and loader keys
 */
export function createQueryResolvers({ client, drugs, prescriptions }: ResolverDeps): QueryResolvers {
  return {
    async drugs(_parent, { search, first, after }, ctx) {
      const page = await callGrpc(client.searchDrugs({ search: search ?? '', page: pageRequest({ first, after }) }, options(ctx)));
      return toConnection(page.drugs, page.cursors, page.pageInfo);
    },
    // Through the loaders, so root lookups and entity references in one request share a call.
    drug: (_parent, { id }, ctx) => ctx.loaders.get(drugs).load(id),
    prescription: (_parent, { id }, ctx) => ctx.loaders.get(prescriptions).load(id),
    lowStock: async (_parent, { threshold }, ctx) => (await callGrpc(client.listLowStock({ threshold }, options(ctx)))).drugs,
    expiringLots: async (_parent, { withinDays }, ctx) => (await callGrpc(client.listExpiringLots({ withinDays }, options(ctx)))).lots,
    async stockMovements(_parent, { drugId, first }, ctx) {
      if (first < 1) throw new GraphQLError('first must be a positive number.', { extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
      return (await callGrpc(client.listStockMovements({ drugId, first }, options(ctx)))).movements;
    },
    async prescriptions(_parent, { status, patientId, first, after }, ctx) {
      const request = { status: protoPrescriptionStatus(status), patientId: patientId ?? '', page: pageRequest({ first, after }) };
      const page = await callGrpc(client.listPrescriptions(request, options(ctx)));
      return toConnection(page.prescriptions, page.cursors, page.pageInfo);
    },
  };
}
