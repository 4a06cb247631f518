/** `Admission` (an entity other subgraphs may reference) and `BedTransfer`, from their proto messages. */
import { enumFromProto, orNull, referenceTo } from '@hospital/subgraph-kit';
import type { AdmissionResolvers, AdmissionStatus, BedTransferResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';
import { required } from './required.ts';

/**
 * Proto status → GraphQL status; an unset status is a broken contract, not a guess.
 * @param status - proto enum value
 */
export function graphqlAdmissionStatus(status: string): AdmissionStatus {
  return enumFromProto<AdmissionStatus>(status, 'ADMISSION_STATUS_', ['ADMITTED', 'DISCHARGED']);
}

/**
 * Admission resolvers; fields not listed read the proto message as is.
 * @param deps - the loader kinds
 */
export function createAdmissionResolvers({ loaders }: ResolverDeps): AdmissionResolvers {
  return {
    // N references in one `_entities` request cost one GetAdmissions call.
    __resolveReference: (reference, ctx) => ctx.loaders.get(loaders.admissions).load(reference.id),
    status: (admission) => graphqlAdmissionStatus(admission.status),
    patient: (admission) => ({ id: admission.patientId }),
    bed: async (admission, _args, ctx) => required(await ctx.loaders.get(loaders.beds).load(admission.bedId), 'bed'),
    ward: async (admission, _args, ctx) => required(await ctx.loaders.get(loaders.wards).load(admission.wardId), 'ward'),
    admittedBy: (admission) => ({ id: admission.admittedBy }),
    dischargedAt: (admission) => orNull(admission.dischargedAt),
    dischargedBy: (admission) => referenceTo(admission.dischargedBy),
    dischargeSummary: (admission) => orNull(admission.dischargeSummary),
  };
}

/**
 * BedTransfer resolvers: beds through the batched loader, the recorder as a User reference.
 * @param deps - the loader kinds
 */
export function createBedTransferResolvers({ loaders }: ResolverDeps): BedTransferResolvers {
  return {
    fromBed: async (transfer, _args, ctx) => required(await ctx.loaders.get(loaders.beds).load(transfer.fromBedId), 'bed'),
    toBed: async (transfer, _args, ctx) => required(await ctx.loaders.get(loaders.beds).load(transfer.toBedId), 'bed'),
    at: (transfer) => transfer.transferredAt,
    by: (transfer) => ({ id: transfer.transferredBy }),
  };
}
