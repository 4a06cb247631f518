/**
 * Seeds the demo pharmacy (see pharmacy-demo-catalogue.ts) into empty pharmacy tables: the
 * catalogue, lots received by the demo pharmacist (each with its ledger row, as every receipt
 * has), and a few pending prescriptions written by the demo doctor for patients taken in MRN
 * order among those without recorded allergies.
 */
import { randomUUID } from 'node:crypto';
import type { DemoSeedOptions } from './demo-seed-options.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { DEMO_DRUGS, DEMO_PRESCRIPTIONS } from './pharmacy-demo-catalogue.ts';

/** Options for {@link seedPharmacyDemo}: `today` is the reference instant (expiry dates and receipts are placed around it). */
export type SeedPharmacyDemoOptions = DemoSeedOptions;

/** What {@link seedPharmacyDemo} did. */
export interface SeedPharmacyDemoResult {
  drugsCreated: number;
  lotsCreated: number;
  prescriptionsCreated: number;
}

/** Serialises concurrent seeders around the "tables empty?" check (distinct from the other seeders' locks). */
const PHARMACY_SEED_LOCK_KEY = 72_602_034;
const DAY_MS = 86_400_000;

/** The UTC calendar day some days from an instant, as a DATE column expects it. */
function dayFrom(instant: Date, days: number): Date {
  const midnight = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  return new Date(midnight + days * DAY_MS);
}

/**
 * Seeds the demo pharmacy once: nothing happens when any drug exists.
 * @param db - Prisma client on a migrated database with demo accounts and patients
 * @param options - reference instant and logger
 */
export async function seedPharmacyDemo(db: PrismaClient, options: SeedPharmacyDemoOptions): Promise<SeedPharmacyDemoResult> {
  const { today } = options;
  const result = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PHARMACY_SEED_LOCK_KEY})`;
      if ((await tx.drug.count()) > 0) return { drugsCreated: 0, lotsCreated: 0, prescriptionsCreated: 0 };
      const [pharmacist, doctor] = await Promise.all([
        tx.user.findUnique({ where: { email: 'pharmacist@hospital.local' } }),
        tx.user.findUnique({ where: { email: 'doctor@hospital.local' } }),
      ]);
      const drugIds = new Map<string, string>();
      let lotsCreated = 0;
      for (const drug of DEMO_DRUGS) {
        const created = await tx.drug.create({ data: { id: randomUUID(), code: drug.code, name: drug.name, form: drug.form, strength: drug.strength } });
        drugIds.set(drug.code, created.id);
        for (const lot of drug.lots) {
          const receivedAt = new Date(today.getTime() - lot.receivedDaysAgo * DAY_MS);
          const stored = await tx.stockLot.create({
            data: { id: randomUUID(), drugId: created.id, lotNumber: lot.lotNumber, quantity: lot.quantity, expiresOn: dayFrom(today, lot.expiresInDays), receivedAt },
          });
          await tx.stockMovement.create({
            data: {
              lotId: stored.id,
              drugId: created.id,
              kind: 'receive',
              delta: lot.quantity,
              quantityAfter: lot.quantity,
              actorId: pharmacist?.id ?? 'service:seed',
              createdAt: receivedAt,
            },
          });
          lotsCreated++;
        }
      }
      // Without the demo doctor there is nobody to sign a prescription: catalogue and stock only.
      const patients = doctor
        ? await tx.patient.findMany({ where: { archivedAt: null, allergies: { isEmpty: true } }, orderBy: { mrn: 'asc' }, take: DEMO_PRESCRIPTIONS.length, select: { id: true } })
        : [];
      for (const [i, patient] of patients.entries()) {
        const { code, ...fields } = DEMO_PRESCRIPTIONS[i]!;
        // Spread over the last few hours, oldest first, so the dispensing queue has an order.
        const prescribedAt = new Date(today.getTime() - (patients.length - i) * 40 * 60_000);
        await tx.prescription.create({ data: { id: randomUUID(), patientId: patient.id, drugId: drugIds.get(code)!, prescriberId: doctor!.id, prescribedAt, ...fields } });
      }
      return { drugsCreated: DEMO_DRUGS.length, lotsCreated, prescriptionsCreated: patients.length };
    },
    { timeout: 60_000 },
  );
  options.logger?.info(result, 'pharmacy demo data seeded');
  return result;
}
