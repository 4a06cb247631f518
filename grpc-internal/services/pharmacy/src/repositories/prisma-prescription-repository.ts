/** PrescriptionRepository on Prisma (schema `pharmacy`, tables `prescriptions` and `prescription_dispensations`). */
import { keysetWhere } from '@hospital/service-kit';
import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '@hospital/db';
import type { Allocation } from '../domain/fefo-allocation.ts';
import type { PrescriptionStatusName } from '../domain/prescription-status.ts';
import { dayOf } from './db-errors.ts';
import type { LotRecord } from './drug-repository.ts';
import { dispenseInTransaction, lockPrescription, TRANSACTION_OPTIONS } from './prisma-dispense.ts';
import type {
  LockedPrescription,
  NewPrescription,
  PrescriptionFilter,
  PrescriptionPosition,
  PrescriptionRecord,
  PrescriptionRepository,
  PrescriptionReviewRecord,
} from './prescription-repository.ts';

/** What every read loads with a prescription: where its units came from. */
const WITH_DISPENSATIONS = {
  dispensations: { include: { lot: { select: { lotNumber: true, expiresOn: true } } }, orderBy: [{ lot: { expiresOn: 'asc' } }, { lotId: 'asc' }] },
} satisfies Prisma.PrescriptionInclude;

type StoredPrescription = Prisma.PrescriptionGetPayload<{ include: typeof WITH_DISPENSATIONS }>;

function toRecord(row: StoredPrescription): PrescriptionRecord {
  const override =
    row.allergyOverrideReason !== null && row.allergyOverrideBy !== null && row.allergyOverrideAt !== null
      ? { reason: row.allergyOverrideReason, by: row.allergyOverrideBy, at: row.allergyOverrideAt, allergies: row.overriddenAllergies }
      : null;
  return {
    id: row.id,
    status: row.status,
    patientId: row.patientId,
    drugId: row.drugId,
    prescriberId: row.prescriberId,
    dose: row.dose,
    frequency: row.frequency,
    durationDays: row.durationDays,
    quantity: row.quantity,
    allergyOverride: override,
    prescribedAt: row.prescribedAt,
    dispensedAt: row.dispensedAt,
    dispensedBy: row.dispensedBy,
    dispensations: row.dispensations.map((d) => ({ lotId: d.lotId, lotNumber: d.lot.lotNumber, expiresOn: dayOf(d.lot.expiresOn), quantity: d.quantity })),
    cancelledAt: row.cancelledAt,
    cancelledBy: row.cancelledBy,
    cancellationReason: row.cancellationReason,
    route: row.route,
    review:
      row.reviewAction !== null && row.reviewReason !== null && row.reviewedBy !== null && row.reviewedAt !== null
        ? { action: row.reviewAction as 'QUERY' | 'REJECT', reason: row.reviewReason, by: row.reviewedBy, at: row.reviewedAt }
        : null,
  };
}

function whereOf(filter: PrescriptionFilter): Prisma.PrescriptionWhereInput {
  return { status: filter.status, patientId: filter.patientId };
}

/** Prescriptions stored by Prisma. */
export class PrismaPrescriptionRepository implements PrescriptionRepository {
  /** @param db - the Prisma client (transitions open their own transactions) */
  constructor(private readonly db: PrismaClient) {}

  async create(prescription: NewPrescription): Promise<PrescriptionRecord> {
    const { allergyOverride, ...fields } = prescription;
    const override = allergyOverride
      ? {
          allergyOverrideReason: allergyOverride.reason,
          allergyOverrideBy: allergyOverride.by,
          allergyOverrideAt: allergyOverride.at,
          overriddenAllergies: allergyOverride.allergies,
        }
      : {};
    return toRecord(await this.db.prescription.create({ data: { id: randomUUID(), ...fields, ...override }, include: WITH_DISPENSATIONS }));
  }

