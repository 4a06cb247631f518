/** @hospital/pharmacy-subgraph: drugs, stock and prescriptions on the supergraph, over the pharmacy gRPC service. */
import { createPharmacyClient } from '@hospital/grpc-contracts';
import { startDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createPharmacySubgraph } from './subgraph.ts';
import type { PharmacySubgraphConfig, PharmacySubgraphDeps } from './config.ts';

export { createPharmacySubgraph, pharmacyTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { PharmacySubgraphConfig, PharmacySubgraphDeps } from './config.ts';

/**
 * Starts the pharmacy subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startPharmacySubgraph(config: PharmacySubgraphConfig, deps: PharmacySubgraphDeps): Promise<RunningSubgraph> {
  return startDepartmentSubgraph({ config, deps, target: config.pharmacyTarget, createClient: createPharmacyClient, build: createPharmacySubgraph });
}
