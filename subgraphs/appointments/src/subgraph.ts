/** Builds the appointments subgraph from its dependencies (no environment, no port). */
import type { AppointmentsClient } from '@hospital/grpc-contracts';
import type { Logger } from '@hospital/service-kit';
import type { AppointmentEventFeed } from './events/appointment-event-feed.ts';
import { createSubgraphServer, loadSubgraphTypeDefs, type SubgraphServer } from '@hospital/subgraph-kit';
import { createAppointmentLoader, createPatientAppointmentsLoader } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (the kit's prelude + `schema.graphql`, the public contract). */
export const appointmentsTypeDefs = loadSubgraphTypeDefs(new URL('../schema.graphql', import.meta.url));

/** What the appointments subgraph is built from. */
export interface AppointmentsSubgraphOptions {
  /** Promise client of the appointments gRPC service. */
  client: AppointmentsClient;
  /** INTERNAL_SECRET, to verify the router's identity header. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Root logger of the process. */
  logger: Logger;
  /** Feeds `Subscription.appointmentEvents` (owned by the caller). */
  events: AppointmentEventFeed;
  /** Readiness probe for `/ready`. */
  ready?: () => Promise<boolean>;
}

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
  return createSubgraphServer({
    name: 'appointments',
    typeDefs: appointmentsTypeDefs,
    resolvers,
    internalSecret: options.internalSecret,
    production: options.production,
    logger: options.logger,
    ...(options.ready ? { ready: options.ready } : {}),
  });
}
