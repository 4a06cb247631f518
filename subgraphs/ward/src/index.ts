/** @hospital/ward-subgraph: wards, beds and admissions on the supergraph, over the ward gRPC service. */
import { createWardClient } from '@hospital/grpc-contracts';
import { startDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createWardSubgraph } from './subgraph.ts';
import type { WardSubgraphConfig, WardSubgraphDeps } from './config.ts';

export { createWardSubgraph, wardTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { WardSubgraphConfig, WardSubgraphDeps } from './config.ts';

/**
 * Starts the ward subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startWardSubgraph(config: WardSubgraphConfig, deps: WardSubgraphDeps): Promise<RunningSubgraph> {
  return startDepartmentSubgraph({ config, deps, target: config.wardTarget, createClient: createWardClient, build: createWardSubgraph });
}
