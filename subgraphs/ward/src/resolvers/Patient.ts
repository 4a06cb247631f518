/** `Patient` as this subgraph extends it: the patient's stays, batched across patients. */
import type { PatientResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Patient resolvers. References need no call of their own: both fields share one
 * GetPatientAdmissions call for every patient in the request.
 * @param deps - the loader kinds
 */
export function createPatientResolvers({ loaders }: ResolverDeps): PatientResolvers {
  return {
    __resolveReference: (reference) => ({ id: reference.id }),
    currentAdmission: async (patient, _args, ctx) => {
      const admissions = (await ctx.loaders.get(loaders.admissionsOfPatient).load(patient.id)) ?? [];
      // At most one is active: the database allows no second one.
      return admissions.find((admission) => admission.status === 'ADMISSION_STATUS_ADMITTED') ?? null;
    },
    admissions: async (patient, _args, ctx) => (await ctx.loaders.get(loaders.admissionsOfPatient).load(patient.id)) ?? [],
  };
}
