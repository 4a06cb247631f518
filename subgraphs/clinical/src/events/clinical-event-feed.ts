/**
 * The clinical subgraph's event feed: the kit's Kafka feed over the clinical event contract
 * (readClinicalEventMessage), on the topic the clinical outbox relay publishes to. Without Kafka
 * the subscriptions are accepted but nothing arrives (the clinical service has no pull API).
 */
import { readClinicalEventMessage, type ClinicalEvent, type LabResultEvent, type VitalsEvent } from '@hospital/grpc-contracts';
import { runnableName } from '@hospital/grpc-contracts/departments';
import type { Logger } from '@hospital/service-kit';
import { idleEventFeed, openKafkaEventFeed, type EventFeed } from '@hospital/subgraph-kit/events';

/** A process-wide feed of clinical events. */
export type ClinicalEventFeed = EventFeed<ClinicalEvent>;
/** What `LabResultEvent` resolves from (codegen mapper). */
export type LabResultEventModel = LabResultEvent;
/** What `WardVitalsEvent` resolves from (codegen mapper). */
export type VitalsEventModel = VitalsEvent;

/** Prefix of this subgraph's per-replica consumer groups: its runnable's name. */
const CONSUMER_PREFIX = runnableName('clinical', 'subgraph');

/**
 * The feed of this replica: its own consumer group on the clinical topic, or an idle feed (logged)
 * when no brokers are configured.
 * @param options - brokers (none: idle), topic, logger
 */
export async function openClinicalEventFeed(options: { brokers?: string[] | undefined; topic: string; logger: Logger }): Promise<ClinicalEventFeed> {
  if (!options.brokers?.length) {
    options.logger.warn('KAFKA_BROKERS is not set: clinical subscriptions are accepted but receive no events');
    return idleEventFeed();
  }
  return openKafkaEventFeed({
    brokers: options.brokers,
    clientId: CONSUMER_PREFIX,
    topic: options.topic,
    logger: options.logger,
    read: readClinicalEventMessage,
    kind: 'clinical',
    groupPrefix: CONSUMER_PREFIX,
  });
}
