/** The pharmacy subgraph's resolver map, checked against the generated `Resolvers` type. */
import { DateScalar, DateTimeScalar } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createDrugResolvers, createStockLotResolvers, createStockMovementResolvers } from './Drug.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createPatientResolvers } from './Patient.ts';
import { allergyOverrideResolvers, createPrescriptionResolvers, prescriptionReviewResolvers } from './Prescription.ts';
import { createQueryResolvers } from './Query.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Builds the resolver map.
 * @param deps - client and loader keys
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: createQueryResolvers(deps),
    Mutation: createMutationResolvers(deps),
    Drug: createDrugResolvers(deps),
    StockLot: createStockLotResolvers(deps),
    StockMovement: createStockMovementResolvers(deps),
    Prescription: createPrescriptionResolvers(deps),
    AllergyOverride: allergyOverrideResolvers,
    PrescriptionReview: prescriptionReviewResolvers,
    Patient: createPatientResolvers(deps),
  };
}
