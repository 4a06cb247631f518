import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServerUrl } from '../../../test/helpers.ts';
import { createPrismaClient, type PrismaClient } from '../prisma-client.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { seedDemoData } from './seed-demo-data.ts';
import { seedWardDemo } from './ward-demo.ts';

// A database of its own: the seeder only fills empty ward tables, and the shared one holds
// other tests' wards.
describe('seedWardDemo', () => {
  let database: TestDatabase;
  let db: PrismaClient;
  const today = new Date('2026-11-24T12:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: testServerUrl() });
    db = createPrismaClient(database.url, { poolSize: 2 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('seeds wards with beds ~60% occupied by demo patients and the nurse\'s two wards once, through seedDemoData, then changes nothing', async () => {
    await seedDemoData(db, { password: 'demo-password-for-tests', patientCount: 150, today });
    const wards = await db.ward.findMany({ include: { beds: true } });
    expect(wards.map((w) => w.code).sort()).toEqual(['CARD', 'GEN-MED', 'PAED', 'SURG']);
    const active = await db.admission.findMany({ where: { dischargedAt: null } });
    const beds = wards.flatMap((w) => w.beds);
    expect(active.length / beds.length).toBeGreaterThan(0.5);
    expect(active.length / beds.length).toBeLessThan(0.7);
    const all = await db.admission.findMany();
    expect(new Set(all.map((a) => a.patientId)).size).toBe(all.length);
    const nurse = await db.user.findUniqueOrThrow({ where: { email: 'ward@hospital.local' } });
    expect(all.every((a) => a.admittedBy === nurse.id)).toBe(true);
    expect(await db.transfer.count()).toBe(1);
    // The nurse works on two wards (ward staff see only their assigned wards).
    const assigned = await db.staffAssignment.findMany({ where: { userId: nurse.id }, include: { ward: true } });
    expect(assigned.map((a) => a.ward.code).sort()).toEqual(['GEN-MED', 'SURG']);

    const before = await db.admission.findMany({ orderBy: { id: 'asc' } });
    expect(await seedWardDemo(db, { today })).toEqual({ wardsCreated: 0, bedsCreated: 0, admissionsCreated: 0, assignmentsCreated: 0 });
    expect(await db.admission.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    // A database seeded before assignments existed gets the nurse's wards on the next run.
    await db.staffAssignment.deleteMany({ where: { userId: nurse.id } });
    expect((await seedWardDemo(db, { today })).assignmentsCreated).toBe(2);
  });
});
