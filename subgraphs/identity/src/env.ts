/** Configuration of the identity subgraph, parsed from the environment (only main.ts passes process.env). */
import { subgraphDefaults } from '@hospital/grpc-contracts/departments';
import { parseDepartmentSubgraphEnv } from '@hospital/subgraph-kit';
import type { LevelWithSilent } from '@hospital/service-kit';
import type { IdentitySubgraphConfig } from './config.ts';

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type IdentitySubgraphEnv = IdentitySubgraphConfig & { logLevel: LevelWithSilent };

/**
 * Parses IDENTITY_SUBGRAPH_PORT (4001), IDENTITY_SUBGRAPH_HOST, IDENTITY_GRPC_TARGET (127.0.0.1:50051),
 * GRPC_DEADLINE_MS, INTERNAL_SECRET, NODE_ENV and LOG_LEVEL, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): IdentitySubgraphEnv {
  const [{ grpcTarget, ...settings }] = parseDepartmentSubgraphEnv('IDENTITY', subgraphDefaults('identity'), env);
  return { ...settings, identityTarget: grpcTarget };
}
