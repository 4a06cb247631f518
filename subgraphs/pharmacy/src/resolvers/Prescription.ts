/** `Prescription` and `AllergyOverride`: resolved from the proto messages the service returns. */
import type { AllergyOverrideResolvers, MedicationRoute, PrescriptionResolvers, PrescriptionReviewAction, PrescriptionReviewResolvers } from '../__generated__/resolvers-types.ts';
import { orNull, referenceTo } from '@hospital/subgraph-kit';
import { graphqlPrescriptionStatus } from './enums.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Prescription resolvers; fields not listed read the proto message as is.
 * @param deps - the drugs and prescriptions loader keys
 */
export function createPrescriptionResolvers({ drugs, prescriptions }: ResolverDeps): PrescriptionResolvers {
  return {
    __resolveReference: (reference, ctx) => ctx.loaders.get(prescriptions).load(reference.id),
    status: (p) => graphqlPrescriptionStatus(p.status),
    async drug(p, _args, ctx) {
      const drug = await ctx.loaders.get(drugs).load(p.drugId);
      // Prescriptions reference drugs by foreign key: a missing one is a broken invariant.
      if (!drug) throw new Error(`Drug ${p.drugId} of prescription ${p.id} not found`);
      return drug;
    },
    // Other subgraphs' entities: the router fetches the rest from patients and identity.
    patient: (p) => ({ id: p.patientId }),
    prescriber: (p) => ({ id: p.prescriberId }),
    allergyOverride: (p) => p.allergyOverride ?? null,
    dispensedAt: (p) => orNull(p.dispensedAt),
    dispensedBy: (p) => referenceTo(p.dispensedBy),
    cancelledAt: (p) => orNull(p.cancelledAt),
    cancelledBy: (p) => referenceTo(p.cancelledBy),
    cancellationReason: (p) => orNull(p.cancellationReason),
    // The service checked the code against the same list the schema's enum holds.
    route: (p) => (p.route ? (p.route as MedicationRoute) : null),
    review: (p) => p.review ?? null,
  };
}

/** PrescriptionReview resolvers: the pharmacist is a `User` reference. */
export const prescriptionReviewResolvers: PrescriptionReviewResolvers = {
  action: (review) => review.action as PrescriptionReviewAction,
  reviewedBy: (review) => ({ id: review.reviewedBy }),
};

/** AllergyOverride resolvers: the doctor is a `User` reference. */
export const allergyOverrideResolvers: AllergyOverrideResolvers = {
  overriddenBy: (override) => ({ id: override.overriddenBy }),
};
