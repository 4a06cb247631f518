/**
 * Notifications written before in-app messages stopped carrying the visit reason and the patient:
 * the migrations 20261206110000_notifications_without_visit_reason and
 * 20261206110300_notifications_without_patient remove the "Reason: …" line and the patient's name
 * and MRN from the inbox and from the in-app deliveries' copies, and leave every other message as
 * it was.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { testDatabaseUrl } from '../../../../test/helpers.ts';

const MIGRATIONS = ['20261206110000_notifications_without_visit_reason', '20261206110300_notifications_without_patient'].map((name) =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../prisma/migrations', name, 'migration.sql'),
);

let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(testDatabaseUrl());
});
afterAll(() => db?.$disconnect());

/** Stores one delivery (and, for in-app, its inbox row) as the service did before the change. */
async function stored(channel: 'in_app' | 'email', body: string): Promise<{ deliveryId: string; notificationId: string | undefined }> {
  const delivery = await db.notificationDelivery.create({
    data: {
      eventId: randomUUID(),
      eventType: 'BOOKED',
      appointmentId: randomUUID(),
      channel,
      recipientKind: 'doctor',
      recipientId: randomUUID(),
      address: channel === 'email' ? 'dr@example.org' : null,
      subject: 'New appointment',
      body,
      status: 'sent',
      sentAt: new Date(),
      nextAttemptAt: null,
    },
  });
  if (channel !== 'in_app') return { deliveryId: delivery.id, notificationId: undefined };
  const notification = await db.notification.create({
    data: { userId: delivery.recipientId, deliveryId: delivery.id, eventType: 'BOOKED', appointmentId: delivery.appointmentId, title: 'New appointment', body },
  });
  return { deliveryId: delivery.id, notificationId: notification.id };
}

describe('old in-app notifications', () => {
  it('lose their visit reason and patient and keep the rest; other messages are untouched', async () => {
    const old = await stored('in_app', 'New appointment: Ada Lovelace (MRN-000123), Wed 25 Nov 2026, 09:30–10:00 GMT.\nReason: Suspected fracture');
    const email = await stored('email', 'New appointment: the appointment on Wed.\n\nOpen the hospital app for the details.\n');
    const unnamed = await stored('in_app', 'Appointment cancelled: a patient, Wed 25 Nov 2026, 09:30–10:00 GMT.');
    const moved = await stored('in_app', "Appointment rescheduled: Mary-Jane O'Brien (MRN-000042), Thu 26 Nov 2026, 10:00–10:30 GMT (was Wed 25 Nov 2026, 09:30–10:00 GMT).");
    const clean = await stored('in_app', 'Patient checked in: Wed 25 Nov 2026, 09:30–10:00 GMT.');
    for (const migration of MIGRATIONS) {
      for (const statement of readFileSync(migration, 'utf8')
        .split(/;\s*$/m)
        .filter((sql) => sql.replace(/--.*$/gm, '').trim())) {
        await db.$executeRawUnsafe(statement);
      }
    }
    const body = async (row: { notificationId: string | undefined }) => (await db.notification.findUniqueOrThrow({ where: { id: row.notificationId! } })).body;
    expect(await body(old)).toBe('New appointment: Wed 25 Nov 2026, 09:30–10:00 GMT.');
    expect((await db.notificationDelivery.findUniqueOrThrow({ where: { id: old.deliveryId } })).body).toBe('New appointment: Wed 25 Nov 2026, 09:30–10:00 GMT.');
    expect(await body(unnamed)).toBe('Appointment cancelled: Wed 25 Nov 2026, 09:30–10:00 GMT.');
    expect(await body(moved)).toBe('Appointment rescheduled: Thu 26 Nov 2026, 10:00–10:30 GMT (was Wed 25 Nov 2026, 09:30–10:00 GMT).');
    expect((await db.notificationDelivery.findUniqueOrThrow({ where: { id: email.deliveryId } })).body).toBe(
      'New appointment: the appointment on Wed.\n\nOpen the hospital app for the details.\n',
    );
    expect(await body(clean)).toBe('Patient checked in: Wed 25 Nov 2026, 09:30–10:00 GMT.');
  });
});
