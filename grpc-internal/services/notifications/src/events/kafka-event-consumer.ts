/**
 * The consumer of appointment events from Kafka (when KAFKA_BROKERS is set; otherwise the
 * PullEvents poller in event-consumer.ts). Each message is read into the same envelope the
 * poller uses and validated; one that can never be processed (not JSON, unknown version, missing
 * fields, no event id) goes to the dead-letter topic with the reason and its offset is committed,
 * so it never stops the consumer. A good one goes through the EventProcessor, idempotent by event
 * id, and the bus commits its offset only after the notification rows are committed: a crash in
 * between redelivers it, and the processor recognises it and creates nothing twice.
 */
import { readAppointmentEventMessage, type AppointmentEventRefusal, type RawAppointmentEvent } from '@hospital/grpc-contracts';
import { type Logger } from '@hospital/service-kit';
import { EVENT_HEADERS, publishDeadLetter, type EventBus, type IncomingEvent, type Subscription } from '@hospital/service-kit/kafka';
import type { EventProcessor } from './event-processor.ts';

/** A message read into an event, or the (typed) reason it can never be processed. */
export type ReadMessage = { ok: true; event: RawAppointmentEvent } | AppointmentEventRefusal;

/**
 * Reads and validates a Kafka message with the event contract (the same reading the appointments
 * subgraph's feed uses): the envelope comes from the headers and key the relay sets (falling back
 * to the payload's own fields), and must agree with the payload.
 * @param message - the message as consumed
 */
export function readKafkaMessage(message: IncomingEvent): ReadMessage {
  const read = readAppointmentEventMessage(message, EVENT_HEADERS);
  return read.ok ? { ok: true, event: read.envelope } : read;
}

/** Options of the Kafka consumer. */
export interface KafkaEventConsumerOptions {
  bus: EventBus;
  /** The appointments topic. */
  topic: string;
  /** Where unprocessable messages go. */
  dlqTopic: string;
  /** Consumer group (NOTIFY_KAFKA_GROUP, default "notifications"): replicas share the work. */
  groupId: string;
  processor: EventProcessor;
  /** Called after deliveries were created (wakes the sender). */
  onDeliveries?: () => void;
  logger: Logger;
}

/**
 * Joins the consumer group and processes messages until closed.
 * @param options - bus, topics, group, processor, logger
 */
export function startKafkaEventConsumer(options: KafkaEventConsumerOptions): Promise<Subscription> {
  const { bus, logger } = options;
  return bus.subscribe({
    groupId: options.groupId,
    topic: options.topic,
    // A new group starts at the beginning: events published before it first ran are not lost.
    fromBeginning: true,
    handle: async (message) => {
      const read = readKafkaMessage(message);
      if (!read.ok) {
        await publishDeadLetter(bus, options.dlqTopic, message, read.reason, options.groupId);
        // Where and why only: the payload may hold patient data.
        logger.warn({ topic: message.topic, partition: message.partition, offset: message.offset, kind: read.kind, reason: read.reason }, 'appointment event dead-lettered');
        return;
      }
      // Throws when contacts or the database are unreachable: the bus retries, nothing is committed.
      const result = await options.processor.process([read.event]);
      if (result.deliveriesCreated > 0) options.onDeliveries?.();
    },
  });
}
