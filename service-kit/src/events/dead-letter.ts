/**
 * Dead-lettering: a message a consumer can never process is republished, unchanged, to a
 * dead-letter topic with the reason and its origin in headers, so the consumer can commit past it
 * (one bad message never stops a stream) and an operator can inspect or replay it later.
 */
import type { EventBus, IncomingEvent } from './event-bus.ts';
import { countDeadLetter } from './kafka-metrics.ts';

/** Header names a dead-lettered message carries (besides its original headers). */
export const DLQ_HEADERS = {
  reason: 'x-dlq-reason',
  topic: 'x-dlq-original-topic',
  partition: 'x-dlq-original-partition',
  offset: 'x-dlq-original-offset',
  consumerGroup: 'x-dlq-consumer-group',
  at: 'x-dlq-at',
} as const;

/**
 * Publishes a message to the dead-letter topic; resolves once the broker acknowledged it.
 * @param bus - the event bus
 * @param dlqTopic - the dead-letter topic
 * @param event - the message as consumed
 * @param reason - why it can never be processed (no payload values: they may hold patient data)
 * @param consumerGroup - the group that refused it
 */
export async function publishDeadLetter(bus: EventBus, dlqTopic: string, event: IncomingEvent, reason: string, consumerGroup: string): Promise<void> {
  await bus.publish(dlqTopic, [
    {
      // Same key as the original (when it had one), so dead letters of one aggregate stay in order.
      key: event.key ?? `${event.topic}-${event.partition}`,
      value: event.value ?? '',
      headers: {
        ...event.headers,
        [DLQ_HEADERS.reason]: reason,
        [DLQ_HEADERS.topic]: event.topic,
        [DLQ_HEADERS.partition]: String(event.partition),
        [DLQ_HEADERS.offset]: event.offset,
        [DLQ_HEADERS.consumerGroup]: consumerGroup,
        [DLQ_HEADERS.at]: new Date().toISOString(),
      },
    },
  ]);
  countDeadLetter(consumerGroup, event.topic);
}
