/**
 * Header names of an event published from a transactional outbox. They are the envelope
 * consumers de-duplicate and route by without parsing the payload; producer and consumers share
 * them through this kit, never through each other's code.
 */
export const EVENT_HEADERS = {
  /** The event's UUID (= the outbox row id): consumers de-duplicate on it. */
  eventId: 'x-event-id',
  /** The event type, e.g. BOOKED. */
  eventType: 'x-event-type',
  /** The payload's schema version, e.g. "1". */
  schemaVersion: 'x-schema-version',
  /** The producer's outbox sequence (int64 as text): insertion order, for diagnostics. */
  sequence: 'x-outbox-sequence',
} as const;
