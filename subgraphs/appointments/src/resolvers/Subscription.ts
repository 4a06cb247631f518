/**
 * `Subscription.appointmentEvents`: the process-wide event source, filtered per subscriber. The
 * router opens this over graphql-ws and resolves fields of other subgraphs for each event.
 */
import type { AppointmentEventResolvers, SubscriptionResolvers } from '../__generated__/resolvers-types.ts';
import type { AppointmentEventV1 } from '@hospital/grpc-contracts';
import { enumToProto } from '@hospital/subgraph-kit';
import { openEventStream } from '@hospital/subgraph-kit/events';
import { subscriberFilter } from '../events/subscriber-scope.ts';
import type { AppointmentSnapshotModel } from './mappers.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Subscription resolvers.
 * @param deps - the event source
 */
export function createSubscriptionResolvers({ events }: ResolverDeps): SubscriptionResolvers {
  return {
    appointmentEvents: {
      subscribe: (_parent, args, ctx) => {
        // Decided (or FORBIDDEN thrown) before a listener is registered.
        const accept = subscriberFilter(ctx.caller, args);
        return openEventStream(events, accept);
      },
      resolve: (event: AppointmentEventV1) => event,
    },
  };
}

/**
 * The event as the Appointment resolvers read it: the payload's snapshot in the proto's shape.
 * @param event - a validated payload
 */
export function snapshotOf(event: AppointmentEventV1): AppointmentSnapshotModel {
  const a = event.appointment;
  return {
    snapshot: true,
    id: a.id,
    patientId: a.patientId,
    doctorId: a.doctorId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    reason: a.reason ?? '',
    status: enumToProto('APPOINTMENT_STATUS_', a.status),
  };
}

/** `AppointmentEvent` resolvers: fields come from the payload. */
export function createAppointmentEventResolvers(): AppointmentEventResolvers {
  return {
    id: (event) => event.eventId,
    appointment: (event) => snapshotOf(event),
  };
}
