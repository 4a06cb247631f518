/** Builds the notifications subgraph from its dependencies (no environment, no port). */
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { NotificationsClient } from '@hospital/grpc-contracts';
import type { Logger } from '@hospital/service-kit';
import { createSubgraphServer, type SubgraphServer } from '@hospital/subgraph-kit';
import { createNotificationLoader } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (`schema.graphql`, the public contract). */
export const notificationsTypeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

/** What the notifications subgraph is built from. */
export interface NotificationsSubgraphOptions {
  /** Promise client of the notifications gRPC service. */
  client: NotificationsClient;
  /** INTERNAL_SECRET, to verify the router's identity header. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Root logger of the process. */
  logger: Logger;
  /** Readiness probe for `/ready`. */
  ready?: () => Promise<boolean>;
}

/**
 * Creates the notifications subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createNotificationsSubgraph(options: NotificationsSubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({ client: options.client, notifications: createNotificationLoader(options.client) });
  return createSubgraphServer({
    name: 'notifications',
    typeDefs: notificationsTypeDefs,
    resolvers,
    internalSecret: options.internalSecret,
    production: options.production,
    logger: options.logger,
    ...(options.ready ? { ready: options.ready } : {}),
  });
}
