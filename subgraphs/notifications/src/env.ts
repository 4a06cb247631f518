/** Configuration of the notifications subgraph, parsed from the environment (only main.ts passes process.env). */
import { subgraphDefaults } from '@hospital/grpc-contracts/departments';
import { parseDepartmentSubgraphEnv } from '@hospital/subgraph-kit';
import type { LevelWithSilent } from '@hospital/service-kit';
import type { NotificationsSubgraphConfig } from './config.ts';

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type NotificationsSubgraphEnv = NotificationsSubgraphConfig & { logLevel: LevelWithSilent };

/**
 * Parses NOTIFICATIONS_SUBGRAPH_PORT (4004), NOTIFICATIONS_SUBGRAPH_HOST, NOTIFICATIONS_GRPC_TARGET (127.0.0.1:50054),
 * GRPC_DEADLINE_MS, INTERNAL_SECRET, NODE_ENV and LOG_LEVEL, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): NotificationsSubgraphEnv {
  const [{ grpcTarget, ...settings }] = parseDepartmentSubgraphEnv('NOTIFICATIONS', subgraphDefaults('notifications'), env);
  return { ...settings, notificationsTarget: grpcTarget };
}
