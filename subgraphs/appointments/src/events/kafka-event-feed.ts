/**
 * AppointmentEventFeed over the Kafka topic the outbox relay publishes to. Each replica joins
 * its own consumer group, so every replica receives every event (a shared group would split the
 * partitions between replicas and each would see only some). A new group starts at the end of the
 * topic: subscriptions are live feeds, not history.
 */
import { readAppointmentEventMessage } from '@hospital/grpc-contracts';
import { type Logger } from '@hospital/service-kit';
import { EVENT_HEADERS, type EventBus, type Subscription } from '@hospital/service-kit/kafka';
import { ListenerSet, type AppointmentEventListener, type AppointmentEventFeed } from './appointment-event-feed.ts';
import { replicaConsumerName } from './outbox-polling-event-feed.ts';
import { RecentIds } from './recent-ids.ts';

/** What the Kafka feed needs. */
export interface KafkaEventFeedOptions {
  /** The event bus (createKafkaEventBus), owned by the caller. */
  bus: EventBus;
  /** Topic of appointment events (APPOINTMENTS_TOPIC, `appointments` by default). */
  topic: string;
  logger: Logger;
  /** Consumer group; a fresh per-replica name by default. */
  groupId?: string;
}

/**
 * Joins the replica's consumer group and starts delivering. Resolves once the consumer runs
 * (joining a group takes a few seconds); events published before that are not delivered.
 * @param options - bus, topic, logger, group
 */
export async function startKafkaEventFeed(options: KafkaEventFeedOptions): Promise<AppointmentEventFeed & { groupId: string }> {
  const groupId = options.groupId ?? replicaConsumerName();
  const logger = options.logger.child({ source: 'KafkaEventFeed', groupId });
  const listeners = new ListenerSet(logger);
  const recent = new RecentIds(10_000);
  const subscription: Subscription = await options.bus.subscribe({
    groupId,
    topic: options.topic,
    fromBeginning: false,
    // Never throws: a live feed skips what it cannot read (the relay's consumers dead-letter it),
    // and a throwing handler would stop this partition for every subscriber.
    handle: async (message) => {
      // The contract's reading, as the notifications consumer's: envelope from headers and key.
      const parsed = readAppointmentEventMessage(message, EVENT_HEADERS);
      if (!parsed.ok) {
        logger.warn({ partition: message.partition, offset: message.offset, kind: parsed.kind, reason: parsed.reason }, 'malformed appointment event skipped');
        return;
      }
      if (recent.add(parsed.event.eventId)) listeners.emit(parsed.event);
    },
  });
  logger.info({ topic: options.topic }, 'consuming appointment events');
  return {
    groupId,
    subscribe: (listener: AppointmentEventListener) => listeners.add(listener),
    listenerCount: () => listeners.size,
    close: () => subscription.close(),
  };
}
