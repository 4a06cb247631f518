/** Builds the identity subgraph from its dependencies (no environment, no port). */
import type { AuditClient, IdentityClient } from '@hospital/grpc-contracts';
import { createDepartmentSubgraph, loadSubgraphTypeDefs, type SubgraphServer, type DepartmentSubgraphBuild } from '@hospital/subgraph-kit';
import { createUserLoader } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (the kit's prelude + `schema.graphql`, the public contract). */
export const identityTypeDefs = loadSubgraphTypeDefs(new URL('../schema.graphql', import.meta.url));

/** What the identity subgraph is built from: the kit's department build options over its client, and the audit client. */
export type IdentitySubgraphOptions = DepartmentSubgraphBuild<IdentityClient> & {
  /** Promise client of the audit service (served by the identity service). */
  audit: AuditClient;
};

/**
 * Creates the identity subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createIdentitySubgraph(options: IdentitySubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({ client: options.client, audit: options.audit, users: createUserLoader(options.client) });
  return createDepartmentSubgraph({ name: 'identity', typeDefs: identityTypeDefs, resolvers }, options);
}
