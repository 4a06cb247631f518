/** Configuration of the appointments subgraph, parsed from the environment (only main.ts passes process.env). */
import { z } from 'zod';
import { subgraphDefaults } from '@hospital/grpc-contracts/departments';
import { parseDepartmentSubgraphEnv } from '@hospital/subgraph-kit';
import { appointmentsTopicEnv, kafkaEnv } from '@hospital/service-kit/kafka';
import type { LevelWithSilent } from '@hospital/service-kit';
import type { AppointmentsSubgraphConfig } from './config.ts';

/** Variables beyond those every department subgraph reads: where subscription events come from. */
const eventsEnv = {
  // The service kit's broker list (unset = subscriptions poll the service's PullEvents instead).
  KAFKA_BROKERS: kafkaEnv.KAFKA_BROKERS,
  // The service kit's topic (a legal Kafka name, `appointments` by default), as the service publishes to it.
  APPOINTMENTS_TOPIC: appointmentsTopicEnv.APPOINTMENTS_TOPIC,
  APPOINTMENTS_EVENT_POLL_MS: z.coerce.number().int().min(10).max(10_000).default(100),
};

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type AppointmentsSubgraphEnv = AppointmentsSubgraphConfig & { logLevel: LevelWithSilent };

/**
 * Parses APPOINTMENTS_SUBGRAPH_PORT (4003), APPOINTMENTS_SUBGRAPH_HOST, APPOINTMENTS_GRPC_TARGET
 * (127.0.0.1:50053), GRPC_DEADLINE_MS, INTERNAL_SECRET, NODE_ENV, LOG_LEVEL, KAFKA_BROKERS,
 * APPOINTMENTS_TOPIC and APPOINTMENTS_EVENT_POLL_MS, reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): AppointmentsSubgraphEnv {
  const [{ grpcTarget, ...settings }, events] = parseDepartmentSubgraphEnv('APPOINTMENTS', subgraphDefaults('appointments'), env, eventsEnv);
  return {
    ...settings,
    appointmentsTarget: grpcTarget,
    kafkaBrokers: events.KAFKA_BROKERS,
    appointmentsTopic: events.APPOINTMENTS_TOPIC,
    eventPollIntervalMs: events.APPOINTMENTS_EVENT_POLL_MS,
  };
}
