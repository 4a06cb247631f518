/** Builds the finance subgraph from its dependencies (no environment, no port). */
import type { FinanceClient } from '@hospital/grpc-contracts';
import { createDepartmentSubgraph, loadSubgraphTypeDefs, type SubgraphServer, type DepartmentSubgraphBuild } from '@hospital/subgraph-kit';
import { createFinanceLoaders } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (the kit's prelude + `schema.graphql`, the public contract). */
export const financeTypeDefs = loadSubgraphTypeDefs(new URL('../schema.graphql', import.meta.url));

/** What the finance subgraph is built from: the kit's department build options over its client. */
export type FinanceSubgraphOptions = DepartmentSubgraphBuild<FinanceClient>;

/**
 * Creates the finance subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createFinanceSubgraph(options: FinanceSubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({ client: options.client, loaders: createFinanceLoaders(options.client) });
  return createDepartmentSubgraph({ name: 'finance', typeDefs: financeTypeDefs, resolvers }, options);
}
