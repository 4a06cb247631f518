/**
 * The appointments subgraph's event feed: the kit's generic feed over the appointment event
 * contract. Two implementations: the kit's Kafka feed (when KAFKA_BROKERS is set, see
 * kafka-event-feed.ts) and a poller over the appointments service's PullEvents/AckEvents.
 */
import type { AppointmentEventV1 } from '@hospital/grpc-contracts';
import { runnableName } from '@hospital/grpc-contracts/departments';
import type { EventFeed, EventListener } from '@hospital/subgraph-kit/events';

/** Receives each validated appointment event once. */
export type AppointmentEventListener = EventListener<AppointmentEventV1>;

/** A process-wide feed of appointment events. */
export type AppointmentEventFeed = EventFeed<AppointmentEventV1>;

/** Prefix of this subgraph's per-replica consumer names (Kafka groups and outbox consumers): its runnable's name. */
export const CONSUMER_PREFIX = runnableName('appointments', 'subgraph');
