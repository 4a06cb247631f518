import { describe, expect, it } from 'vitest';
import { useSeededDemoDatabase } from './testing/seeded-demo-database.ts';
import { seedWardDemo } from './ward-demo.ts';

// A database of its own: the seeder only fills empty ward tables, and the shared one holds
// other tests' wards.
describe('seedWardDemo', () => {
  const today = new Date('2026-11-24T12:00:00Z');
  const own = useSeededDemoDatabase({ patientCount: 150, today });

  it("seeds wards with beds ~60% occupied by demo patients and the nurse's two wards once, through seedDemoData, then changes nothing", async () => {
    const wards = await own.db.ward.findMany({ include: { beds: true } });
    expect(wards.map((w) => w.code).sort()).toEqual(['CARD', 'GEN-MED', 'PAED', 'SURG']);
    const active = await own.db.admission.findMany({ where: { dischargedAt: null } });
    const beds = wards.flatMap((w) => w.beds);
    expect(active.length / beds.length).toBeGreaterThan(0.5);
    expect(active.length / beds.length).toBeLessThan(0.7);
    const all = await own.db.admission.findMany();
    expect(new Set(all.map((a) => a.patientId)).size).toBe(all.length);
    const nurse = await own.db.user.findUniqueOrThrow({ where: { email: 'ward@hospital.local' } });
    expect(all.every((a) => a.admittedBy === nurse.id)).toBe(true);
    expect(await own.db.transfer.count()).toBe(1);
    // The nurse works on two wards (ward staff see only their assigned wards).
    const assigned = await own.db.staffAssignment.findMany({ where: { userId: nurse.id }, include: { ward: true } });
    expect(assigned.map((a) => a.ward.code).sort()).toEqual(['GEN-MED', 'SURG']);

    const before = await own.db.admission.findMany({ orderBy: { id: 'asc' } });
    expect(await seedWardDemo(own.db, { today })).toEqual({ wardsCreated: 0, bedsCreated: 0, admissionsCreated: 0, assignmentsCreated: 0 });
    expect(await own.db.admission.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    // A database seeded before assignments existed gets the nurse's wards on the next run.
    await own.db.staffAssignment.deleteMany({ where: { userId: nurse.id } });
    expect((await seedWardDemo(own.db, { today })).assignmentsCreated).toBe(2);
  });
});
