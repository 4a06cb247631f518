/** @hospital/clinical-subgraph: encounters, notes, vital signs and lab results on the supergraph, over the clinical gRPC service. */
import { createClinicalClient } from '@hospital/grpc-contracts';
import { defaultTopicNames } from '@hospital/grpc-contracts/departments';
import { runnableName } from '@hospital/grpc-contracts/departments';
import { createDeliveryAudit } from '@hospital/service-kit/grpc';
import { startDepartmentSubgraph } from '@hospital/subgraph-kit';
import { listenWithEventFeed, readyWithFeed, type RunningSubgraphWithFeed } from '@hospital/subgraph-kit/events';
import { openClinicalEventFeed } from './events/clinical-event-feed.ts';
import { createClinicalSubgraph } from './subgraph.ts';
import type { ClinicalSubgraphConfig, ClinicalSubgraphDeps } from './config.ts';

export { createClinicalSubgraph, clinicalTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { ClinicalSubgraphConfig, ClinicalSubgraphDeps } from './config.ts';
export type { ClinicalEventFeed } from './events/clinical-event-feed.ts';

/** A running clinical subgraph (with its open subscriptions). */
export type RunningClinicalSubgraph = RunningSubgraphWithFeed;

/**
 * Starts the clinical subgraph: its event feed (Kafka when brokers are configured; a topic or
 * broker not there yet is retried in the background) and the reporter of deliveries to the audit
 * service, then the server.
 * @param config - ports, gRPC targets, secret, mode, event transport
 * @param deps - logger and, optionally, the gRPC client and the delivery reporter to use
 */
export async function startClinicalSubgraph(config: ClinicalSubgraphConfig, deps: ClinicalSubgraphDeps): Promise<RunningClinicalSubgraph> {
  const events = await openClinicalEventFeed({ brokers: config.kafkaBrokers, topic: config.clinicalTopic ?? defaultTopicNames('clinical').topic, logger: deps.logger });
  const deliveryAudit =
    deps.deliveryAudit ??
    createDeliveryAudit({
      identityTarget: config.identityTarget,
      internalSecret: config.internalSecret,
      service: runnableName('clinical', 'subgraph'),
      logger: deps.logger.child({ source: 'audit' }),
    });
  const closeAudit = () => {
    if (!deps.deliveryAudit) deliveryAudit.close();
  };
  let running: RunningClinicalSubgraph;
  try {
    running = await listenWithEventFeed(events, () =>
      startDepartmentSubgraph({
        config,
        deps,
        target: config.clinicalTarget,
        createClient: createClinicalClient,
        // Not ready until the feed reads: the clinical topic may not exist yet, or the broker be down.
        build: (options) => createClinicalSubgraph({ ...options, events, deliveryAudit, scopeRecheckMs: config.scopeRecheckMs, ready: readyWithFeed(events, options.ready) }),
      }),
    );
  } catch (error) {
    closeAudit();
    throw error;
  }
  return {
    ...running,
    async close() {
      await running.close();
      closeAudit();
    },
  };
}
