/** What the appointments resolvers are built from, in a leaf module: the resolver files import it, never resolvers/index.ts. */
import type { AppointmentsClient, Appointment__Output, PatientAppointments__Output } from '@hospital/grpc-contracts';
import type { LoaderKey } from '@hospital/subgraph-kit';
import type { AppointmentEventFeed } from '../events/appointment-event-feed.ts';
import type { PatientPageKey } from '../loaders.ts';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The appointments gRPC client. */
  client: AppointmentsClient;
  /** The per-request appointments-by-id loader. */
  appointments: LoaderKey<string, Appointment__Output>;
  /** The per-request `Patient.appointments` loader (one call for all patients). */
  patientAppointments: LoaderKey<PatientPageKey, PatientAppointments__Output>;
  /** The process-wide feed of appointment events (subscriptions). */
  events: AppointmentEventFeed;
}
