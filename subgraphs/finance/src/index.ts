/** @hospital/finance-subgraph: invoices, payments and patient balances on the supergraph, over the finance gRPC service. */
import { createFinanceClient } from '@hospital/grpc-contracts';
import { startDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { createFinanceSubgraph } from './subgraph.ts';
import type { FinanceSubgraphConfig, FinanceSubgraphDeps } from './config.ts';

export { createFinanceSubgraph, financeTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { FinanceSubgraphConfig, FinanceSubgraphDeps } from './config.ts';

/**
 * Starts the finance subgraph.
 * @param config - ports, gRPC target, secret, mode
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startFinanceSubgraph(config: FinanceSubgraphConfig, deps: FinanceSubgraphDeps): Promise<RunningSubgraph> {
  return startDepartmentSubgraph({ config, deps, target: config.financeTarget, createClient: createFinanceClient, build: createFinanceSubgraph });
}
