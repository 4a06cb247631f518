/**
 * The notifications rows of the role table, walked through the router. markNotificationRead is
 * walked separately: every role marks a notification of its own (someone else's would be
 * NOT_FOUND by design), seeded as the in-app channel stores it.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '@hospital/db';
import type { RoleName } from '@hospital/service-kit';
import { describeRoleTable, EVERY_ROLE, type RoleRow } from './role-table.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { systemWithDatabase } from '../support/system-database.ts';

let system: TestSystem;
let db: PrismaClient;

const ROWS: RoleRow[] = [
  {
    name: 'query myNotifications',
    allowed: EVERY_ROLE,
    query: '{ myNotifications(first: 5, unreadOnly: false) { totalCount edges { node { id title readAt } } } }',
  },
  { name: 'query unreadNotificationCount', allowed: EVERY_ROLE, query: '{ unreadNotificationCount }' },
  {
    name: 'query notificationDeliveries',
    allowed: ['admin'],
    query: '{ notificationDeliveries(status: SENT, first: 5) { totalCount edges { node { id channel status attempts { number outcome } } } } }',
  },
];

/** An in-app notification for a user, as the in-app channel stores it (with its delivery). */
async function seedNotification(userId: string): Promise<string> {
  const appointmentId = randomUUID();
  const delivery = await db.notificationDelivery.create({
    data: {
      eventId: randomUUID(),
      eventType: 'BOOKED',
      appointmentId,
      channel: 'in_app',
      recipientKind: 'doctor',
      recipientId: userId,
      subject: 'New appointment',
      body: 'Role table',
      status: 'sent',
      attemptCount: 1,
      nextAttemptAt: null,
      sentAt: new Date(),
    },
  });
  const notification = await db.notification.create({
    data: { userId, deliveryId: delivery.id, eventType: 'BOOKED', appointmentId, title: 'New appointment', body: 'Role table' },
  });
  return notification.id;
}

systemWithDatabase((running) => ({ system, db } = running), 2);

describeRoleTable(() => system, ROWS);

describe('mutation markNotificationRead', () => {
  const MARK = 'mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }';

  it.each(EVERY_ROLE)('as %s (own notification)', async (role: RoleName) => {
    const id = await seedNotification(system.accounts[role].id);
    const result = await system.gql<{ markNotificationRead: { id: string; readAt: string } }>(MARK, { id }, await system.tokenFor(role));
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data?.markNotificationRead.id).toBe(id);
  });

  it('as anonymous', async () => {
    const id = await seedNotification(system.accounts.doctor.id);
    const result = await system.gql(MARK, { id });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });
});
