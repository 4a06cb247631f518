/** Builds the notifications subgraph from its dependencies (no environment, no port). */
import type { NotificationsClient } from '@hospital/grpc-contracts';
import { createDepartmentSubgraph, loadSubgraphTypeDefs, type SubgraphServer, type DepartmentSubgraphBuild } from '@hospital/subgraph-kit';
import { createNotificationLoader } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (the kit's prelude + `schema.graphql`, the public contract). */
export const notificationsTypeDefs = loadSubgraphTypeDefs(new URL('../schema.graphql', import.meta.url));

/** What the notifications subgraph is built from: the kit's department build options over its client. */
export type NotificationsSubgraphOptions = DepartmentSubgraphBuild<NotificationsClient>;

/**
 * Creates the notifications subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createNotificationsSubgraph(options: NotificationsSubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({ client: options.client, notifications: createNotificationLoader(options.client) });
  return createDepartmentSubgraph({ name: 'notifications', typeDefs: notificationsTypeDefs, resolvers }, options);
}
