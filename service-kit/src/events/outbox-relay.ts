/**
 * The outbox relay, for every department with a transactional outbox (appointments, clinical):
 * ships committed outbox rows to Kafka, in sequence order, and marks them published only after
 * the broker acknowledged them (acks = all). The storage is behind {@link OutboxStore} (the kit
 * imports no database client); `@hospital/db`'s PrismaOutboxStore implements it for any outbox
 * table.
 *
 * One round is one transaction of the store: lock the oldest unpublished rows (FOR UPDATE SKIP
 * LOCKED), publish them, set published_at, commit. A failed publish rolls back (the rows stay
 * unpublished) and the next round retries after a growing pause, so nothing is ever dropped.
 * Several relays (replicas) may run at once: none ships a row another holds, and a key's rows
 * (an appointment's, a patient's) reach the topic in order. A crash between the broker's ack and
 * the commit ships those rows again on restart: delivery is at least once, and consumers
 * de-duplicate by the event id header.
 */
import type { Logger } from '../logger.ts';
import { startPollLoop } from '../poll-loop.ts';
import type { EventBus, OutgoingEvent } from './event-bus.ts';
import { EVENT_HEADERS } from './event-headers.ts';

/** An outbox row as the relay ships it. */
export interface OutboxRow {
  /** Event UUID (the payload's eventId). */
  id: string;
  /** Insertion order. */
  sequence: bigint;
  /** The message key: the id whose events must stay in order (appointment id, patient id). */
  key: string;
  /** Event type. */
  type: string;
  /** The versioned payload. */
  payload: unknown;
  /** The writing request's W3C traceparent (tracing on), else null. */
  traceParent?: string | null;
}

/** Where the relay finds rows to ship. */
export interface OutboxStore {
  /**
   * One round in one transaction: claims up to `limit` of the oldest unpublished rows that no
   * other relay holds (leaving out keys with an earlier row held elsewhere), hands them to
   * `publish`, and marks them published when it resolves; when it throws, nothing is marked.
   * Resolves to how many rows were published.
   * @param limit - most rows this round
   * @param publish - ships the rows (throws unless every one was acknowledged)
   */
  relayBatch(limit: number, publish: (rows: readonly OutboxRow[]) => Promise<void>): Promise<number>;
}

/** Settings of the relay. */
export interface OutboxRelayOptions {
  store: OutboxStore;
  bus: EventBus;
  /** Topic to publish to. */
  topic: string;
  /** Rows per round (default 100). */
  batchSize?: number | undefined;
  /** Pause when the outbox is empty, in ms (default 100: end-to-end latency stays well under a second). */
  pollIntervalMs?: number | undefined;
  /** Longest pause after repeated failures, in ms (default 10 000). */
  maxBackoffMs?: number | undefined;
  logger: Logger;
}

/** A running relay. */
export interface OutboxRelay {
  /** Starts the next round now (a change was just committed). */
  wake(): void;
  /** Stops after the round in flight. */
  stop(): Promise<void>;
}

/**
 * The Kafka message of an outbox row: keyed by the row's key, so its events share a partition and
 * stay in order; the envelope travels in the EVENT_HEADERS.
 * @param row - the outbox row
 */
export function outboxMessageOf(row: OutboxRow): OutgoingEvent {
  const version = typeof row.payload === 'object' && row.payload !== null && 'version' in row.payload ? String(row.payload.version) : 'unknown';
  return {
    key: row.key,
    value: JSON.stringify(row.payload),
    headers: {
      [EVENT_HEADERS.eventId]: row.id,
      [EVENT_HEADERS.eventType]: row.type,
      [EVENT_HEADERS.schemaVersion]: version,
      [EVENT_HEADERS.sequence]: row.sequence.toString(),
      // eslint-disable-next-line house/conditional-spread -- Kafka headers: an absent traceparent must not be sent as "undefined"
      ...(row.traceParent ? { traceparent: row.traceParent } : {}),
    },
  };
}

/**
 * One round: publishes up to batchSize rows; resolves to how many were published.
 * @param options - store, bus, topic, batch size
 */
export function relayOnce(options: Pick<OutboxRelayOptions, 'store' | 'bus' | 'topic' | 'batchSize'>): Promise<number> {
  return options.store.relayBatch(options.batchSize ?? 100, (rows) => options.bus.publish(options.topic, rows.map(outboxMessageOf)));
}

/**
 * Starts the relay loop: a full batch means more may be waiting, so it goes again at once.
 * @param options - store, bus, topic, timing, logger
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ source: 'OutboxRelay', topic: options.topic });
  return startPollLoop({
    name: 'outbox-relay',
    tick: async () => {
      const published = await relayOnce(options);
      if (published > 0) log.debug({ published }, 'outbox rows published');
      return published >= (options.batchSize ?? 100);
    },
    idleMs: options.pollIntervalMs ?? 100,
    maxErrorBackoffMs: options.maxBackoffMs ?? 10_000,
    logger: log,
    failedMessage: 'outbox relay round failed; rows stay unpublished',
  });
}