  async findByIds(ids: readonly string[]): Promise<PrescriptionRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.prescription.findMany({ where: { id: { in: [...ids] } }, include: WITH_DISPENSATIONS });
    return rows.map(toRecord);
  }

  async list(query: PrescriptionFilter & { newestFirst: boolean; after?: PrescriptionPosition; limit: number }): Promise<PrescriptionRecord[]> {
    const direction = query.newestFirst ? 'desc' : 'asc';
    const after = query.after;
    const rows = await this.db.prescription.findMany({
      where: {
        ...whereOf(query),
        // Keyset: strictly beyond (prescribedAt, id) of the previous page's last row.
        ...keysetWhere('prescribedAt', after, direction),
      },
      orderBy: [{ prescribedAt: direction }, { id: direction }],
      take: query.limit,
      include: WITH_DISPENSATIONS,
    });
    return rows.map(toRecord);
  }

  async count(filter: PrescriptionFilter): Promise<number> {
    return this.db.prescription.count({ where: whereOf(filter) });
  }

  async listForPatients(query: { patientIds: readonly string[]; status?: PrescriptionStatusName; perPatient: number }): Promise<PrescriptionRecord[]> {
    if (query.patientIds.length === 0) return [];
    const status = query.status ? Prisma.sql`AND status = ${query.status}::pharmacy."PrescriptionStatus"` : Prisma.empty;
    // One query for every patient: number each patient's rows newest first, keep the first N.
    const page = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM (
        SELECT id, prescribed_at, row_number() OVER (PARTITION BY patient_id ORDER BY prescribed_at DESC, id DESC) AS position
          FROM pharmacy.prescriptions
         WHERE patient_id = ANY(${[...query.patientIds]}::uuid[]) ${status}
      ) ranked
       WHERE position <= ${query.perPatient}
       ORDER BY prescribed_at DESC, id DESC`;
    const found = new Map((await this.findByIds(page.map((row) => row.id))).map((p) => [p.id, p]));
    return page.flatMap((row) => found.get(row.id) ?? []);
  }

  async cancel(request: { id: string; by: string; reason: string; at: Date; check: (locked: LockedPrescription) => void }): Promise<PrescriptionRecord | undefined> {
    const cancelled = await this.db.$transaction(async (tx) => {
      const locked = await lockPrescription(tx, request.id);
      if (!locked) return false;
      request.check(locked);
      await tx.prescription.update({
        where: { id: request.id },
        data: { status: 'cancelled', cancelledAt: request.at, cancelledBy: request.by, cancellationReason: request.reason },
      });
      return true;
    }, TRANSACTION_OPTIONS);
    return cancelled ? (await this.findByIds([request.id]))[0] : undefined;
  }

  async review(request: { id: string; review: PrescriptionReviewRecord; check: (locked: LockedPrescription) => void }): Promise<PrescriptionRecord | undefined> {
    const { action, reason, by, at } = request.review;
    const reviewed = await this.db.$transaction(async (tx) => {
      const locked = await lockPrescription(tx, request.id);
      if (!locked) return false;
      request.check(locked);
      const cancel = action === 'REJECT' ? { status: 'cancelled' as const, cancelledAt: at, cancelledBy: by, cancellationReason: reason } : {};
      await tx.prescription.update({ where: { id: request.id }, data: { reviewAction: action, reviewReason: reason, reviewedBy: by, reviewedAt: at, ...cancel } });
      return true;
    }, TRANSACTION_OPTIONS);
    return reviewed ? (await this.findByIds([request.id]))[0] : undefined;
  }

  async dispense(request: {
    id: string;
    by: string;
    at: Date;
    today: string;
    allocate: (prescription: LockedPrescription, lots: LotRecord[]) => Allocation[];
  }): Promise<PrescriptionRecord | undefined> {
    const dispensed = await dispenseInTransaction(this.db, request);
    return dispensed ? (await this.findByIds([request.id]))[0] : undefined;
  }
}
