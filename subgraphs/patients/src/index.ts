/** @hospital/patients-subgraph: patient records on the supergraph, over the patients gRPC service. */
import type { Logger } from '@hospital/service-kit';
import { createPatientsClient, type PatientsClient } from '@hospital/grpc-contracts';
import { listenDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createPatientsSubgraph } from './subgraph.ts';

export { createPatientsSubgraph, patientsTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';

/** What the patients subgraph needs to run. */
export interface PatientsSubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the patients gRPC service. */
  patientsTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
}

/** Dependencies; `client` replaces the one built from `patientsTarget` (tests wrap it to count calls). */
export interface PatientsSubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: PatientsClient;
}

/**
 * Starts the patients subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startPatientsSubgraph(config: PatientsSubgraphConfig, deps: PatientsSubgraphDeps): Promise<RunningSubgraph> {
  return listenDepartmentSubgraph({
    target: config.patientsTarget,
    ...(config.grpcDeadlineMs ? { deadlineMs: config.grpcDeadlineMs } : {}),
    ...(deps.client ? { client: deps.client } : {}),
    createClient: createPatientsClient,
    build: (client, ready) =>
      createPatientsSubgraph({ client, internalSecret: config.internalSecret, production: config.production, logger: deps.logger, ready }),
    port: config.port,
    ...(config.host ? { host: config.host } : {}),
  });
}
