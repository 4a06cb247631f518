/** Configuration of the patients subgraph, parsed from the environment (only main.ts passes process.env). */
import { subgraphDefaults } from '@hospital/grpc-contracts/departments';
import { parseDepartmentSubgraphEnv } from '@hospital/subgraph-kit';
import type { LevelWithSilent } from '@hospital/service-kit';
import type { PatientsSubgraphConfig } from './config.ts';

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type PatientsSubgraphEnv = PatientsSubgraphConfig & { logLevel: LevelWithSilent };

/**
 * Parses PATIENTS_SUBGRAPH_PORT (4002), PATIENTS_SUBGRAPH_HOST, PATIENTS_GRPC_TARGET (127.0.0.1:50052),
 * GRPC_DEADLINE_MS, INTERNAL_SECRET, NODE_ENV and LOG_LEVEL, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): PatientsSubgraphEnv {
  const [{ grpcTarget, ...settings }] = parseDepartmentSubgraphEnv('PATIENTS', subgraphDefaults('patients'), env);
  return { ...settings, patientsTarget: grpcTarget };
}
