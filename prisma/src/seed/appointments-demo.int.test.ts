import { describe, expect, it } from 'vitest';
import { useSeededDemoDatabase } from './testing/seeded-demo-database.ts';
import { seedAppointmentsDemo } from './appointments-demo.ts';

// A database of its own: the seeder only fills an empty appointments table, and the shared one
// holds other tests' appointments.
describe('seedAppointmentsDemo', () => {
  const today = new Date('2026-11-24T12:00:00Z');
  const own = useSeededDemoDatabase({ patientCount: 150, today });

  it('seeds a day for the demo doctor through seedDemoData once, without outbox events, then changes nothing', async () => {
    const doctor = await own.db.user.findUniqueOrThrow({ where: { email: 'doctor@hospital.local' } });
    const day = await own.db.appointment.findMany({ where: { doctorId: doctor.id }, include: { statusChanges: true }, orderBy: { startsAt: 'asc' } });
    expect(day).toHaveLength(14);
    expect(day.every((a) => a.startsAt.toISOString().startsWith('2026-11-24'))).toBe(true);
    expect(new Set(day.map((a) => a.status)).size).toBe(5);
    expect(day.every((a) => a.statusChanges.length >= 1)).toBe(true);
    expect(await own.db.appointment.count()).toBe(20);
    expect(await own.db.outboxEvent.count()).toBe(0);

    const before = await own.db.appointment.findMany({ orderBy: { id: 'asc' } });
    expect(await seedAppointmentsDemo(own.db, { today })).toEqual({ appointmentsCreated: 0 });
    expect(await own.db.appointment.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});
