/** ReceivedEventRepository on Prisma (schema `notifications`: received_events, deliveries). */
import type { PrismaClient } from '@hospital/db';
import type { DeliveryDraft, ReceivedEventRepository, ReceivedEnvelope } from './received-event-repository.ts';

/** Longest raw payload kept for a poison event. */
const MAX_POISON_PAYLOAD = 64 * 1024;

/** Received events and new deliveries stored by Prisma. */
export class PrismaReceivedEventRepository implements ReceivedEventRepository {
  /** @param db - the Prisma client (transactions are opened here) */
  constructor(private readonly db: PrismaClient) {}

  async findReceived(eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows = await this.db.notificationReceivedEvent.findMany({ where: { eventId: { in: [...eventIds] } }, select: { eventId: true } });
    return new Set(rows.map((row) => row.eventId));
  }

  async recordProcessed(event: ReceivedEnvelope, drafts: readonly DeliveryDraft[]): Promise<number> {
    return this.db.$transaction(async (tx) => {
      // ON CONFLICT DO NOTHING on both: a second consumer (or a redelivery after a crash) that
      // gets here waits for the first one's commit, then adds nothing.
      await tx.notificationReceivedEvent.createMany({
        data: [{ ...envelopeData(event), outcome: 'processed' }],
        skipDuplicates: true,
      });
      if (drafts.length === 0) return 0;
      const { count } = await tx.notificationDelivery.createMany({ data: [...drafts], skipDuplicates: true });
      return count;
    });
  }

  async recordPoison(event: ReceivedEnvelope, reason: string, payload: string): Promise<void> {
    await this.db.notificationReceivedEvent.createMany({
      data: [{ ...envelopeData(event), outcome: 'poison', error: reason, payload: payload.slice(0, MAX_POISON_PAYLOAD) }],
      skipDuplicates: true,
    });
  }
}

function envelopeData(event: ReceivedEnvelope) {
  // int64 travels as a string; anything else is the producer's bug, not a reason to block the stream.
  const sequence = /^-?\d{1,19}$/.test(event.sequence) ? BigInt(event.sequence) : 0n;
  return { eventId: event.eventId, sequence, eventType: event.eventType.slice(0, 64), appointmentId: event.appointmentId };
}
