/** `Patient` as extended by the pharmacy: the patient's prescriptions, batched across patients. */
import { pageRequest } from '@hospital/subgraph-kit';
import type { PatientResolvers } from '../__generated__/resolvers-types.ts';
import { protoPrescriptionStatus } from './enums.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Patient resolvers. The router hands this subgraph `{ id }` representations; the default
 * reference resolver keeps them as they are.
 * @param deps - the per-request `Patient.prescriptions` loader key
 */
export function createPatientResolvers({ patientPrescriptions }: ResolverDeps): PatientResolvers {
  return {
    // N patients in one request: ONE ListPatientPrescriptions call (per distinct arguments).
    async prescriptions(patient, { status, first }, ctx) {
      const page = pageRequest({ first });
      const found = await ctx.loaders.get(patientPrescriptions).load({ patientId: patient.id, status: protoPrescriptionStatus(status), first: page.first });
      return found ?? [];
    },
  };
}
