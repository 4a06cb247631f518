/** Mutation fields of the ward subgraph: bed stock, admissions, transfers, discharges. */
import { callGrpc, type SubgraphContext } from '@hospital/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

const options = (ctx: SubgraphContext) => ({ metadata: ctx.grpcMetadata() });

/**
 * Mutation resolvers. Validation and the one-patient-per-bed rules live in the service; these
 * only translate arguments.
 * @param deps - the ward client
 */
export function createMutationResolvers({ client }: ResolverDeps): MutationResolvers {
  return {
    createWard: (_parent, { input }, ctx) => callGrpc(client.createWard({ name: input.name, code: input.code, specialty: input.specialty ?? '' }, options(ctx))),
    addBed: (_parent, { input }, ctx) => callGrpc(client.addBed({ wardId: input.wardId, label: input.label }, options(ctx))),
    setBedOutOfService: (_parent, { bedId, outOfService }, ctx) => callGrpc(client.setBedOutOfService({ bedId, outOfService }, options(ctx))),
    admitPatient: (_parent, { input }, ctx) => callGrpc(client.admitPatient({ patientId: input.patientId, bedId: input.bedId, reason: input.reason }, options(ctx))),
    transferPatient: (_parent, { admissionId, wardId, bedId }, ctx) => callGrpc(client.transferPatient({ admissionId, wardId, bedId }, options(ctx))),
    dischargePatient: (_parent, { admissionId, summary }, ctx) => callGrpc(client.dischargePatient({ admissionId, summary }, options(ctx))),
    assignStaffToWard: (_parent, { userId, wardId }, ctx) => callGrpc(client.assignStaffToWard({ userId, wardId }, options(ctx))),
    unassignStaffFromWard: (_parent, { userId, wardId }, ctx) => callGrpc(client.unassignStaffFromWard({ userId, wardId }, options(ctx))),
  };
}
