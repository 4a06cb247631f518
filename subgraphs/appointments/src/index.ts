/** @hospital/appointments-subgraph: appointments on the supergraph, over the appointments gRPC service. */
import { type Logger } from '@hospital/service-kit';
import { checkHealth } from '@hospital/service-kit/grpc';
import { createAppointmentsClient, type AppointmentsClient } from '@hospital/grpc-contracts';
import { defaultTopicNames } from '@hospital/grpc-contracts/departments';
import type { RunningSubgraph } from '@hospital/subgraph-kit';
import { listenWithEventFeed, readyWithFeed } from '@hospital/subgraph-kit/events';
import type { AppointmentEventFeed } from './events/appointment-event-feed.ts';
import { openAppointmentKafkaFeed } from './events/kafka-event-feed.ts';
import { createOutboxPollingEventFeed } from './events/outbox-polling-event-feed.ts';
import { createAppointmentsSubgraph } from './subgraph.ts';
import type { AppointmentsSubgraphConfig, AppointmentsSubgraphDeps } from './config.ts';

export { createAppointmentsSubgraph, appointmentsTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { AppointmentsSubgraphConfig, AppointmentsSubgraphDeps } from './config.ts';
export type { AppointmentEventFeed, AppointmentEventListener } from './events/appointment-event-feed.ts';

/** A running appointments subgraph. */
export interface RunningAppointmentsSubgraph extends RunningSubgraph {
  /** Open `appointmentEvents` subscriptions in this process. */
  activeSubscriptions(): number;
}

/**
 * The event source of this replica: Kafka when brokers are configured, else the outbox poller.
 * @param config - brokers, topic, secret, poll interval
 * @param client - the appointments gRPC client (for the poller)
 * @param logger - the process logger
 */
async function startEventFeed(config: AppointmentsSubgraphConfig, client: AppointmentsClient, logger: Logger): Promise<AppointmentEventFeed> {
  if (!config.kafkaBrokers?.length) {
    return createOutboxPollingEventFeed({
      client,
      internalSecret: config.internalSecret,
      logger,
      intervalMs: config.eventPollIntervalMs,
    });
  }
  return openAppointmentKafkaFeed({ brokers: config.kafkaBrokers, topic: config.appointmentsTopic ?? defaultTopicNames('appointments').topic, logger });
}

/**
 * Starts the appointments subgraph.
 * @param config - ports, gRPC target, secret, mode, event transport
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startAppointmentsSubgraph(config: AppointmentsSubgraphConfig, deps: AppointmentsSubgraphDeps): Promise<RunningAppointmentsSubgraph> {
  const client = deps.client ?? createAppointmentsClient({ target: config.appointmentsTarget, deadlineMs: config.grpcDeadlineMs ?? 5_000 });
  const events = await startEventFeed(config, client, deps.logger);
  const server = createAppointmentsSubgraph({
    client,
    events,
    internalSecret: config.internalSecret,
    production: config.production,
    logger: deps.logger,
    // Not ready until the Kafka feed reads (topic missing or broker down at start are retried).
    ready: readyWithFeed(events, async () => (await checkHealth(config.appointmentsTarget)) === 'SERVING'),
  });
  const running = await listenWithEventFeed(events, () => server.listen(config.port, config.host));
  return {
    ...running,
    async close() {
      await running.close();
      // A client handed in belongs to the caller.
      if (!deps.client) client.close();
    },
  };
}
