/** `Patient` extended with billing: its invoices and what it owes, batched across patients. */
import { pageRequest } from '@hospital/subgraph-kit';
import type { PatientResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';
import { protoStatus } from './spellings.ts';

/**
 * Patient resolvers: references are kept as `{ id }`; the patients subgraph owns the record.
 * @param deps - the loader keys
 */
export function createPatientResolvers({ loaders }: ResolverDeps): PatientResolvers {
  return {
    __resolveReference: (reference) => ({ id: reference.id }),
    async invoices(patient, { status, first }, ctx) {
      // Same validation and cap as every connection (positive, at most 100).
      const { first: size } = pageRequest({ first });
      return (await ctx.loaders.get(loaders.invoicesOfPatient).load({ patientId: patient.id, status: protoStatus(status), first: size })) ?? [];
    },
    balance: async (patient, _args, ctx) => (await ctx.loaders.get(loaders.balanceOfPatient).load(patient.id)) ?? [],
  };
}
