/** The appointments subgraph's resolver map, checked against the generated `Resolvers` type. */
import { DateTimeScalar, JsonScalar } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createAppointmentResolvers, createStatusChangeResolvers } from './Appointment.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createPatientResolvers } from './Patient.ts';
import { createQueryResolvers } from './Query.ts';
import { createAppointmentEventResolvers, createSubscriptionResolvers } from './Subscription.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Builds the resolver map.
 * @param deps - client and loader keys
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  return {
    DateTime: DateTimeScalar,
    JSON: JsonScalar,
    Query: createQueryResolvers(deps),
    Mutation: createMutationResolvers(deps),
    Subscription: createSubscriptionResolvers(deps),
    AppointmentEvent: createAppointmentEventResolvers(),
    Appointment: createAppointmentResolvers(deps),
    AppointmentStatusChange: createStatusChangeResolvers(),
    Patient: createPatientResolvers(deps),
  };
}
