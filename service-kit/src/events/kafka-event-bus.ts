/** The EventBus on Apache Kafka through kafkajs: idempotent producer, manual offset commits. */
import { Kafka, Partitioners, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import type { Logger } from '../logger.ts';
import type { EventBus, Subscription } from './event-bus.ts';
import { countProduceError, recordConsumerLag } from './kafka-metrics.ts';
import { inConsumerSpan } from '../tracing/server-spans.ts';
import { injectTraceContext, tracingActive } from '../tracing/spans.ts';

/** Connection settings (KAFKA_BROKERS, KAFKA_CLIENT_ID). */
export interface KafkaOptions {
  /** host:port list. */
  brokers: string[];
  clientId: string;
  logger: Logger;
}

function headersOf(raw: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value !== undefined) out[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return out;
}

/**
 * Headers with the trace context of the span that publishes, unless the message already carries
 * the context that caused it (an outbox row stores its request's `traceparent`).
 * @param headers - the message's headers
 */
function withTraceContext(headers: Record<string, string> | undefined): Record<string, string> {
  if (!tracingActive() || headers?.['traceparent']) return headers ?? {};
  const out = { ...headers };
  injectTraceContext(out);
  return out;
}

/**
 * How long the broker may hold a consumer's fetch open when there is nothing to read. kafkajs
 * waits 5 s by default, and a consumer's disconnect waits for the fetch in flight: every shutdown
 * of a consuming process (a rolling deploy, a test's system) took up to 5 s more. New messages
 * are answered at once either way; an idle consumer sends two fetches a second instead of one
 * in five, which a broker does not notice.
 */
export const CONSUMER_MAX_WAIT_MS = 500;

/**
 * Creates an EventBus on Kafka. Nothing connects until first use.
 * @param options - brokers, client id, logger
 */
export function createKafkaEventBus(options: KafkaOptions): EventBus {
  const log = options.logger.child({ source: 'kafka' });
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 },
    logCreator:
      () =>
      ({ namespace, level, log: entry }) => {
        const fields = { namespace, error: entry['error'] as unknown };
        if (level <= logLevel.ERROR) log.error(fields, entry.message);
        else log.warn(fields, entry.message);
      },
  });
  let producer: Producer | undefined;
  const consumers = new Set<Consumer>();

  const getProducer = async (): Promise<Producer> => {
    if (!producer) {
      // Idempotent: a retried send after a lost ack is written once (kafkajs needs 1 in flight).
      const created = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // murmur2 on the key, as Java clients do: one key, one partition.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await created.connect();
      producer = created;
    }
    return producer;
  };

  return {
    async ensureTopic(spec) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        if (!(await admin.listTopics()).includes(spec.topic)) {
          await admin.createTopics({
            // kafkajs's own wait gives up on the first UNKNOWN_TOPIC_OR_PARTITION a broker still
            // answers just after creation (seen with tracing on, when start-up is slower); the
            // wait below tolerates it.
            waitForLeaders: false,
            topics: [{ topic: spec.topic, numPartitions: spec.partitions, configEntries: [{ name: 'retention.ms', value: String(spec.retentionMs) }] }],
          });
        }
        // Another process may have created it a moment ago: listed is not yet usable. Wait until
        // every partition has a leader, or the first publish or subscribe fails with
        // "This server does not host this topic-partition".
        await waitForLeaders(admin, spec.topic);
      } finally {
        await admin.disconnect();
      }
    },

    async publish(topic, events) {
      if (events.length === 0) return;
      try {
        const connected = await getProducer();
        await connected.send({
          topic,
          acks: -1,
          messages: events.map((e) => ({ key: e.key, value: e.value, headers: withTraceContext(e.headers) })),
        });
      } catch (error) {
        countProduceError(topic);
        throw error;
      }
    },

    async subscribe({ groupId, topic, fromBeginning = true, handle, onStopped }): Promise<Subscription> {
      const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: CONSUMER_MAX_WAIT_MS });
      // kafkajs restarts a consumer after a retriable failure by itself; after any other it stops for good.
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) onStopped?.(payload.error);
      });
      const run = () =>
        consumer.run({
          autoCommit: false,
          // Batches: one offset commit per fetched batch instead of one per message. A crash in the
          // middle of a batch redelivers its handled-but-uncommitted messages (handlers are idempotent).
          eachBatchAutoResolve: false,
          eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
            let handled: string | undefined;
            const commit = async () => {
              if (handled === undefined) return;
              await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(handled) + 1n).toString() }]);
            };
            // Lag as the batch arrives, so a handler that keeps failing shows as a lag that stays up.
            const first = batch.firstOffset();
            if (first !== null) recordConsumerLag(groupId, batch.topic, batch.partition, batch.highWatermark, (BigInt(first) - 1n).toString());
            try {
              for (const message of batch.messages) {
                if (!isRunning() || isStale()) break;
                const headers = headersOf(message.headers);
                const event = {
                  topic: batch.topic,
                  partition: batch.partition,
                  offset: message.offset,
                  key: message.key?.toString('utf8') ?? null,
                  value: message.value?.toString('utf8') ?? null,
                  headers,
                };
                // A trace of its own per message, linked to the one that published it (tracing on only).
                await inConsumerSpan({ topic: batch.topic, partition: batch.partition, group: groupId, headers }, () => handle(event));
                resolveOffset(message.offset);
                handled = message.offset;
                recordConsumerLag(groupId, batch.topic, batch.partition, batch.highWatermark, message.offset);
                await heartbeat();
              }
            } finally {
              // Committed only what the handler finished: a failure leaves the rest to be redelivered.
              await commit();
            }
          },
        });
      try {
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning });
        consumers.add(consumer);
        await run();
      } catch (error) {
        // A consumer that never ran (topic missing, broker down) is not left connected.
        consumers.delete(consumer);
        await consumer.disconnect().catch(() => undefined);
        throw error;
      }
      return {
        async close() {
          consumers.delete(consumer);
          await consumer.disconnect();
        },
      };
    },

    async close() {
      await Promise.all([...consumers].map((c) => c.disconnect()));
      consumers.clear();
      await producer?.disconnect();
      producer = undefined;
    },
  };
}

/**
 * Resolves once every partition of the topic has a leader (about 10 s at most, then throws).
 * @param admin - a connected admin client
 * @param topic - the topic
 */
async function waitForLeaders(admin: Admin, topic: string): Promise<void> {
  for (let attempt = 1; attempt <= 40; attempt += 1) {
    // Metadata of a topic being created may not be served yet: that is one more wait.
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
    const partitions = metadata?.topics[0]?.partitions ?? [];
    if (partitions.length > 0 && partitions.every((partition) => partition.leader >= 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Kafka topic ${topic} still has partitions without a leader.`);
}
