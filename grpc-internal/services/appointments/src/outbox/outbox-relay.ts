/**
 * The outbox relay: ships committed rows of appointments.outbox_events to Kafka, in sequence
 * order, and marks them published only after the broker acknowledged them (acks = all).
 *
 * One round is one transaction: lock the oldest unpublished rows with FOR UPDATE SKIP LOCKED,
 * publish them, set published_at, commit. A failed publish rolls back (the rows stay unpublished)
 * and the next round retries after a growing pause, so nothing is ever dropped. SKIP LOCKED lets
 * several relays (replicas) run at once without two of them shipping the same row concurrently;
 * a relay also holds back an appointment's rows while another relay holds an earlier one of it,
 * so each appointment's events reach the topic in order.
 * A crash between the broker's ack and the commit ships those rows again on restart: delivery is
 * at least once, and consumers de-duplicate by the event id header.
 */
import type { PrismaClient } from '@hospital/db';
import { startPollLoop, type Logger } from '@hospital/service-kit';
import { EVENT_HEADERS, type EventBus, type OutgoingEvent } from '@hospital/service-kit/kafka';

/** Settings of the relay. */
export interface OutboxRelayOptions {
  db: PrismaClient;
  bus: EventBus;
  /** Topic to publish to. */
  topic: string;
  /** Rows per round (default 100). */
  batchSize?: number;
  /** Pause when the outbox is empty, in ms (default 100: end-to-end latency stays well under a second). */
  pollIntervalMs?: number;
  /** Longest pause after repeated failures, in ms (default 10 000). */
  maxBackoffMs?: number;
  logger: Logger;
}

/** A running relay. */
export interface OutboxRelay {
  /** Starts the next round now (a change was just committed). */
  wake(): void;
  /** Stops after the round in flight. */
  stop(): Promise<void>;
}

/** An outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  sequence: bigint;
  appointment_id: string;
  type: string;
  payload: unknown;
  /** The writing request's W3C traceparent (tracing on), else null. */
  trace_parent?: string | null;
}

/**
 * The Kafka message of an outbox row: keyed by appointment, so one appointment's events share a
 * partition and stay in order.
 * @param row - the outbox row
 */
export function outboxMessageOf(row: OutboxRow): OutgoingEvent {
  const version = typeof row.payload === 'object' && row.payload !== null && 'version' in row.payload ? String(row.payload.version) : 'unknown';
  return {
    key: row.appointment_id,
    value: JSON.stringify(row.payload),
    headers: {
      [EVENT_HEADERS.eventId]: row.id,
      [EVENT_HEADERS.eventType]: row.type,
      [EVENT_HEADERS.schemaVersion]: version,
      [EVENT_HEADERS.sequence]: row.sequence.toString(),
      ...(row.trace_parent ? { traceparent: row.trace_parent } : {}),
    },
  };
}

/**
 * One round: publishes up to batchSize rows; resolves to how many were published.
 * @param options - database, bus, topic, batch size
 */
export async function relayOnce(options: Pick<OutboxRelayOptions, 'db' | 'bus' | 'topic' | 'batchSize'>): Promise<number> {
  const limit = options.batchSize ?? 100;
  return options.db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT id::text AS id, sequence, appointment_id::text AS appointment_id, type, payload, trace_parent
          FROM appointments.outbox_events
         WHERE published_at IS NULL
         ORDER BY sequence
         LIMIT ${limit}
           FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      // Another relay may hold an earlier row of the same appointment (we skipped its lock):
      // shipping ours first would reorder that appointment's events, so leave them for later.
      const blocked = await tx.$queryRaw<{ appointment_id: string }[]>`
        SELECT DISTINCT o.appointment_id::text AS appointment_id
          FROM appointments.outbox_events o
          JOIN unnest(${rows.map((r) => r.appointment_id)}::uuid[], ${rows.map((r) => r.sequence.toString())}::bigint[]) AS mine(appointment_id, sequence)
            ON mine.appointment_id = o.appointment_id
         WHERE o.published_at IS NULL
           AND o.sequence < mine.sequence
           AND o.id <> ALL(${rows.map((r) => r.id)}::uuid[])`;
      const skip = new Set(blocked.map((b) => b.appointment_id));
      const ready = rows.filter((r) => !skip.has(r.appointment_id));
      if (ready.length === 0) return 0;
      // Throws unless every message was acknowledged: the transaction then rolls back.
      await options.bus.publish(options.topic, ready.map(outboxMessageOf));
      await tx.$executeRaw`UPDATE appointments.outbox_events SET published_at = now() WHERE id = ANY(${ready.map((r) => r.id)}::uuid[])`;
      return ready.length;
    },
    // The publish retries for a while when the broker is away; the transaction must outlive those
    // retries, or a late ack would find its rows rolled back and ship them a second time.
    { maxWait: 10_000, timeout: 120_000 },
  );
}

/**
 * Starts the relay loop: a full batch means more may be waiting, so it goes again at once.
 * @param options - database, bus, topic, timing, logger
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ source: 'OutboxRelay' });
  return startPollLoop({
    name: 'outbox-relay',
    tick: async () => {
      const published = await relayOnce(options);
      if (published > 0) log.debug({ published, topic: options.topic }, 'outbox rows published');
      return published >= (options.batchSize ?? 100);
    },
    idleMs: options.pollIntervalMs ?? 100,
    maxErrorBackoffMs: options.maxBackoffMs ?? 10_000,
    logger: log,
    failedMessage: 'outbox relay round failed; rows stay unpublished',
  });
}
