/** @hospital/notifications-subgraph: the in-app inbox and the delivery log on the supergraph. */
import type { Logger } from '@hospital/service-kit';
import { createNotificationsClient, type NotificationsClient } from '@hospital/grpc-contracts';
import { listenDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createNotificationsSubgraph } from './subgraph.ts';

export { createNotificationsSubgraph, notificationsTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';

/** What the notifications subgraph needs to run. */
export interface NotificationsSubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the notifications gRPC service. */
  notificationsTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
}

/** Dependencies; `client` replaces the one built from `notificationsTarget` (tests wrap it to count calls). */
export interface NotificationsSubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: NotificationsClient;
}

/**
 * Starts the notifications subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startNotificationsSubgraph(config: NotificationsSubgraphConfig, deps: NotificationsSubgraphDeps): Promise<RunningSubgraph> {
  return listenDepartmentSubgraph({
    target: config.notificationsTarget,
    ...(config.grpcDeadlineMs ? { deadlineMs: config.grpcDeadlineMs } : {}),
    ...(deps.client ? { client: deps.client } : {}),
    createClient: createNotificationsClient,
    build: (client, ready) =>
      createNotificationsSubgraph({ client, internalSecret: config.internalSecret, production: config.production, logger: deps.logger, ready }),
    port: config.port,
    ...(config.host ? { host: config.host } : {}),
  });
}
