/** @hospital/appointments-subgraph: appointments on the supergraph, over the appointments gRPC service. */
import { checkHealth, createKafkaEventBus, type Logger } from '@hospital/service-kit';
import { createAppointmentsClient, type AppointmentsClient } from '@hospital/grpc-contracts';
import type { RunningSubgraph } from '@hospital/subgraph-kit';
import type { AppointmentEventSource } from './events/appointment-event-source.ts';
import { startKafkaEventSource } from './events/kafka-event-source.ts';
import { createOutboxPollingEventSource } from './events/outbox-polling-event-source.ts';
import { createAppointmentsSubgraph } from './subgraph.ts';

export { createAppointmentsSubgraph, appointmentsTypeDefs } from './subgraph.ts';
export { loadConfig } from './env.ts';
export type { AppointmentEventSource, AppointmentEventListener } from './events/appointment-event-source.ts';
export type { AppointmentEventPayload } from './events/appointment-event-payload.ts';

/** What the appointments subgraph needs to run. */
export interface AppointmentsSubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the appointments gRPC service. */
  appointmentsTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
  /**
   * Kafka brokers (host:port). Set: subscriptions read the `appointmentsTopic` topic in a consumer
   * group of this replica. Unset: they poll the service's PullEvents as a consumer of this replica.
   */
  kafkaBrokers?: string[];
  /** Topic of appointment events (`appointments` by default). */
  appointmentsTopic?: string;
  /** Pause between PullEvents polls while someone is subscribed, ms (100 by default). */
  eventPollIntervalMs?: number;
}

/** Dependencies; `client` replaces the one built from `appointmentsTarget` (tests wrap it to count calls). */
export interface AppointmentsSubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: AppointmentsClient;
}

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
async function startEventSource(config: AppointmentsSubgraphConfig, client: AppointmentsClient, logger: Logger): Promise<AppointmentEventSource> {
  if (!config.kafkaBrokers?.length) {
    return createOutboxPollingEventSource({ client, internalSecret: config.internalSecret, logger, ...(config.eventPollIntervalMs ? { intervalMs: config.eventPollIntervalMs } : {}) });
  }
  const bus = createKafkaEventBus({ brokers: config.kafkaBrokers, clientId: 'appointments-subgraph', logger });
  const source = await startKafkaEventSource({ bus, topic: config.appointmentsTopic ?? 'appointments', logger });
  return {
    subscribe: (listener) => source.subscribe(listener),
    listenerCount: () => source.listenerCount(),
    async close() {
      await source.close();
      await bus.close();
    },
  };
}

/**
 * Starts the appointments subgraph.
 * @param config - ports, gRPC target, secret, mode, event transport
 * @param deps - logger and, optionally, the gRPC client to use
 */
export async function startAppointmentsSubgraph(config: AppointmentsSubgraphConfig, deps: AppointmentsSubgraphDeps): Promise<RunningAppointmentsSubgraph> {
  const client = deps.client ?? createAppointmentsClient({ target: config.appointmentsTarget, deadlineMs: config.grpcDeadlineMs ?? 5_000 });
  const events = await startEventSource(config, client, deps.logger);
  const server = createAppointmentsSubgraph({
    client,
    events,
    internalSecret: config.internalSecret,
    production: config.production,
    logger: deps.logger,
    ready: async () => (await checkHealth(config.appointmentsTarget)) === 'SERVING',
  });
  const running = await server.listen(config.port, config.host).catch(async (error: unknown) => {
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
      // A client handed in belongs to the caller.
      if (!deps.client) client.close();
    },
  };
}
