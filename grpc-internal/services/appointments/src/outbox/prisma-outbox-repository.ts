/** OutboxRepository on Prisma: appointments.outbox_events anti-joined with event_deliveries. */
import type { DbClient } from '@hospital/db';
import type { OutboxRepository, OutboxEventRecord } from './outbox-repository.ts';

interface EventRow {
  id: string;
  sequence: bigint;
  type: string;
  appointment_id: string;
  occurred_at: Date;
  payload: unknown;
}

/** Event deliveries stored by Prisma. */
export class PrismaOutboxRepository implements OutboxRepository {
  /** @param db - the Prisma client */
  constructor(private readonly db: DbClient) {}

  async pull(consumer: string, max: number): Promise<OutboxEventRecord[]> {
    // Walks outbox_events in sequence order and skips what the consumer acknowledged (one
    // primary-key probe per row): every committed, unacknowledged event is found, however late
    // it committed.
    const rows = await this.db.$queryRaw<EventRow[]>`
      SELECT e.id::text AS id, e.sequence, e.type, e.appointment_id::text AS appointment_id, e.occurred_at, e.payload
        FROM appointments.outbox_events e
       WHERE NOT EXISTS (SELECT 1 FROM appointments.event_deliveries d WHERE d.consumer = ${consumer} AND d.event_id = e.id)
       ORDER BY e.sequence
       LIMIT ${max}`;
    return rows.map((row) => ({
      id: row.id,
      sequence: row.sequence,
      type: row.type,
      appointmentId: row.appointment_id,
      occurredAt: row.occurred_at,
      payload: row.payload,
    }));
  }

  async ack(consumer: string, eventIds: readonly string[]): Promise<number> {
    if (eventIds.length === 0) return 0;
    // Selecting from outbox_events drops unknown ids; ON CONFLICT makes a repeat a no-op, so
    // the count says how many acknowledgements are new.
    return this.db.$executeRaw`
      INSERT INTO appointments.event_deliveries (consumer, event_id, acknowledged_at)
      SELECT ${consumer}, e.id, now() FROM appointments.outbox_events e WHERE e.id = ANY(${[...new Set(eventIds)]}::uuid[])
      ON CONFLICT (consumer, event_id) DO NOTHING`;
  }
}
