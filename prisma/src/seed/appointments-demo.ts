/**
 * Seeds the demo appointment day (see appointments-demo-plan.ts) into an empty appointments
 * table, for the demo doctors and the first patients in MRN order. Seed data is history, not
 * news: no outbox events are written, so nobody is notified about a made-up past.
 */
import type { DemoSeedOptions } from './demo-seed-options.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { planAppointmentDay, type DemoActor } from './appointments-demo-plan.ts';

/** Options for {@link seedAppointmentsDemo}: `today` is the reference instant (its UTC date is the demo day). */
export type SeedAppointmentsDemoOptions = DemoSeedOptions;

/** What {@link seedAppointmentsDemo} did. */
export interface SeedAppointmentsDemoResult {
  appointmentsCreated: number;
}

/** Serialises concurrent seeders around the "table empty?" check (distinct from the other seed locks). */
const APPOINTMENTS_SEED_LOCK_KEY = 72_602_027;
const DOCTOR_EMAILS = ['doctor@hospital.local', 'dr.okafor@hospital.local', 'dr.lindqvist@hospital.local'] as const;

/**
 * Seeds the demo appointments once: nothing happens when any appointment exists, or when the
 * demo doctors or enough patients are missing.
 * @param db - Prisma client on a migrated database with demo accounts and patients
 * @param options - reference instant and logger
 */
export async function seedAppointmentsDemo(db: PrismaClient, options: SeedAppointmentsDemoOptions): Promise<SeedAppointmentsDemoResult> {
  const plan = planAppointmentDay(options.today);
  const result = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${APPOINTMENTS_SEED_LOCK_KEY})`;
      if ((await tx.appointment.count()) > 0) return { appointmentsCreated: 0 };
      const users = await tx.user.findMany({ where: { email: { in: [...DOCTOR_EMAILS, 'ward@hospital.local', 'admin@hospital.local'] } }, select: { id: true, email: true } });
      const idOf = (email: string) => users.find((u) => u.email === email)?.id;
      const doctors = DOCTOR_EMAILS.map(idOf);
      const patients = await tx.patient.findMany({ where: { archivedAt: null }, orderBy: { mrn: 'asc' }, take: plan.length, select: { id: true } });
      if (doctors.some((id) => id === undefined) || patients.length < plan.length) return { appointmentsCreated: 0 };
      const actors: Record<DemoActor, string | null> = { doctor: null, reception: idOf('ward@hospital.local') ?? null, admin: idOf('admin@hospital.local') ?? null };
      for (const planned of plan) {
        const doctorId = doctors[planned.doctor]!;
        await tx.appointment.create({
          data: {
            patientId: patients[planned.patient]!.id,
            doctorId,
            startsAt: planned.startsAt,
            endsAt: planned.endsAt,
            reason: planned.reason,
            status: planned.status,
            createdAt: planned.history[0]!.at,
            statusChanges: {
              create: planned.history.map((change) => ({
                fromStatus: change.from,
                toStatus: change.to,
                // The appointment's own doctor books, completes and records no-shows.
                changedBy: change.by === 'doctor' ? doctorId : actors[change.by],
                changedAt: change.at,
                reason: change.reason,
              })),
            },
          },
        });
      }
      return { appointmentsCreated: plan.length };
    },
    { timeout: 60_000 },
  );
  options.logger?.info(result, 'appointments demo data seeded');
  return result;
}
