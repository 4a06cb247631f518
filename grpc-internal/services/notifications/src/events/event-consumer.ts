/**
 * The consumer of appointment events: pulls a batch from the appointments service, has the
 * processor record it, and acknowledges only what is committed. Crashing between commit and
 * acknowledgement redelivers the batch, which the processor then recognises and skips.
 */
import type { AppointmentEventV1, RawAppointmentEvent } from '@hospital/grpc-contracts';
import { startPollLoop, type Logger, type PollLoop } from '@hospital/service-kit';
import type { EventProcessor } from './event-processor.ts';

/** Pulls from the appointments outbox without Kafka, over gRPC (`departments/appointments-outbox.ts`; kafka-event-consumer.ts otherwise). */
export interface OutboxPuller {
  /**
   * The oldest events not yet acknowledged by this consumer.
   * @param max - at most this many
   */
  pull(max: number): Promise<RawAppointmentEvent[]>;
  /**
   * Acknowledges events so they are not pulled again.
   * @param eventIds - event UUIDs
   */
  ack(eventIds: readonly string[]): Promise<void>;
}

/** Options of the consumer loop. */
export interface EventConsumerOptions {
  source: OutboxPuller;
  /** The processor of appointment events. */
  processor: EventProcessor<RawAppointmentEvent, AppointmentEventV1>;
  /** Events per pull. */
  batchSize: number;
  /** Wait when the stream is empty, in ms (NOTIFY_POLL_INTERVAL_MS). */
  pollIntervalMs: number;
  /** Longest wait after repeated failures, in ms. */
  maxErrorBackoffMs: number;
  /** Called after deliveries were created (wakes the sender). */
  onDeliveries?: () => void;
  logger: Logger;
}

/**
 * One round: pull, process, acknowledge. Resolves true when a full batch came (more may wait).
 * @param options - source, processor, batch size, callback
 */
export async function consumeOnce(options: Pick<EventConsumerOptions, 'source' | 'processor' | 'batchSize' | 'onDeliveries'>): Promise<boolean> {
  const events = await options.source.pull(options.batchSize);
  if (events.length === 0) return false;
  const result = await options.processor.process(events);
  // The rows are committed: only now may the producer forget the events.
  await options.source.ack(result.handled);
  if (result.deliveriesCreated > 0) options.onDeliveries?.();
  return events.length >= options.batchSize && result.handled.length > 0;
}

/**
 * Starts the consumer loop.
 * @param options - source, processor, intervals, logger
 */
export function startEventConsumer(options: EventConsumerOptions): PollLoop {
  return startPollLoop({
    name: 'appointment-events',
    tick: () => consumeOnce(options),
    idleMs: options.pollIntervalMs,
    maxErrorBackoffMs: options.maxErrorBackoffMs,
    logger: options.logger,
  });
}
