/** Builds the identity subgraph from its dependencies (no environment, no port). */
import type { AuditClient, IdentityClient } from '@hospital/grpc-contracts';
import type { Logger } from '@hospital/service-kit';
import { createSubgraphServer, loadSubgraphTypeDefs, type SubgraphServer } from '@hospital/subgraph-kit';
import { createUserLoader } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (the kit's prelude + `schema.graphql`, the public contract). */
export const identityTypeDefs = loadSubgraphTypeDefs(new URL('../schema.graphql', import.meta.url));

/** What the identity subgraph is built from. */
export interface IdentitySubgraphOptions {
  /** Promise client of the identity gRPC service. */
  client: IdentityClient;
  /** Promise client of the audit service (served by the identity service). */
  audit: AuditClient;
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
 * Creates the identity subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createIdentitySubgraph(options: IdentitySubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({ client: options.client, audit: options.audit, users: createUserLoader(options.client) });
  return createSubgraphServer({
    name: 'identity',
    typeDefs: identityTypeDefs,
    resolvers,
    internalSecret: options.internalSecret,
    production: options.production,
    logger: options.logger,
    ...(options.ready ? { ready: options.ready } : {}),
  });
}
