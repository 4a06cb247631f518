/**
 * The appointment event feed over the Kafka topic the appointments outbox relay publishes to: the
 * kit's Kafka feed with the appointment contract's message reader (envelope from headers and key,
 * as the notifications consumer reads it).
 */
import { readAppointmentEventMessage, type AppointmentEventV1 } from '@hospital/grpc-contracts';
import type { Logger } from '@hospital/service-kit';
import type { EventBus } from '@hospital/service-kit/kafka';
import { CONSUMER_PREFIX } from './appointment-event-feed.ts';
import { openKafkaEventFeed, startKafkaEventFeed as startFeed, type EventFeed } from '@hospital/subgraph-kit/events';

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

/** The contract's reading of a message, as the kit's feed takes it. */
const contract = { read: readAppointmentEventMessage, kind: 'appointment', groupPrefix: CONSUMER_PREFIX };

/**
 * Joins the replica's consumer group and starts delivering. Resolves once the consumer runs
 * (joining a group takes a few seconds); events published before that are not delivered.
 * @param options - bus, topic, logger, group
 */
export function startKafkaEventFeed(options: KafkaEventFeedOptions): Promise<EventFeed<AppointmentEventV1> & { groupId: string }> {
  return startFeed({ ...options, ...contract });
}

/**
 * The feed on a bus of its own (closing the feed disconnects it): what the subgraph starts.
 * @param options - brokers, topic, logger
 */
export function openAppointmentKafkaFeed(options: { brokers: string[]; topic: string; logger: Logger }): Promise<EventFeed<AppointmentEventV1>> {
  return openKafkaEventFeed({ ...options, ...contract, clientId: CONSUMER_PREFIX });
}
