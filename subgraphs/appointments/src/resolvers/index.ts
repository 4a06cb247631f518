/** The appointments subgraph's resolver map, checked against the generated `Resolvers` type. */
import type { AppointmentsClient, Appointment__Output, PatientAppointments__Output } from '@hospital/grpc-contracts';
import { DateTimeScalar, type LoaderKey } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { AppointmentEventSource } from '../events/appointment-event-source.ts';
import type { PatientPageKey } from '../loaders.ts';
import { createAppointmentResolvers, createStatusChangeResolvers } from './Appointment.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createPatientResolvers } from './Patient.ts';
import { createQueryResolvers } from './Query.ts';
import { createAppointmentEventResolvers, createSubscriptionResolvers } from './Subscription.ts';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The appointments gRPC client. */
  client: AppointmentsClient;
  /** The per-request appointments-by-id loader. */
  appointments: LoaderKey<string, Appointment__Output>;
  /** The per-request `Patient.appointments` loader (one call for all patients). */
  patientAppointments: LoaderKey<PatientPageKey, PatientAppointments__Output>;
  /** The process-wide feed of appointment events (subscriptions). */
  events: AppointmentEventSource;
}

/**
 * Builds the resolver map.
 * @param deps - client and loader keys
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: createQueryResolvers(deps),
    Mutation: createMutationResolvers(deps),
    Subscription: createSubscriptionResolvers(deps),
    AppointmentEvent: createAppointmentEventResolvers(),
    Appointment: createAppointmentResolvers(deps),
    AppointmentStatusChange: createStatusChangeResolvers(),
    Patient: createPatientResolvers(deps),
  };
}
