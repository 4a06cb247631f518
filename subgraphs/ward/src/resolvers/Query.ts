/** Query fields of the ward subgraph: thin calls to the ward gRPC service. */
import type { AdmissionStatusProto, Bed__Output, Ward__Output } from '@hospital/grpc-contracts';
import { callGrpc, pageRequest, protoFilter, toConnection, type SubgraphContext } from '@hospital/subgraph-kit';
import type { AdmissionStatus, QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { WardLoaders } from '../loaders.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * GraphQL status filter → proto status (unspecified = both).
 * @param status - the filter, if any
 */
export function protoStatusFilter(status: AdmissionStatus | null | undefined): AdmissionStatusProto {
  return protoFilter('ADMISSION_STATUS_', status);
}

/** Hands what a call returned to the request's loaders, so nested fields need no second call. */
function prime(ctx: SubgraphContext, loaders: WardLoaders, wards: readonly Ward__Output[], beds: readonly Bed__Output[] = []): void {
  for (const ward of wards) ctx.loaders.get(loaders.wards).prime(ward.id, ward);
  for (const bed of beds) ctx.loaders.get(loaders.beds).prime(bed.id, bed);
}

/**
 * Query resolvers.
 * @param deps - client and loader kinds
 */
export function createQueryResolvers({ client, loaders }: ResolverDeps): QueryResolvers {
  const listWards = async (ctx: SubgraphContext) => {
    const { wards } = await callGrpc(client.listWards({}, { metadata: ctx.grpcMetadata() }));
    prime(ctx, loaders, wards);
    return wards;
  };
  return {
    wards: (_parent, _args, ctx) => listWards(ctx),
    occupancy: (_parent, _args, ctx) => listWards(ctx),
    // Through the loader, so `ward(id)` and nested ward fields in one request share a call.
    ward: (_parent, { id }, ctx) => ctx.loaders.get(loaders.wards).load(id),
    async bedBoard(_parent, { wardId }, ctx) {
      const board = await callGrpc(client.getBedBoard({ wardId }, { metadata: ctx.grpcMetadata() }));
      prime(ctx, loaders, board.ward ? [board.ward] : [], board.beds);
      return board.beds;
    },
    async admissions(_parent, { wardId, status, first, after }, ctx) {
      const request = { wardId: wardId ?? '', status: protoStatusFilter(status), page: pageRequest({ first, after }) };
      const page = await callGrpc(client.listAdmissions(request, { metadata: ctx.grpcMetadata() }));
      return toConnection(page.admissions, page.cursors, page.pageInfo);
    },
    admission: (_parent, { id }, ctx) => ctx.loaders.get(loaders.admissions).load(id),
  };
}
