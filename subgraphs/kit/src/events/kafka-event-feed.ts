/**
 * An event feed over the Kafka topic a department's outbox relay publishes to, for any event
 * contract: the contract's message reader decides what is an event. Each replica joins its own
 * consumer group, so every replica receives every event (a shared group would split the
 * partitions between replicas and each would see only some). A new group starts at the end of the
 * topic: subscriptions are live feeds, not history.
 */
import type { Logger } from '@hospital/service-kit';
import { createKafkaEventBus, EVENT_HEADERS, type EventBus, type IncomingEvent, type Subscription } from '@hospital/service-kit/kafka';
import { ListenerSet, replicaConsumerName, type EventFeed, type EventListener, type IdentifiedEvent } from './event-feed.ts';
import { RecentIds } from './recent-ids.ts';

/** A contract's reading of one message: the event, or why it can never be read (field paths only). */
export type ReadEventMessage<E> = (message: IncomingEvent, headers: typeof EVENT_HEADERS) => { ok: true; event: E } | { ok: false; kind: string; reason: string };

/** What the Kafka feed needs. */
export interface KafkaEventFeedOptions<E> {
  /** The event bus (createKafkaEventBus), owned by the caller. */
  bus: EventBus;
  /** The department's event topic. */
  topic: string;
  logger: Logger;
  /** The event contract's message reader (envelope from headers and key, payload checked against it). */
  read: ReadEventMessage<E>;
  /** What the events are called in logs, e.g. `appointment`. */
  kind: string;
  /** Consumer group; a fresh per-replica name under `groupPrefix` by default. */
  groupId?: string;
  /** Prefix of the per-replica group name, e.g. `clinical-subgraph`. */
  groupPrefix: string;
}

/** Ids remembered to drop redeliveries (a rebalance hands a partition's uncommitted tail over again). */
const REMEMBERED_IDS = 10_000;

/**
 * Joins the replica's consumer group and starts delivering. Resolves once the consumer runs
 * (joining a group takes a few seconds); events published before that are not delivered.
 * @param options - bus, topic, logger, contract reader, names
 */
export async function startKafkaEventFeed<E extends IdentifiedEvent>(options: KafkaEventFeedOptions<E>): Promise<EventFeed<E> & { groupId: string }> {
  const groupId = options.groupId ?? replicaConsumerName(options.groupPrefix);
  const logger = options.logger.child({ source: 'KafkaEventFeed', groupId });
  const listeners = new ListenerSet<E>(logger);
  const recent = new RecentIds(REMEMBERED_IDS);
  const subscription: Subscription = await options.bus.subscribe({
    groupId,
    topic: options.topic,
    fromBeginning: false,
    // Never throws: a live feed skips what it cannot read (the relay's consumers dead-letter it),
    // and a throwing handler would stop this partition for every subscriber.
    handle: async (message) => {
      const parsed = options.read(message, EVENT_HEADERS);
      if (!parsed.ok) {
        logger.warn({ partition: message.partition, offset: message.offset, kind: parsed.kind, reason: parsed.reason }, `malformed ${options.kind} event skipped`);
        return;
      }
      if (recent.add(parsed.event.eventId)) listeners.emit(parsed.event);
    },
  });
  logger.info({ topic: options.topic }, `consuming ${options.kind} events`);
  return {
    groupId,
    subscribe: (listener: EventListener<E>) => listeners.add(listener),
    listenerCount: () => listeners.size,
    close: () => subscription.close(),
  };
}

/**
 * A Kafka feed on a bus of its own: what a subgraph's composition root opens (closing the feed
 * disconnects the bus too).
 * @param options - brokers and client id of the bus, and the feed's options
 */
export async function openKafkaEventFeed<E extends IdentifiedEvent>(
  options: Omit<KafkaEventFeedOptions<E>, 'bus'> & { brokers: string[]; clientId: string },
): Promise<EventFeed<E>> {
  const { brokers, clientId, ...feedOptions } = options;
  const bus = createKafkaEventBus({ brokers, clientId, logger: options.logger });
  const feed = await startKafkaEventFeed({ ...feedOptions, bus }).catch(async (error: unknown) => {
    await bus.close();
    throw error;
  });
  return {
    subscribe: (listener) => feed.subscribe(listener),
    listenerCount: () => feed.listenerCount(),
    async close() {
      await feed.close();
      await bus.close();
    },
  };
}
