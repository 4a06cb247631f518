/** InboxRepository on Prisma (schema `notifications`, table `notifications`). */
import { keysetWhere } from '@hospital/service-kit';
import type { PrismaClient } from '@hospital/db';
import type { InboxEntry, InboxNotification, InboxPosition, InboxRepository } from './inbox-repository.ts';

const FIELDS = { id: true, userId: true, eventType: true, appointmentId: true, labOrderId: true, title: true, body: true, createdAt: true, readAt: true } as const;

/** The in-app inbox stored by Prisma. */
export class PrismaInboxRepository implements InboxRepository {
  /** @param db - the Prisma client */
  constructor(private readonly db: PrismaClient) {}

  async deliver(entry: InboxEntry): Promise<void> {
    // delivery_id is unique: a retried in-app delivery (lease expired mid-way) adds nothing.
    await this.db.notification.createMany({ data: [entry], skipDuplicates: true });
  }

  listForUser(query: { userId: string; unreadOnly: boolean; after?: InboxPosition; limit: number }): Promise<InboxNotification[]> {
    const after = query.after;
    return this.db.notification.findMany({
      where: {
        userId: query.userId,
        // null is IS NULL to Prisma; undefined is no condition.
        readAt: query.unreadOnly ? null : undefined,
        ...keysetWhere('createdAt', after, 'desc'),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
      select: FIELDS,
    });
  }

  countForUser(query: { userId: string; unreadOnly: boolean }): Promise<number> {
    return this.db.notification.count({ where: { userId: query.userId, readAt: query.unreadOnly ? null : undefined } });
  }

  async findForUser(userId: string, ids: readonly string[]): Promise<InboxNotification[]> {
    if (ids.length === 0) return [];
    return this.db.notification.findMany({ where: { userId, id: { in: [...ids] } }, select: FIELDS });
  }

  async markRead(userId: string, id: string): Promise<InboxNotification | undefined> {
    // Only an unread notification of this user changes: read twice keeps the first time.
    await this.db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
    return (await this.db.notification.findFirst({ where: { id, userId }, select: FIELDS })) ?? undefined;
  }
}
