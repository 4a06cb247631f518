/**
 * Seeds the demo doctor's inbox: an in-app notification for each of their next few demo
 * appointments, as the notifications service would have delivered it (delivery row, one sent
 * attempt, the notification), so signing in as doctor@hospital.local shows a working bell. Only
 * into an empty inbox table; the oldest one is already read.
 */
import type { DemoSeedOptions } from './demo-seed-options.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Options for {@link seedNotificationsDemo}: `today` is the reference instant (the demo day's appointments are around it). */
export type SeedNotificationsDemoOptions = DemoSeedOptions & {
  /** IANA zone the times are written in (default Europe/London, as NOTIFY_TIME_ZONE). */
  timeZone?: string;
};

/** What {@link seedNotificationsDemo} did. */
export interface SeedNotificationsDemoResult {
  notificationsCreated: number;
}

/** Serialises concurrent seeders around the "table empty?" check (distinct from the other seed locks). */
const NOTIFICATIONS_SEED_LOCK_KEY = 72_602_029;
const DEMO_DOCTOR = 'doctor@hospital.local';
const MAX_NOTIFICATIONS = 5;

function slotText(startsAt: Date, endsAt: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(startsAt);
  const time = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${day}, ${time(startsAt)}–${time(endsAt)}`;
}

/**
 * Seeds the demo doctor's inbox once: nothing happens when any notification exists, or when the
 * demo doctor has no appointments.
 * @param db - Prisma client on a migrated database with the demo accounts, patients and appointments
 * @param options - reference instant, time zone, logger
 */
export async function seedNotificationsDemo(db: PrismaClient, options: SeedNotificationsDemoOptions): Promise<SeedNotificationsDemoResult> {
  const timeZone = options.timeZone ?? 'Europe/London';
  const result = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NOTIFICATIONS_SEED_LOCK_KEY})`;
      if ((await tx.notification.count()) > 0) return { notificationsCreated: 0 };
      const doctor = await tx.user.findUnique({ where: { email: DEMO_DOCTOR }, select: { id: true } });
      if (!doctor) return { notificationsCreated: 0 };
      const appointments = await tx.appointment.findMany({
        where: { doctorId: doctor.id, status: 'SCHEDULED' },
        orderBy: { startsAt: 'asc' },
        take: MAX_NOTIFICATIONS,
      });
      for (const [index, appointment] of appointments.entries()) {
        // As the notifications service writes them: no patient and no visit reason in a message.
        const body = `New appointment: ${slotText(appointment.startsAt, appointment.endsAt, timeZone)}.`;
        // Booked some hours before the reference instant, oldest first.
        const at = new Date(options.today.getTime() - (appointments.length - index) * 3_600_000);
        const delivery = await tx.notificationDelivery.create({
          data: {
            eventId: crypto.randomUUID(),
            eventType: 'BOOKED',
            appointmentId: appointment.id,
            channel: 'in_app',
            recipientKind: 'doctor',
            recipientId: doctor.id,
            subject: 'New appointment',
            body,
            status: 'sent',
            attemptCount: 1,
            nextAttemptAt: null,
            sentAt: at,
            createdAt: at,
            attempts: { create: { number: 1, outcome: 'sent', attemptedAt: at } },
          },
        });
        await tx.notification.create({
          data: {
            userId: doctor.id,
            deliveryId: delivery.id,
            eventType: 'BOOKED',
            appointmentId: appointment.id,
            title: 'New appointment',
            body,
            createdAt: at,
            readAt: index === 0 ? at : null,
          },
        });
      }
      return { notificationsCreated: appointments.length };
    },
    { timeout: 60_000 },
  );
  options.logger?.info(result, 'notifications demo data seeded');
  return result;
}
