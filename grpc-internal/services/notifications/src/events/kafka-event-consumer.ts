/**
 * The consumer of appointment events from Kafka (when KAFKA_BROKERS is set; otherwise the
 * PullEvents poller in event-consumer.ts). Each message is read into the same envelope the
 * poller uses and validated; one that can never be processed (not JSON, unknown version, missing
 * fields, no event id) goes to the dead-letter topic with the reason and its offset is committed,
 * so it never stops the consumer. A good one goes through the EventProcessor, idempotent by event
 * id, and the bus commits its offset only after the notification rows are committed: a crash in
 * between redelivers it, and the processor recognises it and creates nothing twice.
 */
import { EVENT_HEADERS, isUuid, publishDeadLetter, type EventBus, type IncomingEvent, type Logger, type Subscription } from '@hospital/service-kit';
import { parseAppointmentEvent, type RawAppointmentEvent } from './event-payload.ts';
import type { EventProcessor } from './event-processor.ts';

/** A message read into an event, or the reason it can never be processed. */
export type ReadMessage = { ok: true; event: RawAppointmentEvent } | { ok: false; reason: string };

/** A nested property of parsed JSON, if it is a string. */
function field(json: unknown, ...path: string[]): string | undefined {
  let at: unknown = json;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'string' ? at : undefined;
}

/**
 * Reads and validates a Kafka message. The envelope comes from the headers and key the relay sets
 * (falling back to the payload's own fields), and must agree with the payload.
 * @param message - the message as consumed
 */
export function readKafkaMessage(message: IncomingEvent): ReadMessage {
  if (message.value === null || message.value === '') return { ok: false, reason: 'message has no value' };
  let json: unknown;
  try {
    json = JSON.parse(message.value);
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  const id = message.headers[EVENT_HEADERS.eventId] ?? field(json, 'eventId');
  if (!id || !isUuid(id)) return { ok: false, reason: 'event id is missing or not a UUID' };
  const event: RawAppointmentEvent = {
    id,
    type: message.headers[EVENT_HEADERS.eventType] ?? field(json, 'type') ?? '',
    appointmentId: message.key ?? field(json, 'appointment', 'id') ?? '',
    sequence: message.headers[EVENT_HEADERS.sequence] ?? '0',
    payloadJson: message.value,
  };
  const parsed = parseAppointmentEvent(event);
  return parsed.ok ? { ok: true, event } : { ok: false, reason: parsed.reason };
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
        logger.warn({ topic: message.topic, partition: message.partition, offset: message.offset, reason: read.reason }, 'appointment event dead-lettered');
        return;
      }
      // Throws when contacts or the database are unreachable: the bus retries, nothing is committed.
      const result = await options.processor.process([read.event]);
      if (result.deliveriesCreated > 0) options.onDeliveries?.();
    },
  });
}
