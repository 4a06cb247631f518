/** @hospital/clinical-subgraph: encounters, notes and vital signs on the supergraph, over the clinical gRPC service. */
import { createClinicalClient } from '@hospital/grpc-contracts';
import { startDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createClinicalSubgraph } from './subgraph.ts';
import type { ClinicalSubgraphConfig, ClinicalSubgraphDeps } from './config.ts';

export { createClinicalSubgraph, clinicalTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { ClinicalSubgraphConfig, ClinicalSubgraphDeps } from './config.ts';

/**
 * Starts the clinical subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startClinicalSubgraph(config: ClinicalSubgraphConfig, deps: ClinicalSubgraphDeps): Promise<RunningSubgraph> {
  return startDepartmentSubgraph({ config, deps, target: config.clinicalTarget, createClient: createClinicalClient, build: createClinicalSubgraph });
}
