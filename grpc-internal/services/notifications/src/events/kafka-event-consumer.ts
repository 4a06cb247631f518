/**
 * The Kafka consumer of one topic (appointments, clinical; when KAFKA_BROKERS is set — otherwise
 * appointments come from the PullEvents poller in event-consumer.ts). One implementation for every
 * topic: each message is read with the topic's contract (EventTopic.readMessage); one that can
 * never be processed (not JSON, unknown version, missing or invalid fields — named by field path,
 * no event id) goes to the topic's dead-letter topic with the reason and its offset is committed,
 * so it never stops the consumer. A good one goes through the EventProcessor, idempotent by event
 * id, and the bus commits its offset only after the notification rows are committed: a crash in
 * between redelivers it, and the processor recognises it and creates nothing twice.
 */
import { type Logger } from '@hospital/service-kit';
import { publishDeadLetter, type EventBus, type Subscription } from '@hospital/service-kit/kafka';
import type { EventProcessor } from './event-processor.ts';
import type { RawEvent } from './event-topic.ts';

/** Options of the Kafka consumer. */
export interface KafkaEventConsumerOptions<Raw extends RawEvent, Event> {
  bus: EventBus;
  /** The topic consumed. */
  topic: string;
  /** Where unprocessable messages go. */
  dlqTopic: string;
  /** Consumer group (NOTIFY_KAFKA_GROUP, default "notifications"; "<group>-clinical" for the clinical topic): replicas share the work. */
  groupId: string;
  /** The processor of this topic's events (its topic reads the messages). */
  processor: EventProcessor<Raw, Event>;
  /** Called after deliveries were created (wakes the sender). */
  onDeliveries?: () => void;
  logger: Logger;
}

/**
 * Joins the consumer group and processes messages until closed.
 * @param options - bus, topics, group, processor, logger
 */
export function startKafkaEventConsumer<Raw extends RawEvent, Event>(options: KafkaEventConsumerOptions<Raw, Event>): Promise<Subscription> {
  const { bus, logger, processor } = options;
  return bus.subscribe({
    groupId: options.groupId,
    topic: options.topic,
    // A new group starts at the beginning: events published before it first ran are not lost.
    fromBeginning: true,
    handle: async (message) => {
      const read = processor.topic.readMessage(message);
      if (!read.ok) {
        await publishDeadLetter(bus, options.dlqTopic, message, read.reason, options.groupId);
        // Where and why only: the payload may hold patient data.
        logger.warn(
          { topic: message.topic, partition: message.partition, offset: message.offset, kind: read.kind, reason: read.reason },
          `${processor.topic.label} event dead-lettered`,
        );
        return;
      }
      // Throws when contacts or the database are unreachable: the bus retries, nothing is committed.
      const result = await processor.process([read.event]);
      if (result.deliveriesCreated > 0) options.onDeliveries?.();
    },
  });
}
