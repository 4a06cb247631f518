/**
 * AppointmentEventFeed over the appointments service's PullEvents/AckEvents: the feed used
 * when Kafka is not configured. Each replica pulls under its own consumer name, so every replica
 * sees every event (the outbox's delivery table is per consumer). It polls only while someone is
 * subscribed, and forwards only events that happened since polling (re)started: subscriptions are
 * live feeds, so the backlog a fresh or idle consumer finds is acknowledged and dropped.
 */
import { randomUUID } from 'node:crypto';
import { parseAppointmentEvent, type AppointmentEventV1, type AppointmentsClient, type AppointmentEvent__Output } from '@hospital/grpc-contracts';
import { signIdentity, wakeableSleep, type Logger } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { ListenerSet, RecentIds, replicaConsumerName } from '@hospital/subgraph-kit/events';
import { CONSUMER_PREFIX, type AppointmentEventListener, type AppointmentEventFeed } from './appointment-event-feed.ts';

/** What the poller needs. */
export interface OutboxPollingOptions {
  /** The appointments gRPC client. */
  client: AppointmentsClient;
  /** Signs this replica's service identity (PullEvents/AckEvents admit services only). */
  internalSecret: string;
  logger: Logger;
  /** Consumer name (and service principal); a fresh per-replica name by default. */
  consumer?: string;
  /** Pause between pulls that found nothing new (100 ms by default). */
  intervalMs?: number;
  /** Events per pull (500, the service's maximum, by default). */
  batchSize?: number;
}

/**
 * Creates the poller; it starts pulling with the first subscriber.
 * @param options - client, secret, logger, consumer name and timing
 */
export function createOutboxPollingEventFeed(options: OutboxPollingOptions): AppointmentEventFeed & { consumer: string } {
  const consumer = options.consumer ?? replicaConsumerName(CONSUMER_PREFIX);
  const intervalMs = options.intervalMs ?? 100;
  const batchSize = options.batchSize ?? 500;
  const logger = options.logger.child({ source: 'OutboxPollingEventFeed', consumer });
  const listeners = new ListenerSet<AppointmentEventV1>(logger);
  // An ack that failed brings its events back on the next pull: do not hand them out twice.
  const recent = new RecentIds(10_000);
  let loop: Promise<void> | undefined;
  let closed = false;
  const { sleep: pause, wake } = wakeableSleep();

  const metadata = () => callMetadata(signIdentity({ kind: 'service', service: consumer }, options.internalSecret), randomUUID());
  const wanted = () => !closed && listeners.size > 0;

  const deliver = (event: AppointmentEvent__Output, liveSince: number) => {
    // The envelope (id, type, appointment) must agree with the payload, as for every consumer.
    const parsed = parseAppointmentEvent(event);
    if (!parsed.ok) {
      logger.warn({ eventId: event.id, kind: parsed.kind, reason: parsed.reason }, 'malformed appointment event skipped');
      return;
    }
    if (Date.parse(parsed.event.occurredAt) < liveSince || !recent.add(parsed.event.eventId)) return;
    listeners.emit(parsed.event);
  };

  async function run(): Promise<void> {
    const liveSince = Date.now();
    let failures = 0;
    while (wanted()) {
      try {
        const { events } = await options.client.pullEvents({ consumer, max: batchSize }, { metadata: metadata() });
        for (const event of events) deliver(event, liveSince);
        // Malformed events are acknowledged too: pulling them again would not mend them.
        if (events.length > 0) await options.client.ackEvents({ consumer, eventIds: events.map((e) => e.id) }, { metadata: metadata() });
        failures = 0;
        // A full batch means more is waiting (a backlog being skipped): pull again at once.
        if (events.length < batchSize) await pause(intervalMs);
      } catch (error) {
        failures += 1;
        // Log the first failure and then every 50th, so a service outage does not flood the log.
        if (failures === 1 || failures % 50 === 0) logger.warn({ err: error, failures }, 'pulling appointment events failed');
        await pause(Math.min(intervalMs * 2 ** Math.min(failures, 4), 2_000));
      }
    }
  }

  const ensureRunning = () => {
    if (loop || !wanted()) return;
    loop = run().finally(() => {
      loop = undefined;
      // A subscriber may have come back while the last pull was finishing.
      ensureRunning();
    });
  };

  return {
    consumer,
    subscribe(listener: AppointmentEventListener) {
      return listeners.add(listener, ensureRunning);
    },
    listenerCount: () => listeners.size,
    async close() {
      closed = true;
      wake();
      await loop;
    },
  };
}
