/** @hospital/patients-subgraph: patient records on the supergraph, over the patients gRPC service. */
import { createPatientsClient } from '@hospital/grpc-contracts';
import { startDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createPatientsSubgraph } from './subgraph.ts';
import type { PatientsSubgraphConfig, PatientsSubgraphDeps } from './config.ts';

export { createPatientsSubgraph, patientsTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { PatientsSubgraphConfig, PatientsSubgraphDeps } from './config.ts';

/**
 * Starts the patients subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startPatientsSubgraph(config: PatientsSubgraphConfig, deps: PatientsSubgraphDeps): Promise<RunningSubgraph> {
  return startDepartmentSubgraph({
    config,
    deps,
    target: config.patientsTarget,
    createClient: createPatientsClient,
    build: (options) => createPatientsSubgraph({ ...options, fhirIdentifierSystem: config.fhirIdentifierSystem }),
  });
}
