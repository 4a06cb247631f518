/** Configuration of the clinical subgraph, parsed from the environment (only main.ts passes process.env). */
import { subgraphDefaults } from '@hospital/grpc-contracts/departments';
import { parseDepartmentSubgraphEnv } from '@hospital/subgraph-kit';
import type { LevelWithSilent } from '@hospital/service-kit';
import type { ClinicalSubgraphConfig } from './config.ts';

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type ClinicalSubgraphEnv = ClinicalSubgraphConfig & { logLevel: LevelWithSilent };

/**
 * Parses CLINICAL_SUBGRAPH_PORT (4008), CLINICAL_SUBGRAPH_HOST, CLINICAL_GRPC_TARGET (127.0.0.1:50058),
 * GRPC_DEADLINE_MS, INTERNAL_SECRET, NODE_ENV and LOG_LEVEL, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): ClinicalSubgraphEnv {
  const [{ grpcTarget, ...settings }] = parseDepartmentSubgraphEnv('CLINICAL', subgraphDefaults('clinical'), env);
  return { ...settings, clinicalTarget: grpcTarget };
}
