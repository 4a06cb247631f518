/** `Patient` as this subgraph extends it: encounters and vital signs, batched across patients. */
import type { PatientResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Patient resolvers: one GetPatientEncounters and one GetPatientVitals call for every patient in the request.
 * @param deps - the loader kinds
 */
export function createPatientResolvers({ loaders }: ResolverDeps): PatientResolvers {
  return {
    __resolveReference: (reference) => ({ id: reference.id }),
    encounters: async (patient, _args, ctx) => (await ctx.loaders.get(loaders.encountersOfPatient).load(patient.id)) ?? [],
    vitalSigns: async (patient, _args, ctx) => (await ctx.loaders.get(loaders.vitalsOfPatient).load(patient.id)) ?? [],
    problems: async (patient, _args, ctx) => (await ctx.loaders.get(loaders.problemsOfPatient).load(patient.id)) ?? [],
    labOrders: async (patient, _args, ctx) => (await ctx.loaders.get(loaders.labOrdersOfPatient).load(patient.id)) ?? [],
  };
}
