/** Configuration of the finance subgraph, parsed from the environment (only main.ts passes process.env). */
import { subgraphDefaults } from '@hospital/grpc-contracts/departments';
import { parseDepartmentSubgraphEnv } from '@hospital/subgraph-kit';
import type { LevelWithSilent } from '@hospital/service-kit';
import type { FinanceSubgraphConfig } from './config.ts';

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type FinanceSubgraphEnv = FinanceSubgraphConfig & { logLevel: LevelWithSilent };

/**
 * Parses FINANCE_SUBGRAPH_PORT (4005), FINANCE_SUBGRAPH_HOST, FINANCE_GRPC_TARGET (127.0.0.1:50055),
 * GRPC_DEADLINE_MS, INTERNAL_SECRET, NODE_ENV and LOG_LEVEL, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): FinanceSubgraphEnv {
  const [{ grpcTarget, ...settings }] = parseDepartmentSubgraphEnv('FINANCE', subgraphDefaults('finance'), env);
  return { ...settings, financeTarget: grpcTarget };
}
