/**
 * Kafka's series in the process registry, recorded by the event bus (kafka-event-bus.ts) and the
 * dead-letter publisher. Labels are topic, consumer group and partition only: topics and groups are
 * named in code, partitions are bounded by the topic's partition count, so no message content or id
 * can reach a label. Dashboards and alerts (k8s/observability) use exactly these names.
 */
import { counter, gauge } from '../metrics/registry.ts';

const produceErrors = () => counter('hospital_kafka_produce_errors_total', 'Publishes the broker did not acknowledge (the caller retries), by topic.', ['topic']);
const consumerLag = () =>
  gauge('hospital_kafka_consumer_lag', 'Messages behind the partition high watermark after the last handled message, by group, topic and partition.', [
    'group',
    'topic',
    'partition',
  ]);
const deadLetters = () => counter('hospital_kafka_dead_letters_total', 'Messages a consumer group sent to the dead-letter topic, by group and original topic.', ['group', 'topic']);

/**
 * Counts one failed publish (one `send` of any number of messages).
 * @param topic - the topic published to
 */
export function countProduceError(topic: string): void {
  produceErrors().inc({ topic });
}

/**
 * Records a consumer's lag on one partition: the high watermark minus the next offset to consume.
 * @param group - consumer group
 * @param topic - topic
 * @param partition - partition number
 * @param highWatermark - the partition's high watermark as kafkajs reports it (int64 text)
 * @param handledOffset - the offset last handled (int64 text)
 */
export function recordConsumerLag(group: string, topic: string, partition: number, highWatermark: string, handledOffset: string): void {
  const lag = BigInt(highWatermark) - (BigInt(handledOffset) + 1n);
  consumerLag().set({ group, topic, partition: String(partition) }, Number(lag < 0n ? 0n : lag));
}

/**
 * Counts one message dead-lettered.
 * @param group - the consumer group that refused it
 * @param topic - the topic it came from
 */
export function countDeadLetter(group: string, topic: string): void {
  deadLetters().inc({ group, topic });
}
