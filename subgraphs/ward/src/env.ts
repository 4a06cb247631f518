/** Configuration of the ward subgraph, parsed from the environment (only main.ts passes process.env). */
import { subgraphDefaults } from '@hospital/grpc-contracts/departments';
import { parseDepartmentSubgraphEnv } from '@hospital/subgraph-kit';
import type { LevelWithSilent } from '@hospital/service-kit';
import type { WardSubgraphConfig } from './config.ts';

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type WardSubgraphEnv = WardSubgraphConfig & { logLevel: LevelWithSilent };

/**
 * Parses WARD_SUBGRAPH_PORT (4007), WARD_SUBGRAPH_HOST, WARD_GRPC_TARGET (127.0.0.1:50057),
 * GRPC_DEADLINE_MS, INTERNAL_SECRET, NODE_ENV and LOG_LEVEL, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): WardSubgraphEnv {
  const [{ grpcTarget, ...settings }] = parseDepartmentSubgraphEnv('WARD', subgraphDefaults('ward'), env);
  return { ...settings, wardTarget: grpcTarget };
}
