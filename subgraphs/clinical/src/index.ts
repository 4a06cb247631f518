/** @hospital/clinical-subgraph: encounters, notes, vital signs and lab results on the supergraph, over the clinical gRPC service. */
import { CLINICAL_TOPIC, createClinicalClient } from '@hospital/grpc-contracts';
import { startDepartmentSubgraph, type RunningSubgraph } from '@hospital/subgraph-kit';
import { openClinicalEventFeed } from './events/clinical-event-feed.ts';
import { createClinicalSubgraph } from './subgraph.ts';
import type { ClinicalSubgraphConfig, ClinicalSubgraphDeps } from './config.ts';

export { createClinicalSubgraph, clinicalTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { ClinicalSubgraphConfig, ClinicalSubgraphDeps } from './config.ts';
export type { ClinicalEventFeed } from './events/clinical-event-feed.ts';

/** A running clinical subgraph. */
export interface RunningClinicalSubgraph extends RunningSubgraph {
  /** Open subscriptions in this process. */
  activeSubscriptions(): number;
}

/**
 * Starts the clinical subgraph: its event feed (Kafka when brokers are configured), then the server.
 * @param config - ports, gRPC target, secret, mode, event transport
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startClinicalSubgraph(config: ClinicalSubgraphConfig, deps: ClinicalSubgraphDeps): Promise<RunningClinicalSubgraph> {
  const events = await openClinicalEventFeed({ brokers: config.kafkaBrokers, topic: config.clinicalTopic ?? CLINICAL_TOPIC, logger: deps.logger });
  const running = await startDepartmentSubgraph({
    config,
    deps,
    target: config.clinicalTarget,
    createClient: createClinicalClient,
    build: (options) => createClinicalSubgraph({ ...options, events }),
  }).catch(async (error: unknown) => {
    await events.close();
    throw error;
  });
  return {
    ...running,
    activeSubscriptions: () => events.listenerCount(),
    async close() {
      // Sockets first (subscriptions end, listeners leave), then the feed behind them.
      await running.close();
      await events.close();
    },
  };
}
