/** Builds the appointments subgraph from its dependencies (no environment, no port). */
import type { AppointmentsClient } from '@hospital/grpc-contracts';
import type { AppointmentEventFeed } from './events/appointment-event-feed.ts';
import { createDepartmentSubgraph, loadSubgraphTypeDefs, type SubgraphServer, type DepartmentSubgraphBuild } from '@hospital/subgraph-kit';
import { createAppointmentLoader, createPatientAppointmentsLoader } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (the kit's prelude + `schema.graphql`, the public contract). */
export const appointmentsTypeDefs = loadSubgraphTypeDefs(new URL('../schema.graphql', import.meta.url));

/** What the appointments subgraph is built from: the kit's department build options over its client, and the event feed. */
export type AppointmentsSubgraphOptions = DepartmentSubgraphBuild<AppointmentsClient> & {
  /** Feeds `Subscription.appointmentEvents` (owned by the caller). */
  events: AppointmentEventFeed;
};

/**
 * Creates the appointments subgraph server (call `listen` to serve it).
 * @param options - client, event source, secret, mode, logger
 */
export function createAppointmentsSubgraph(options: AppointmentsSubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({
    client: options.client,
    appointments: createAppointmentLoader(options.client),
    patientAppointments: createPatientAppointmentsLoader(options.client),
    events: options.events,
  });
  return createDepartmentSubgraph({ name: 'appointments', typeDefs: appointmentsTypeDefs, resolvers }, options);
}
