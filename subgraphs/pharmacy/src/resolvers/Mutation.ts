/** Mutation fields of the pharmacy subgraph: catalogue, stock, prescribing and dispensing. */
import { callGrpc, type SubgraphContext } from '@hospital/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { protoDrugForm } from './enums.ts';
import type { ResolverDeps } from './deps.ts';

const options = (ctx: SubgraphContext) => ({ metadata: ctx.grpcMetadata() });

/**
 * Mutation resolvers.
 * @param deps - the pharmacy client
 */
export function createMutationResolvers({ client }: ResolverDeps): MutationResolvers {
  return {
    createDrug: (_parent, { input }, ctx) => callGrpc(client.createDrug({ ...input, form: protoDrugForm(input.form) }, options(ctx))),
    receiveStock: (_parent, { input }, ctx) => callGrpc(client.receiveStock(input, options(ctx))),
    adjustStock: (_parent, { input }, ctx) => callGrpc(client.adjustStock(input, options(ctx))),
    prescribe: (_parent, { input }, ctx) =>
      callGrpc(
        client.prescribe(
          {
            patientId: input.patientId,
            drugId: input.drugId,
            durationDays: input.durationDays,
            quantity: input.quantity,
            dose: input.dose ?? '',
            frequency: input.frequency ?? '',
            doseAmount: input.doseAmount ?? 0,
            doseUnit: input.doseUnit ?? '',
            route: input.route ?? '',
            frequencyCode: input.frequencyCode ?? '',
            directions: input.directions ?? '',
            allergyOverrideReason: input.allergyOverrideReason ?? '',
          },
          options(ctx),
        ),
      ),
    queryPrescription: (_parent, { id, reason }, ctx) => callGrpc(client.reviewPrescription({ id, action: 'QUERY', reason }, options(ctx))),
    rejectPrescription: (_parent, { id, reason }, ctx) => callGrpc(client.reviewPrescription({ id, action: 'REJECT', reason }, options(ctx))),
    dispensePrescription: (_parent, { id }, ctx) => callGrpc(client.dispensePrescription({ id }, options(ctx))),
    cancelPrescription: (_parent, { id, reason }, ctx) => callGrpc(client.cancelPrescription({ id, reason }, options(ctx))),
  };
}
