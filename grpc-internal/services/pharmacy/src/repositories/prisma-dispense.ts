/**
 * The dispensing transaction. Locks are taken in one fixed order, the prescription first and then
 * the drug's lots by (expiry, id), so concurrent dispensers queue behind each other instead of
 * deadlocking; the second one sees the first one's result when its locks are granted (READ
 * COMMITTED re-reads locked rows). CHECK (quantity >= 0) stays the last guard: if anything ever
 * tried to overdraw a lot, the whole transaction would fail and change nothing.
 */
import { randomUUID } from 'node:crypto';
import { conflict } from '@hospital/service-kit';
import type { Prisma, PrismaClient } from '@hospital/db';
import type { Allocation } from '../domain/fefo-allocation.ts';
import type { PrescriptionStatusName } from '../domain/prescription-status.ts';
import { isSqlState, SQLSTATE } from './db-errors.ts';
import type { LotRecord } from './drug-repository.ts';
import type { LockedPrescription } from './prescription-repository.ts';

/**
 * Interactive transactions queue for a pooled connection and for row locks under load (ten
 * pharmacists on one drug): wait longer than Prisma's 2 s / 5 s defaults before giving up.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/**
 * Locks one prescription row for the rest of the transaction.
 * @param tx - the transaction
 * @param id - prescription UUID
 * @returns the locked row, or undefined when there is none
 */
export async function lockPrescription(tx: Prisma.TransactionClient, id: string): Promise<LockedPrescription | undefined> {
  const rows = await tx.$queryRaw<{ id: string; status: PrescriptionStatusName; drug_id: string; quantity: number; patient_id: string; prescriber_id: string }[]>`
    SELECT id::text, status::text AS status, drug_id::text, quantity, patient_id::text, prescriber_id::text
      FROM pharmacy.prescriptions WHERE id = ${id}::uuid FOR UPDATE`;
  const row = rows[0];
  return row ? { id: row.id, status: row.status, drugId: row.drug_id, quantity: row.quantity, patientId: row.patient_id, prescriberId: row.prescriber_id } : undefined;
}

/**
 * Runs one dispensing: lock, decide (the caller's `allocate` throws to refuse), take, record.
 * @param db - the Prisma client
 * @param request - prescription, pharmacist, instant, current day and the allocation decision
 * @returns false for an unknown prescription
 */
export async function dispenseInTransaction(
  db: PrismaClient,
  request: { id: string; by: string; at: Date; today: string; allocate: (prescription: LockedPrescription, lots: LotRecord[]) => Allocation[] },
): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      const prescription = await lockPrescription(tx, request.id);
      if (!prescription) return false;
      const lots = await tx.$queryRaw<{ id: string; drug_id: string; lot_number: string; quantity: number; expires_on: string; received_at: Date }[]>`
        SELECT id::text, drug_id::text, lot_number, quantity, expires_on::text, received_at
          FROM pharmacy.stock_lots
         WHERE drug_id = ${prescription.drugId}::uuid AND quantity > 0 AND expires_on >= ${request.today}::date
         ORDER BY expires_on, id
           FOR UPDATE`;
      const allocations = request.allocate(
        prescription,
        lots.map((l) => ({ id: l.id, drugId: l.drug_id, lotNumber: l.lot_number, quantity: l.quantity, expiresOn: l.expires_on, receivedAt: l.received_at })),
      );
      for (const allocation of allocations) {
        const [lot] = await tx.$queryRaw<{ quantity: number }[]>`
          UPDATE pharmacy.stock_lots SET quantity = quantity - ${allocation.quantity}
           WHERE id = ${allocation.lotId}::uuid RETURNING quantity`;
        if (!lot) throw new Error('allocated lot vanished inside the transaction');
        await tx.stockMovement.create({
          data: {
            id: randomUUID(),
            lotId: allocation.lotId,
            drugId: prescription.drugId,
            kind: 'dispense',
            delta: -allocation.quantity,
            quantityAfter: lot.quantity,
            prescriptionId: prescription.id,
            actorId: request.by,
          },
        });
      }
      await tx.prescriptionDispensation.createMany({
        data: allocations.map((a) => ({ id: randomUUID(), prescriptionId: prescription.id, lotId: a.lotId, quantity: a.quantity })),
      });
      await tx.prescription.update({ where: { id: prescription.id }, data: { status: 'dispensed', dispensedAt: request.at, dispensedBy: request.by } });
      return true;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isSqlState(error, SQLSTATE.checkViolation)) throw conflict('Stock changed while dispensing and would have gone below zero; nothing was taken. Try again.');
    if (isSqlState(error, SQLSTATE.serializationFailure, SQLSTATE.deadlockDetected))
      throw conflict('Another dispensing of this drug got in the way; nothing was taken. Try again.');
    throw error;
  }
}
