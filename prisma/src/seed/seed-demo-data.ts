/**
 * Demo data for a fresh installation: one staff account per role (plus two more doctors) and a
 * few hundred invented patients. Safe to run on every start.
 */
import { hashPassword, type Logger } from '@hospital/service-kit';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { generateDemoPatients } from './demo-patients.ts';
import { seedAppointmentsDemo } from './appointments-demo.ts';
import { seedNotificationsDemo } from './notifications-demo.ts';
import { seedFinanceDemo } from './finance-demo.ts';
import { seedWardDemo } from './ward-demo.ts';
import { seedPharmacyDemo } from './pharmacy-demo.ts';
import type { DemoSeedOptions } from './demo-seed-options.ts';

/** Options for {@link seedDemoData}. */
export interface SeedDemoDataOptions {
  /** Password of every demo account (never logged). */
  password: string;
  /** Patients to create when there are none yet (default 300). */
  patientCount?: number;
  /** Receives one summary line; nothing personal is logged. */
  logger?: Pick<Logger, 'info'>;
  /** Reference day for patient ages (default: now); tests pin it. */
  today?: Date;
}

/** What {@link seedDemoData} did. */
export interface SeedDemoDataResult {
  /** Demo accounts created or reset. */
  users: number;
  /** Patients inserted by this run (0 when the table already had patients). */
  patientsCreated: number;
}

/** Serialises concurrent seeders (two launchers on one database) around the "table empty?" check. */
const SEED_LOCK_KEY = 72_602_026;
const BATCH_SIZE = 100;

/**
 * Seeds the demo data idempotently. Demo accounts are upserted and reset each time (password,
 * role, active, lock-out), so the documented credentials always work; patients are generated
 * only into an empty patients table, so existing records are never touched or duplicated.
 * @param db - Prisma client on a migrated database
 * @param options - demo password, patient count, logger
 */
export async function seedDemoData(db: PrismaClient, options: SeedDemoDataOptions): Promise<SeedDemoDataResult> {
  if (!options.password) throw new Error('seedDemoData needs a demo password');
  // scrypt is deliberately slow: hash outside any transaction, in parallel on libuv's pool.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(options.password)));
  for (const [i, account] of DEMO_ACCOUNTS.entries()) {
    const passwordHash = hashes[i]!;
    await db.user.upsert({
      where: { email: account.email },
      create: { ...account, passwordHash },
      update: { displayName: account.displayName, role: account.role, passwordHash, active: true },
    });
  }

  const patients = generateDemoPatients(options.patientCount ?? 300, options.today ? { today: options.today } : {});
  const patientsCreated = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if ((await tx.patient.count()) > 0) return 0;
      for (let start = 0; start < patients.length; start += BATCH_SIZE) {
        await tx.patient.createMany({ data: patients.slice(start, start + BATCH_SIZE) });
      }
      return patients.length;
    },
    { timeout: 60_000 },
  );

  // One reference instant and logger for every department's demo data.
  const demo: DemoSeedOptions = { today: options.today ?? new Date(), logger: options.logger };
  await seedAppointmentsDemo(db, demo);

  await seedNotificationsDemo(db, demo);

  await seedWardDemo(db, demo);

  await seedFinanceDemo(db, demo);

  await seedPharmacyDemo(db, demo);

  const result = { users: DEMO_ACCOUNTS.length, patientsCreated };
  options.logger?.info(result, 'demo data seeded');
  return result;
}
