/** The appointments subgraph's config and dependency types, in a leaf module that env.ts and index.ts import (index.ts re-exports env.ts, so env.ts must not import it). */
import type { Logger } from '@hospital/service-kit';
import type { AppointmentsClient } from '@hospital/grpc-contracts';

/** What the appointments subgraph needs to run. */
export interface AppointmentsSubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the appointments gRPC service. */
  appointmentsTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
  /**
   * Kafka brokers (host:port). Set: subscriptions read the `appointmentsTopic` topic in a consumer
   * group of this replica. Unset: they poll the service's PullEvents as a consumer of this replica.
   */
  kafkaBrokers?: string[];
  /** Topic of appointment events (`appointments` by default). */
  appointmentsTopic?: string;
  /** Pause between PullEvents polls while someone is subscribed, ms (100 by default). */
  eventPollIntervalMs?: number;
}

/** Dependencies; `client` replaces the one built from `appointmentsTarget` (tests wrap it to count calls). */
export interface AppointmentsSubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: AppointmentsClient;
}
