/** Builds the finance subgraph from its dependencies (no environment, no port). */
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { FinanceClient } from '@hospital/grpc-contracts';
import type { Logger } from '@hospital/service-kit';
import { createSubgraphServer, type SubgraphServer } from '@hospital/subgraph-kit';
import { createFinanceLoaders } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (`schema.graphql`, the public contract). */
export const financeTypeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

/** What the finance subgraph is built from. */
export interface FinanceSubgraphOptions {
  /** Promise client of the finance gRPC service. */
  client: FinanceClient;
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
 * Creates the finance subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createFinanceSubgraph(options: FinanceSubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({ client: options.client, loaders: createFinanceLoaders(options.client) });
  return createSubgraphServer({
    name: 'finance',
    typeDefs: financeTypeDefs,
    resolvers,
    internalSecret: options.internalSecret,
    production: options.production,
    logger: options.logger,
    ...(options.ready ? { ready: options.ready } : {}),
  });
}
