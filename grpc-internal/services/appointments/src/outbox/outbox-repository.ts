/**
 * The read side of the outbox for in-house pull consumers: the event path without Kafka
 * (KAFKA_BROKERS unset), where the relay does not run. Delivery is tracked per consumer and
 * event, never by a high-water mark: a sequence value is taken when a row is inserted, not when it commits, so a transaction that
 * commits late can land BELOW a mark a consumer has already passed. The anti-join against
 * event_deliveries still finds such a row on the next pull.
 */

/** An outbox event as pull consumers receive it. */
export interface OutboxEventRecord {
  /** Event UUID. */
  id: string;
  /** Insertion order (gaps possible, commit order not guaranteed). */
  sequence: bigint;
  /** BOOKED, RESCHEDULED, … */
  type: string;
  /** The appointment the event is about. */
  appointmentId: string;
  /** When the change happened. */
  occurredAt: Date;
  /** The versioned payload. */
  payload: unknown;
}

/** Storage of event deliveries. */
export interface OutboxRepository {
  /**
   * Events the consumer has not acknowledged, oldest (lowest sequence) first.
   * @param consumer - consumer name
   * @param max - most events to return
   */
  pull(consumer: string, max: number): Promise<OutboxEventRecord[]>;
  /**
   * Records acknowledgements; returns how many were new. Unknown and repeated ids are ignored.
   * @param consumer - consumer name
   * @param eventIds - event UUIDs
   */
  ack(consumer: string, eventIds: readonly string[]): Promise<number>;
}
