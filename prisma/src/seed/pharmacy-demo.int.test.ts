import { describe, expect, it } from 'vitest';
import { useSeededDemoDatabase } from './testing/seeded-demo-database.ts';
import { DEMO_DRUGS } from './pharmacy-demo-catalogue.ts';
import { seedPharmacyDemo } from './pharmacy-demo.ts';

// A database of its own: the seeder only fills an empty catalogue, and the shared one holds
// other tests' drugs.
describe('seedPharmacyDemo', () => {
  const today = new Date('2026-11-24T12:00:00Z');
  const own = useSeededDemoDatabase({ patientCount: 60, today });
  const day = (offset: number) => new Date(Date.UTC(2026, 10, 24 + offset));

  it('stocks ~25 drugs in lots (some low, some expiring soon, one expired), with ledger rows, once', async () => {
    const drugs = await own.db.drug.findMany({ include: { lots: true } });
    expect(drugs.length).toBeGreaterThanOrEqual(25);
    expect(drugs.map((d) => d.name)).toEqual(expect.arrayContaining(['Paracetamol', 'Ibuprofen', 'Amoxicillin']));
    expect(drugs.every((d) => d.lots.length >= 1 && d.lots.length <= 3)).toBe(true);
    const lots = drugs.flatMap((d) => d.lots);
    expect(lots.filter((l) => l.expiresOn < day(0))).toHaveLength(1);
    expect(lots.filter((l) => l.expiresOn >= day(0) && l.expiresOn <= day(30)).length).toBeGreaterThanOrEqual(3);
    const onHand = (d: (typeof drugs)[number]) => d.lots.filter((l) => l.expiresOn >= day(0)).reduce((sum, l) => sum + l.quantity, 0);
    expect(drugs.filter((d) => onHand(d) < 20).length).toBeGreaterThanOrEqual(3);

    const pharmacist = await own.db.user.findUniqueOrThrow({ where: { email: 'pharmacist@hospital.local' } });
    const movements = await own.db.stockMovement.findMany();
    expect(movements).toHaveLength(lots.length);
    expect(movements.every((m) => m.kind === 'receive' && m.actorId === pharmacist.id)).toBe(true);

    const doctor = await own.db.user.findUniqueOrThrow({ where: { email: 'doctor@hospital.local' } });
    const prescriptions = await own.db.prescription.findMany({ orderBy: { prescribedAt: 'asc' } });
    expect(prescriptions.length).toBeGreaterThanOrEqual(4);
    expect(prescriptions.every((p) => p.status === 'pending' && p.prescriberId === doctor.id)).toBe(true);
    const patients = await own.db.patient.findMany({ where: { id: { in: prescriptions.map((p) => p.patientId) } } });
    expect(patients.every((p) => p.allergies.length === 0)).toBe(true);

    const before = await own.db.stockLot.findMany({ orderBy: { id: 'asc' } });
    expect(await seedPharmacyDemo(own.db, { today })).toEqual({ drugsCreated: 0, lotsCreated: 0, prescriptionsCreated: 0 });
    expect(await own.db.stockLot.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    expect(DEMO_DRUGS.length).toBe(drugs.length);
  });
});
