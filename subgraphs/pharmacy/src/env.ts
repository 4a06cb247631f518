/** Configuration of the pharmacy subgraph, parsed from the environment (only main.ts passes process.env). */
import { subgraphDefaults } from '@hospital/grpc-contracts/departments';
import { parseDepartmentSubgraphEnv } from '@hospital/subgraph-kit';
import type { LevelWithSilent } from '@hospital/service-kit';
import type { PharmacySubgraphConfig } from './config.ts';

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type PharmacySubgraphEnv = PharmacySubgraphConfig & { logLevel: LevelWithSilent };

/**
 * Parses PHARMACY_SUBGRAPH_PORT (4006), PHARMACY_SUBGRAPH_HOST, PHARMACY_GRPC_TARGET (127.0.0.1:50056),
 * GRPC_DEADLINE_MS, INTERNAL_SECRET, NODE_ENV and LOG_LEVEL, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): PharmacySubgraphEnv {
  const [{ grpcTarget, ...settings }] = parseDepartmentSubgraphEnv('PHARMACY', subgraphDefaults('pharmacy'), env);
  return { ...settings, pharmacyTarget: grpcTarget };
}
