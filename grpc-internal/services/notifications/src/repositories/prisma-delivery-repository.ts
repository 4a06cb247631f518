/** DeliveryRepository on Prisma (schema `notifications`: deliveries, delivery_attempts). */
import { keysetWhere } from '@hospital/service-kit';
import { Prisma, type PrismaClient } from '@hospital/db';
import type { ChannelName } from '../channels/notification-channel.ts';
import type { AttemptResult, ClaimedDelivery, DeliveryPosition, DeliveryRecord, DeliveryRepository, DeliveryState } from './delivery-repository.ts';

interface ClaimRow {
  id: string;
  channel: ChannelName;
  recipient_id: string;
  address: string | null;
  subject: string;
  body: string;
  event_type: string;
  appointment_id: string | null;
  lab_order_id: string | null;
  attempt_count: number;
}

/** Milliseconds from the database clock, so every instance schedules on one clock. */
const fromNow = (ms: number) => Prisma.sql`now() + (${Math.max(0, Math.round(ms))}::int * interval '1 millisecond')`;

/** The delivery outbox stored by Prisma. */
export class PrismaDeliveryRepository implements DeliveryRepository {
  /** @param db - the Prisma client */
  constructor(private readonly db: PrismaClient) {}

  async claimDue(query: { limit: number; channels: readonly ChannelName[]; leaseMs: number }): Promise<ClaimedDelivery[]> {
    if (query.channels.length === 0 || query.limit <= 0) return [];
    // One statement: lock the due rows no other sender holds (SKIP LOCKED), take the attempt and
    // push the due time ahead as a lease. The lock ends with the statement; the lease keeps
    // other senders away while this one talks to the channel, and expires if it dies.
    const rows = await this.db.$queryRaw<ClaimRow[]>`
      WITH due AS (
        SELECT id FROM notifications.deliveries
         WHERE status = 'pending' AND next_attempt_at <= now() AND channel::text = ANY(${[...query.channels]}::text[])
         ORDER BY next_attempt_at, id
         LIMIT ${query.limit}
         FOR UPDATE SKIP LOCKED)
      UPDATE notifications.deliveries AS d
         SET attempt_count = d.attempt_count + 1, next_attempt_at = ${fromNow(query.leaseMs)}, updated_at = now()
        FROM due
       WHERE d.id = due.id
      RETURNING d.id::text AS id, d.channel::text AS channel, d.recipient_id::text AS recipient_id, d.address, d.subject, d.body,
                d.event_type, d.appointment_id::text AS appointment_id,
                d.lab_order_id::text AS lab_order_id, d.attempt_count`;
    return rows.map((row) => ({
      deliveryId: row.id,
      channel: row.channel,
      recipientId: row.recipient_id,
      address: row.address,
      subject: row.subject,
      body: row.body,
      eventType: row.event_type,
      appointmentId: row.appointment_id,
      labOrderId: row.lab_order_id,
      attempt: row.attempt_count,
    }));
  }

  async recordAttempt(delivery: Pick<ClaimedDelivery, 'deliveryId' | 'attempt'>, result: AttemptResult): Promise<boolean> {
    const error = result.outcome === 'sent' ? null : result.error;
    const retrying = result.outcome === 'failed' && result.retryInMs !== null;
    const status: DeliveryState = retrying ? 'pending' : result.outcome;
    const next = result.outcome === 'failed' && result.retryInMs !== null ? fromNow(result.retryInMs) : Prisma.sql`NULL`;
    return this.db.$transaction(async (tx) => {
      // Every attempt is recorded, even one whose lease ran out (it did happen).
      await tx.notificationDeliveryAttempt.createMany({
        data: [{ deliveryId: delivery.deliveryId, number: delivery.attempt, outcome: result.outcome, error }],
        skipDuplicates: true,
      });
      // Only the current claim moves the delivery on: a stale one must not undo a newer attempt.
      const updated = await tx.$executeRaw`
        UPDATE notifications.deliveries
           SET status = ${status}::notifications."NotificationDeliveryStatus",
               next_attempt_at = ${next},
               last_error = COALESCE(${error}::text, last_error),
               sent_at = ${status === 'sent' ? Prisma.sql`now()` : Prisma.sql`NULL`},
               updated_at = now()
         WHERE id = ${delivery.deliveryId}::uuid AND attempt_count = ${delivery.attempt} AND status = 'pending'`;
      return updated === 1;
    });
  }

  async list(query: { status?: DeliveryState; after?: DeliveryPosition; limit: number }): Promise<DeliveryRecord[]> {
    const after = query.after;
    const rows = await this.db.notificationDelivery.findMany({
      where: {
        status: query.status,
        ...keysetWhere('createdAt', after, 'desc'),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
      include: { attempts: { orderBy: { number: 'asc' } } },
    });
    return rows.map((row) => ({
      id: row.id,
      eventId: row.eventId,
      eventType: row.eventType,
      appointmentId: row.appointmentId,
      channel: row.channel,
      recipientKind: row.recipientKind,
      recipientId: row.recipientId,
      address: row.address,
      status: row.status,
      attemptCount: row.attemptCount,
      nextAttemptAt: row.nextAttemptAt,
      lastError: row.lastError,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      attempts: row.attempts.map((a) => ({ number: a.number, outcome: a.outcome, error: a.error, attemptedAt: a.attemptedAt })),
    }));
  }

  async count(query: { status?: DeliveryState }): Promise<number> {
    return this.db.notificationDelivery.count({ where: query.status ? { status: query.status } : {} });
  }
}
