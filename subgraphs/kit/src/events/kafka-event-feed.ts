/**
 * An event feed over the Kafka topic a department's outbox relay publishes to, for any event
 * contract: the contract's message reader decides what is an event. Each replica joins its own
 * consumer group, so every replica receives every event (a shared group would split the
 * partitions between replicas and each would see only some). A new group starts at the end of the
 * topic: subscriptions are live feeds, not history. The feed a subgraph opens never fails its
 * start: a topic not created yet or a broker not reachable is retried with backoff, and the feed
 * reports not reading (readiness: not ready) until its consumer runs.
 */
import { startPollLoop, type Logger } from '@hospital/service-kit';
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

/** Waits between start attempts of a feed that could not start: doubling from `firstMs`, at most `maxMs`. */
export interface FeedRetry {
  firstMs: number;
  maxMs: number;
}

/** The defaults: 1 s, 2 s, 4 s … 30 s; the open waits up to 20 s for the first attempt. */
const DEFAULT_RETRY: FeedRetry = { firstMs: 500, maxMs: 30_000 };
const FIRST_ATTEMPT_WAIT_MS = 20_000;

/**
 * One consumer of the feed's group, handing every readable, new event to the listeners.
 * @param options - bus, topic, contract reader, names
 * @param groupId - the replica's group
 * @param logger - the feed's logger
 * @param deliver - called with each readable event
 * @param onStopped - told when the consumer stopped for good
 */
function consume<E extends IdentifiedEvent>(
  options: KafkaEventFeedOptions<E>,
  groupId: string,
  logger: Logger,
  deliver: (event: E) => void,
  onStopped?: (error: unknown) => void,
): Promise<Subscription> {
  return options.bus.subscribe({
    groupId,
    topic: options.topic,
    fromBeginning: false,
    onStopped,
    // Never throws: a live feed skips what it cannot read (the relay's consumers dead-letter it),
    // and a throwing handler would stop this partition for every subscriber.
    handle: async (message) => {
      const parsed = options.read(message, EVENT_HEADERS);
      if (!parsed.ok) {
        logger.warn({ partition: message.partition, offset: message.offset, kind: parsed.kind, reason: parsed.reason }, `malformed ${options.kind} event skipped`);
        return;
      }
      deliver(parsed.event);
    },
  });
}

/**
 * Joins the replica's consumer group and starts delivering. Resolves once the consumer runs
 * (joining a group takes a few seconds); events published before that are not delivered. Rejects
 * when the consumer cannot start (one attempt: {@link openKafkaEventFeed} retries).
 * @param options - bus, topic, logger, contract reader, names
 */
export async function startKafkaEventFeed<E extends IdentifiedEvent>(options: KafkaEventFeedOptions<E>): Promise<EventFeed<E> & { groupId: string }> {
  const groupId = options.groupId ?? replicaConsumerName(options.groupPrefix);
  const logger = options.logger.child({ source: 'KafkaEventFeed', groupId });
  const listeners = new ListenerSet<E>(logger);
  const recent = new RecentIds(REMEMBERED_IDS);
  const subscription = await consume(options, groupId, logger, (event) => {
    if (recent.add(event.eventId)) listeners.emit(event);
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
 * disconnects the bus too). It never fails to open: the consumer is started in the background and
 * started again, with backoff, while the topic is missing, the broker unreachable, or after the
 * consumer stopped for good; listeners stay registered meanwhile, and `reading()` says whether
 * events arrive. Resolves once the first attempt ended (so a subgraph started on a working broker
 * serves every event published after its start), or after 20 s.
 * @param options - brokers and client id of the bus, the feed's options, the retry waits
 */
export async function openKafkaEventFeed<E extends IdentifiedEvent>(
  options: Omit<KafkaEventFeedOptions<E>, 'bus'> & { brokers: string[]; clientId: string; retry?: FeedRetry; firstAttemptWaitMs?: number },
): Promise<EventFeed<E> & { groupId: string }> {
  const { brokers, clientId, retry = DEFAULT_RETRY, firstAttemptWaitMs = FIRST_ATTEMPT_WAIT_MS, ...feedOptions } = options;
  const bus = createKafkaEventBus({ brokers, clientId, logger: options.logger });
  const groupId = options.groupId ?? replicaConsumerName(options.groupPrefix);
  const logger = options.logger.child({ source: 'KafkaEventFeed', groupId, topic: options.topic });
  const listeners = new ListenerSet<E>(logger);
  const recent = new RecentIds(REMEMBERED_IDS);
  let consumer: Subscription | undefined;
  let closed = false;
  let attempted!: () => void;
  const firstAttempt = new Promise<void>((resolve) => (attempted = resolve));
  // A running consumer that stopped for good is dropped and started again at once.
  const restart = (failed: Subscription, error: unknown) => {
    if (closed || consumer !== failed) return;
    logger.warn({ err: error }, `${options.kind} event consumer stopped; starting it again`);
    consumer = undefined;
    void failed.close().catch(() => undefined);
    loop.wake();
  };
  // One tick: start the consumer when it does not run (a failure is retried after a longer wait each time).
  const loop = startPollLoop({
    name: `${options.kind} event feed`,
    idleMs: retry.firstMs,
    maxErrorBackoffMs: retry.maxMs,
    logger,
    failedMessage: `${options.kind} event feed could not start (topic missing or broker unreachable); retrying`,
    tick: async () => {
      if (consumer || closed) return false;
      let started: Subscription | undefined;
      try {
        started = await consume({ ...feedOptions, bus }, groupId, logger, deliver, (error) => started && restart(started, error));
      } finally {
        attempted();
      }
      if (closed) await started.close();
      else consumer = started;
      logger.info(`consuming ${options.kind} events`);
      return false;
    },
  });
  function deliver(event: E) {
    if (recent.add(event.eventId)) listeners.emit(event);
  }
  await Promise.race([firstAttempt, new Promise((resolve) => setTimeout(resolve, firstAttemptWaitMs).unref())]);
  return {
    groupId,
    subscribe: (listener) => listeners.add(listener),
    listenerCount: () => listeners.size,
    reading: () => consumer !== undefined,
    async close() {
      closed = true;
      // Not waiting for an attempt in flight (a connect to a broker that is down takes ~20 s):
      // it closes what it started when it ends.
      void loop.stop();
      await consumer?.close();
      consumer = undefined;
      await bus.close();
    },
  };
}
