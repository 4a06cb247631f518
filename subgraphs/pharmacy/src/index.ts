/** @hospital/pharmacy-subgraph: drugs, stock and prescriptions on the supergraph, over the pharmacy gRPC service. */
import type { Logger } from '@hospital/service-kit';
import { createPharmacyClient, type PharmacyClient } from '@hospital/grpc-contracts';
import { listenDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createPharmacySubgraph } from './subgraph.ts';

export { createPharmacySubgraph, pharmacyTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';

/** What the pharmacy subgraph needs to run. */
export interface PharmacySubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the pharmacy gRPC service. */
  pharmacyTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
}

/** Dependencies; `client` replaces the one built from `pharmacyTarget` (tests wrap it to count calls). */
export interface PharmacySubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: PharmacyClient;
}

/**
 * Starts the pharmacy subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startPharmacySubgraph(config: PharmacySubgraphConfig, deps: PharmacySubgraphDeps): Promise<RunningSubgraph> {
  return listenDepartmentSubgraph({
    target: config.pharmacyTarget,
    ...(config.grpcDeadlineMs ? { deadlineMs: config.grpcDeadlineMs } : {}),
    ...(deps.client ? { client: deps.client } : {}),
    createClient: createPharmacyClient,
    build: (client, ready) =>
      createPharmacySubgraph({ client, internalSecret: config.internalSecret, production: config.production, logger: deps.logger, ready }),
    port: config.port,
    ...(config.host ? { host: config.host } : {}),
  });
}
