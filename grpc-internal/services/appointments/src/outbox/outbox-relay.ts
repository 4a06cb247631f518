/**
 * The appointments outbox relay: the one relay of the service kit (outbox-relay.ts: rounds,
 * ordering per key, at-least-once delivery) over appointments.outbox_events through
 * `@hospital/db`'s PrismaOutboxStore, keyed by appointment id.
 */
import { APPOINTMENTS_OUTBOX, PrismaOutboxStore, type PrismaClient } from '@hospital/db';
import { startOutboxRelay as startRelay, type OutboxRelay, type OutboxRelayOptions } from '@hospital/service-kit/kafka';

export type { OutboxRelay } from '@hospital/service-kit/kafka';

/**
 * Starts the relay of the appointments outbox.
 * @param options - the database, bus, topic, timing and logger
 */
export function startOutboxRelay(options: Omit<OutboxRelayOptions, 'store'> & { db: PrismaClient }): OutboxRelay {
  const { db, ...relay } = options;
  return startRelay({ ...relay, store: new PrismaOutboxStore(db, APPOINTMENTS_OUTBOX) });
}
