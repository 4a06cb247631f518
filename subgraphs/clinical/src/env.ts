/** Configuration of the clinical subgraph, parsed from the environment (only main.ts passes process.env). */
import { subgraphDefaults } from '@hospital/grpc-contracts/departments';
import { parseDepartmentSubgraphEnv } from '@hospital/subgraph-kit';
import { clinicalTopicEnv, kafkaEnv } from '@hospital/service-kit/kafka';
import { grpcTargetsEnv, type LevelWithSilent } from '@hospital/service-kit';
import type { ClinicalSubgraphConfig } from './config.ts';

/** Variables beyond those every department subgraph reads: where subscription events come from, where their deliveries are audited. */
const eventsEnv = {
  ...grpcTargetsEnv('identity'),
  // The service kit's broker list (unset = subscriptions are accepted but receive nothing).
  KAFKA_BROKERS: kafkaEnv.KAFKA_BROKERS,
  // The service kit's topic (a legal Kafka name, `clinical` by default), as the service publishes to it.
  CLINICAL_TOPIC: clinicalTopicEnv.CLINICAL_TOPIC,
};

/** Everything main.ts needs: the subgraph's config plus the log level. */
export type ClinicalSubgraphEnv = ClinicalSubgraphConfig & { logLevel: LevelWithSilent };

/**
 * Parses CLINICAL_SUBGRAPH_PORT (4008), CLINICAL_SUBGRAPH_HOST, CLINICAL_GRPC_TARGET (127.0.0.1:50058),
 * GRPC_DEADLINE_MS, INTERNAL_SECRET, NODE_ENV, LOG_LEVEL, IDENTITY_GRPC_TARGET (127.0.0.1:50051), KAFKA_BROKERS and CLINICAL_TOPIC,
 * reporting every problem at once.
 * @param env - the variables (process.env in main.ts)
 */
export function loadConfig(env: Record<string, string | undefined>): ClinicalSubgraphEnv {
  const [{ grpcTarget, ...settings }, events] = parseDepartmentSubgraphEnv('CLINICAL', subgraphDefaults('clinical'), env, eventsEnv);
  return { ...settings, clinicalTarget: grpcTarget, identityTarget: events.IDENTITY_GRPC_TARGET, kafkaBrokers: events.KAFKA_BROKERS, clinicalTopic: events.CLINICAL_TOPIC };
}
