/** `Patient.appointments`: this subgraph's field on the patients subgraph's entity. */
import { pageRequest, toConnection } from '@hospital/subgraph-kit';
import type { PatientResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';
import { selectsField } from './selects-field.ts';
import { protoStatusFromGraphql } from './status.ts';

/**
 * Patient resolvers.
 * @param deps - the per-patient appointments loader key
 */
export function createPatientResolvers({ patientAppointments }: ResolverDeps): PatientResolvers {
  return {
    // The router sends only the key; appointments need nothing else about the patient.
    __resolveReference: (reference) => ({ id: reference.id }),
    async appointments(patient, { from, to, status, first, after }, ctx, info) {
      const args = {
        from: from ?? '',
        to: to ?? '',
        statuses: (status ?? []).map(protoStatusFromGraphql),
        page: pageRequest({ first, after }),
        // A chart that does not show the status history does not make the service read it.
        omitHistory: !selectsField(info, ['edges', 'node', 'history']),
      };
      const page = await ctx.loaders.get(patientAppointments).load({ patientId: patient.id, args });
      return toConnection(page?.appointments ?? [], page?.cursors ?? [], page?.pageInfo);
    },
  };
}
