/** @hospital/notifications-subgraph: the in-app inbox and the delivery log on the supergraph. */
import { createNotificationsClient } from '@hospital/grpc-contracts';
import { startDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createNotificationsSubgraph } from './subgraph.ts';
import type { NotificationsSubgraphConfig, NotificationsSubgraphDeps } from './config.ts';

export { createNotificationsSubgraph, notificationsTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { NotificationsSubgraphConfig, NotificationsSubgraphDeps } from './config.ts';

/**
 * Starts the notifications subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startNotificationsSubgraph(config: NotificationsSubgraphConfig, deps: NotificationsSubgraphDeps): Promise<RunningSubgraph> {
  return startDepartmentSubgraph({ config, deps, target: config.notificationsTarget, createClient: createNotificationsClient, build: createNotificationsSubgraph });
}
