/** Builds the ward subgraph from its dependencies (no environment, no port). */
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { WardClient } from '@hospital/grpc-contracts';
import type { Logger } from '@hospital/service-kit';
import { createSubgraphServer, type SubgraphServer } from '@hospital/subgraph-kit';
import { createWardLoaders } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (`schema.graphql`, the public contract). */
export const wardTypeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

/** What the ward subgraph is built from. */
export interface WardSubgraphOptions {
  /** Promise client of the ward gRPC service. */
  client: WardClient;
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
 * Creates the ward subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createWardSubgraph(options: WardSubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({ client: options.client, loaders: createWardLoaders(options.client) });
  return createSubgraphServer({
    name: 'ward',
    typeDefs: wardTypeDefs,
    resolvers,
    internalSecret: options.internalSecret,
    production: options.production,
    logger: options.logger,
    ...(options.ready ? { ready: options.ready } : {}),
  });
}
