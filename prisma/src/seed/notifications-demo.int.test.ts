import { describe, expect, it } from 'vitest';
import { useSeededDemoDatabase } from './testing/seeded-demo-database.ts';
import { seedNotificationsDemo } from './notifications-demo.ts';

// A database of its own: the seeder only fills an empty inbox table, and the shared one holds
// other tests' notifications.
describe('seedNotificationsDemo', () => {
  const today = new Date('2026-11-24T06:00:00Z');
  const own = useSeededDemoDatabase({ patientCount: 150, today });

  it('fills the demo doctor inbox through seedDemoData once, one read, then changes nothing', async () => {
    const doctor = await own.db.user.findUniqueOrThrow({ where: { email: 'doctor@hospital.local' } });
    const inbox = await own.db.notification.findMany({ where: { userId: doctor.id }, include: { delivery: { include: { attempts: true } } }, orderBy: { createdAt: 'asc' } });
    expect(inbox.length).toBeGreaterThan(0);
    expect(inbox.length).toBeLessThanOrEqual(5);
    expect(inbox.filter((n) => n.readAt !== null)).toHaveLength(1);
    for (const n of inbox) {
      // No patient and no clinical detail in a message: both are read through the appointment.
      expect(n.body).toMatch(/^New appointment: \w{3},? \d{1,2} \w{3} 2026, \d{2}:\d{2}–\d{2}:\d{2}[^.]*\.$/);
      expect(n.delivery).toMatchObject({ channel: 'in_app', status: 'sent', attempts: [{ number: 1, outcome: 'sent' }] });
    }

    expect(await seedNotificationsDemo(own.db, { today })).toEqual({ notificationsCreated: 0 });
    expect(await own.db.notification.count()).toBe(inbox.length);
  });
});
