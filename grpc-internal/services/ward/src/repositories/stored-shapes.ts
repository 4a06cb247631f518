/**
 * What the Prisma repositories read, and how it maps to the records the handlers see. Kept in
 * one place so every query that returns an admission or a bed loads the same relations.
 */
import { Prisma, type DbClient } from '@hospital/db';
import type { AdmissionRecord, BedPlace, BedRecord } from './records.ts';

/** Relations every admission read loads: its bed's ward, and its transfers in order. */
export const ADMISSION_INCLUDE = {
  bed: { select: { wardId: true } },
  transfers: { orderBy: [{ transferredAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.AdmissionInclude;

/** Relations every bed read loads: the active admission holding it (at most one, by index). */
export const BED_INCLUDE = {
  admissions: { where: { dischargedAt: null }, include: ADMISSION_INCLUDE },
} satisfies Prisma.BedInclude;

type StoredAdmission = Prisma.AdmissionGetPayload<{ include: typeof ADMISSION_INCLUDE }>;
type StoredBed = Prisma.BedGetPayload<{ include: typeof BED_INCLUDE }>;

/** Interactive transactions wait for a pooled connection under load instead of failing fast. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/** Unique index: at most one active admission per bed (see the ward migration). */
export const ACTIVE_BED_INDEX = 'admissions_active_bed_key';
/** Unique index: at most one active admission per patient. */
export const ACTIVE_PATIENT_INDEX = 'admissions_active_patient_key';

/**
 * The record form of a stored admission.
 * @param admission - a row loaded with {@link ADMISSION_INCLUDE}
 */
export function toAdmissionRecord(admission: StoredAdmission): AdmissionRecord {
  return {
    id: admission.id,
    patientId: admission.patientId,
    bedId: admission.bedId,
    wardId: admission.bed.wardId,
    reason: admission.reason,
    admittedAt: admission.admittedAt,
    admittedBy: admission.admittedBy,
    dischargedAt: admission.dischargedAt,
    dischargedBy: admission.dischargedBy,
    dischargeSummary: admission.dischargeSummary,
    transfers: admission.transfers.map((t) => ({
      fromBedId: t.fromBedId,
      toBedId: t.toBedId,
      transferredAt: t.transferredAt,
      transferredBy: t.transferredBy,
    })),
  };
}

/**
 * The record form of a stored bed.
 * @param bed - a row loaded with {@link BED_INCLUDE}
 */
export function toBedRecord(bed: StoredBed): BedRecord {
  const occupant = bed.admissions[0];
  return {
    id: bed.id,
    wardId: bed.wardId,
    label: bed.label,
    outOfService: bed.outOfService,
    createdAt: bed.createdAt,
    occupant: occupant ? toAdmissionRecord(occupant) : null,
  };
}

/** A bed read under a row lock, with what messages about it need. */
export interface LockedBed extends BedPlace {
  /** Out of service at the time of locking. */
  outOfService: boolean;
}

/**
 * Reads a bed and locks its row until the transaction ends. Admissions and transfers take a
 * SHARE lock (they may run side by side; the unique index decides between them); taking a bed
 * out of service takes an UPDATE lock, so it waits for them and they wait for it.
 * @param tx - the transaction
 * @param bedId - the bed
 * @param mode - share (admit, transfer) or update (out of service)
 */
export async function lockBed(tx: DbClient, bedId: string, mode: 'share' | 'update'): Promise<LockedBed | undefined> {
  const lock = mode === 'share' ? Prisma.sql`FOR SHARE OF b` : Prisma.sql`FOR UPDATE OF b`;
  const rows = await tx.$queryRaw<{ label: string; ward_name: string; out_of_service: boolean }[]>`
    SELECT b.label, w.name AS ward_name, b.out_of_service
      FROM ward.beds b JOIN ward.wards w ON w.id = b.ward_id
     WHERE b.id = ${bedId}::uuid
     ${lock}`;
  const row = rows[0];
  return row ? { label: row.label, wardName: row.ward_name, outOfService: row.out_of_service } : undefined;
}
