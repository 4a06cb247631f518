/**
 * A department's outbox relay on Kafka, as a service starts it: connect, create the topic and its
 * dead-letter topic with the project's settings (the broker never auto-creates them), start the
 * relay; close() stops the relay, then disconnects.
 */
import type { Logger } from '../logger.ts';
import type { EventTopics } from './events-env.ts';
import { createKafkaEventBus } from './kafka-event-bus.ts';
import { startOutboxRelay, type OutboxStore } from './outbox-relay.ts';

/** What the relay needs: where to connect, which topics, which outbox, its timing. */
export interface KafkaOutboxRelayOptions {
  kafka: EventTopics & { brokers: string[]; clientId: string };
  store: OutboxStore;
  /** OUTBOX_RELAY_INTERVAL_MS, OUTBOX_RELAY_BATCH_SIZE. */
  relay?: { pollIntervalMs?: number | undefined; batchSize?: number | undefined } | undefined;
  logger: Logger;
}

/**
 * Starts the relay; resolves once the topics exist.
 * @param options - Kafka, topics, the outbox store, timing, logger
 */
export async function startKafkaOutboxRelay(options: KafkaOutboxRelayOptions): Promise<{ close(): Promise<void> }> {
  const { kafka, logger } = options;
  const bus = createKafkaEventBus({ brokers: kafka.brokers, clientId: kafka.clientId, logger });
  try {
    await bus.ensureTopic(kafka.topic);
    await bus.ensureTopic({ ...kafka.topic, topic: kafka.dlqTopic });
  } catch (error) {
    await bus.close();
    throw error;
  }
  const relay = startOutboxRelay({ store: options.store, bus, topic: kafka.topic.topic, ...options.relay, logger });
  logger.info({ topic: kafka.topic.topic, brokers: kafka.brokers }, 'outbox relay to Kafka started');
  return {
    async close() {
      await relay.stop();
      await bus.close();
    },
  };
}
