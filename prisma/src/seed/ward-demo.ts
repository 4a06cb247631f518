/**
 * Seeds the demo wards, beds and stays (see ward-demo-plan.ts) into empty ward tables. Patients
 * are taken from the patients table in MRN order, and admissions are recorded by the demo ward
 * nurse; discharges by the demo doctor. The nurse is assigned to General Medicine and Surgery
 * (ward staff see only the wards they are assigned to).
 */
import type { DemoSeedOptions } from './demo-seed-options.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { DEMO_WARDS, planWardStays } from './ward-demo-plan.ts';

/** Options for {@link seedWardDemo}: `today` is the reference instant (admissions lie in the days before it). */
export type SeedWardDemoOptions = DemoSeedOptions;

/** What {@link seedWardDemo} did. */
export interface SeedWardDemoResult {
  wardsCreated: number;
  bedsCreated: number;
  admissionsCreated: number;
  /** Assignments of the demo ward nurse made by this run (0 when she already had some). */
  assignmentsCreated: number;
}

/** Serialises concurrent seeders around the "tables empty?" check (distinct from the patients lock). */
const WARD_SEED_LOCK_KEY = 72_602_031;
/** The wards the demo ward nurse (ward@hospital.local) works on. */
export const DEMO_NURSE_WARD_CODES: readonly string[] = ['GEN-MED', 'SURG'];
/** Enough patients for every bed plus the discharged stays, with room to pick children. */
const CANDIDATES = 400;

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Assigns the demo ward nurse to her wards when she has no assignment yet, so databases seeded
 * before assignments existed get them too; an admin's later changes stay unless they leave her none.
 * @param tx - the seeding transaction
 */
async function assignDemoNurse(tx: Tx): Promise<number> {
  const nurse = await tx.user.findUnique({ where: { email: 'ward@hospital.local' }, select: { id: true } });
  if (!nurse || (await tx.staffAssignment.count({ where: { userId: nurse.id } })) > 0) return 0;
  const wards = await tx.ward.findMany({ where: { code: { in: [...DEMO_NURSE_WARD_CODES] } }, select: { id: true } });
  const { count } = await tx.staffAssignment.createMany({ data: wards.map((ward) => ({ userId: nurse.id, wardId: ward.id })), skipDuplicates: true });
  return count;
}

/**
 * Seeds the demo wards once: nothing happens when any ward exists.
 * @param db - Prisma client on a migrated database with demo accounts and patients
 * @param options - reference instant and logger
 */
export async function seedWardDemo(db: PrismaClient, options: SeedWardDemoOptions): Promise<SeedWardDemoResult> {
  const result = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WARD_SEED_LOCK_KEY})`;
      if ((await tx.ward.count()) > 0) return { wardsCreated: 0, bedsCreated: 0, admissionsCreated: 0, assignmentsCreated: await assignDemoNurse(tx) };
      const bedIds = new Map<string, string>();
      for (const ward of DEMO_WARDS) {
        const created = await tx.ward.create({ data: { name: ward.name, code: ward.code, specialty: ward.specialty } });
        for (const label of ward.beds) {
          const bed = await tx.bed.create({ data: { wardId: created.id, label, outOfService: ward.outOfService.includes(label) } });
          bedIds.set(`${ward.code}/${label}`, bed.id);
        }
      }
      const [nurse, doctor] = await Promise.all([
        tx.user.findUnique({ where: { email: 'ward@hospital.local' } }),
        tx.user.findUnique({ where: { email: 'doctor@hospital.local' } }),
      ]);
      const patients = await tx.patient.findMany({ where: { archivedAt: null }, orderBy: { mrn: 'asc' }, take: CANDIDATES, select: { id: true, dateOfBirth: true } });
      // Without the demo staff there is nobody to record a stay: wards and beds only.
      const stays = nurse && doctor ? planWardStays(patients, options.today) : [];
      for (const stay of stays) {
        const bedId = bedIds.get(`${stay.wardCode}/${stay.bedLabel}`)!;
        const admission = await tx.admission.create({
          data: {
            patientId: stay.patientId,
            bedId,
            reason: stay.reason,
            admittedAt: stay.admittedAt,
            admittedBy: nurse!.id,
            dischargedAt: stay.discharge?.at,
            dischargedBy: stay.discharge ? doctor!.id : undefined,
            dischargeSummary: stay.discharge?.summary,
          },
        });
        if (stay.transferredFrom) {
          const fromBedId = bedIds.get(`${stay.wardCode}/${stay.transferredFrom.bedLabel}`)!;
          await tx.transfer.create({ data: { admissionId: admission.id, fromBedId, toBedId: bedId, transferredAt: stay.transferredFrom.at, transferredBy: nurse!.id } });
        }
      }
      return { wardsCreated: DEMO_WARDS.length, bedsCreated: bedIds.size, admissionsCreated: stays.length, assignmentsCreated: await assignDemoNurse(tx) };
    },
    { timeout: 60_000 },
  );
  options.logger?.info(result, 'ward demo data seeded');
  return result;
}
