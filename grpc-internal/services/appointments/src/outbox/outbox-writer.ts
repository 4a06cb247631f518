/**
 * The write side of the transactional outbox: one row per appointment change, inserted with the
 * transaction client of that change, so the event commits or rolls back together with it.
 * The Kafka relay (outbox-relay.ts, when KAFKA_BROKERS is set) and PullEvents read these rows.
 */
import type { Prisma } from '@hospital/db';
import type { AppointmentEventV1 } from '@hospital/grpc-contracts';
import { currentTraceparent } from '@hospital/service-kit';

/**
 * Inserts an event into appointments.outbox_events inside the caller's transaction.
 * @param tx - the transaction client of the change the event reports
 * @param event - the versioned payload (its eventId is the row id)
 */
export async function writeOutboxEvent(tx: Prisma.TransactionClient, event: AppointmentEventV1): Promise<void> {
  await tx.outboxEvent.create({
    data: {
      id: event.eventId,
      appointmentId: event.appointment.id,
      type: event.type,
      payload: event,
      occurredAt: new Date(event.occurredAt),
      // The request's trace, for the consumers' span links (undefined with tracing off).
      traceParent: currentTraceparent() ?? null,
    },
  });
}
