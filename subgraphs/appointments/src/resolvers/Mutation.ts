/** Mutation fields of the appointments subgraph: booking, rescheduling and status changes. */
import { callGrpc, requestCallOptions } from '@hospital/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Mutation resolvers: every rule (slots, clashes, transitions, ownership) is the service's.
 * @param deps - the appointments client
 */
export function createMutationResolvers({ client }: ResolverDeps): MutationResolvers {
  return {
    bookAppointment: (_parent, { input }, ctx) =>
      callGrpc(
        client.bookAppointment(
          { patientId: input.patientId, doctorId: input.doctorId ?? '', startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason ?? '' },
          requestCallOptions(ctx),
        ),
      ),
    rescheduleAppointment: (_parent, { id, startsAt, endsAt }, ctx) => callGrpc(client.rescheduleAppointment({ id, startsAt, endsAt }, requestCallOptions(ctx))),
    cancelAppointment: (_parent, { id, reason }, ctx) => callGrpc(client.cancelAppointment({ id, reason: reason ?? '' }, requestCallOptions(ctx))),
    checkInAppointment: (_parent, { id }, ctx) => callGrpc(client.checkInAppointment({ id }, requestCallOptions(ctx))),
    completeAppointment: (_parent, { id }, ctx) => callGrpc(client.completeAppointment({ id }, requestCallOptions(ctx))),
    markNoShow: (_parent, { id }, ctx) => callGrpc(client.markNoShow({ id }, requestCallOptions(ctx))),
  };
}
