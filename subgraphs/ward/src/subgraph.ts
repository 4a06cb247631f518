/** Builds the ward subgraph from its dependencies (no environment, no port). */
import type { WardClient } from '@hospital/grpc-contracts';
import { createDepartmentSubgraph, loadSubgraphTypeDefs, type SubgraphServer, type DepartmentSubgraphBuild } from '@hospital/subgraph-kit';
import { createWardLoaders } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (the kit's prelude + `schema.graphql`, the public contract). */
export const wardTypeDefs = loadSubgraphTypeDefs(new URL('../schema.graphql', import.meta.url));

/** What the ward subgraph is built from: the kit's department build options over its client. */
export type WardSubgraphOptions = DepartmentSubgraphBuild<WardClient>;

/**
 * Creates the ward subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createWardSubgraph(options: WardSubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({ client: options.client, loaders: createWardLoaders(options.client) });
  return createDepartmentSubgraph({ name: 'ward', typeDefs: wardTypeDefs, resolvers }, options);
}
