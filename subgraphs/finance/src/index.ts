/** @hospital/finance-subgraph: invoices, payments and patient balances on the supergraph, over the finance gRPC service. */
import type { Logger } from '@hospital/service-kit';
import { createFinanceClient, type FinanceClient } from '@hospital/grpc-contracts';
import { listenDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createFinanceSubgraph } from './subgraph.ts';

export { createFinanceSubgraph, financeTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';

/** What the finance subgraph needs to run. */
export interface FinanceSubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the finance gRPC service. */
  financeTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
}

/** Dependencies; `client` replaces the one built from `financeTarget` (tests wrap it to count calls). */
export interface FinanceSubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: FinanceClient;
}

/**
 * Starts the finance subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startFinanceSubgraph(config: FinanceSubgraphConfig, deps: FinanceSubgraphDeps): Promise<RunningSubgraph> {
  return listenDepartmentSubgraph({
    target: config.financeTarget,
    ...(config.grpcDeadlineMs ? { deadlineMs: config.grpcDeadlineMs } : {}),
    ...(deps.client ? { client: deps.client } : {}),
    createClient: createFinanceClient,
    build: (client, ready) =>
      createFinanceSubgraph({ client, internalSecret: config.internalSecret, production: config.production, logger: deps.logger, ready }),
    port: config.port,
    ...(config.host ? { host: config.host } : {}),
  });
}
