/**
 * The write side of the clinical outbox: one row per clinical event, inserted with the transaction
 * client of the change it reports, so the event commits or rolls back together with it. The relay
 * (service kit + @hospital/db PrismaOutboxStore, started when KAFKA_BROKERS is set) ships the rows.
 */
import type { Prisma } from '@hospital/db';
import type { ClinicalEventV1 } from '@hospital/grpc-contracts';
import { currentTraceparent } from '@hospital/service-kit';

/**
 * Inserts an event into clinical.outbox_events inside the caller's transaction.
 * @param tx - the transaction client of the change the event reports
 * @param event - the versioned payload (its eventId is the row id)
 */
export async function writeClinicalEvent(tx: Prisma.TransactionClient, event: ClinicalEventV1): Promise<void> {
  await tx.clinicalOutboxEvent.create({
    data: {
      id: event.eventId,
      patientId: event.patientId,
      type: event.type,
      payload: event,
      occurredAt: new Date(event.occurredAt),
      // The request's trace, for the consumers' span links (undefined with tracing off).
      traceParent: currentTraceparent() ?? null,
    },
  });
}
