/** Mutation fields of the clinical subgraph: visits, stays, notes and vital signs. */
import type { VitalSignsInput } from '@hospital/grpc-contracts';
import { callGrpc, type SubgraphContext } from '@hospital/subgraph-kit';
import type { MutationResolvers, VitalSignsInput as GraphQLVitals } from '../__generated__/resolvers-types.ts';
import { consciousnessToProto } from './consciousness.ts';
import type { ResolverDeps } from './deps.ts';

const options = (ctx: SubgraphContext) => ({ metadata: ctx.grpcMetadata() });

/**
 * GraphQL vital signs → proto (unset measurements stay unset: proto3 optional).
 * @param input - the GraphQL input
 */
export function toProtoVitalsInput(input: GraphQLVitals): VitalSignsInput {
  const { onOxygen, consciousness, ...measurements } = input;
  const present = Object.fromEntries(Object.entries(measurements).filter(([, value]) => value !== null && value !== undefined));
  return { ...present, onOxygen: onOxygen ?? false, consciousness: consciousnessToProto(consciousness) };
}

/**
 * Mutation resolvers. The rules (check-in, signing, plausibility, ward scope) live in the service.
 * @param deps - the clinical client
 */
export function createMutationResolvers({ client }: ResolverDeps): MutationResolvers {
  return {
    openVisit: (_parent, { appointmentId }, ctx) => callGrpc(client.openVisit({ appointmentId }, options(ctx))),
    openStay: (_parent, { admissionId }, ctx) => callGrpc(client.openStay({ admissionId }, options(ctx))),
    closeEncounter: (_parent, { encounterId }, ctx) => callGrpc(client.closeEncounter({ encounterId }, options(ctx))),
    writeNote: (_parent, { encounterId, text, amendsNoteId }, ctx) => callGrpc(client.writeNote({ encounterId, text, amendsNoteId: amendsNoteId ?? '' }, options(ctx))),
    reviseNote: (_parent, { noteId, text }, ctx) => callGrpc(client.reviseNote({ noteId, text }, options(ctx))),
    signNote: (_parent, { noteId }, ctx) => callGrpc(client.signNote({ noteId }, options(ctx))),
    addProblem: (_parent, { encounterId, icd10Code, onsetDate }, ctx) => callGrpc(client.addProblem({ encounterId, icd10Code, onsetDate: onsetDate ?? '' }, options(ctx))),
    resolveProblem: (_parent, { problemId, resolvedDate }, ctx) => callGrpc(client.resolveProblem({ problemId, resolvedDate }, options(ctx))),
    orderLabTests: async (_parent, { encounterId, loincCodes }, ctx) => (await callGrpc(client.orderLabTests({ encounterId, loincCodes }, options(ctx)))).orders,
    enterLabResult: (_parent, { orderId, value, unit }, ctx) => callGrpc(client.enterLabResult({ orderId, value, unit }, options(ctx))),
    amendLabResult: (_parent, { orderId, value, unit }, ctx) => callGrpc(client.amendLabResult({ orderId, value, unit }, options(ctx))),
    receiveHl7LabResult: async (_parent, { message }, ctx) => {
      const receipt = await callGrpc(client.receiveOruMessage({ message }, options(ctx)));
      if (!receipt.order) throw new Error('clinical service answered an HL7 message without its order');
      return { messageControlId: receipt.messageControlId, order: receipt.order };
    },
    recordVitals: (_parent, { patientId, vitals }, ctx) => callGrpc(client.recordVitals({ patientId, vitals: toProtoVitalsInput(vitals) }, options(ctx))),
  };
}
