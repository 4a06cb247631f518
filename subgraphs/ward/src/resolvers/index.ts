/** The ward subgraph's resolver map, checked against the generated `Resolvers` type. */
import { DateTimeScalar } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createAdmissionResolvers, createBedTransferResolvers } from './Admission.ts';
import { createBedResolvers } from './Bed.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createPatientResolvers } from './Patient.ts';
import { createQueryResolvers } from './Query.ts';
import { createWardOccupancyResolvers, createWardResolvers } from './Ward.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Builds the resolver map.
 * @param deps - client and loader kinds
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: createQueryResolvers(deps),
    Mutation: createMutationResolvers(deps),
    Ward: createWardResolvers(deps),
    WardOccupancy: createWardOccupancyResolvers(),
    Bed: createBedResolvers(deps),
    Admission: createAdmissionResolvers(deps),
    BedTransfer: createBedTransferResolvers(deps),
    Patient: createPatientResolvers(deps),
  };
}
