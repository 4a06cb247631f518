/** @hospital/ward-subgraph: wards, beds and admissions on the supergraph, over the ward gRPC service. */
import type { Logger } from '@hospital/service-kit';
import { createWardClient, type WardClient } from '@hospital/grpc-contracts';
import { listenDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createWardSubgraph } from './subgraph.ts';

export { createWardSubgraph, wardTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';

/** What the ward subgraph needs to run. */
export interface WardSubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the ward gRPC service. */
  wardTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
}

/** Dependencies; `client` replaces the one built from `wardTarget` (tests wrap it to count calls). */
export interface WardSubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: WardClient;
}

/**
 * Starts the ward subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startWardSubgraph(config: WardSubgraphConfig, deps: WardSubgraphDeps): Promise<RunningSubgraph> {
  return listenDepartmentSubgraph({
    target: config.wardTarget,
    ...(config.grpcDeadlineMs ? { deadlineMs: config.grpcDeadlineMs } : {}),
    ...(deps.client ? { client: deps.client } : {}),
    createClient: createWardClient,
    build: (client, ready) =>
      createWardSubgraph({ client, internalSecret: config.internalSecret, production: config.production, logger: deps.logger, ready }),
    port: config.port,
    ...(config.host ? { host: config.host } : {}),
  });
}
