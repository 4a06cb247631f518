/**
 * AdmissionRepository on Prisma (schema `ward`, tables `admissions` and `transfers`). No check
 * here reads and then writes: the partial unique indexes decide who gets a bed, and their
 * violations are reported by name.
 */
import { keysetWhere } from '@hospital/service-kit';
import type { DbClient, Prisma, PrismaClient } from '@hospital/db';
import type { AdmissionFilter, AdmissionPosition, AdmissionRepository, AdmitOutcome, DischargeOutcome, TransferOutcome, TransitionGuard } from './admission-repository.ts';
import { violates } from './database-errors.ts';
import type { AdmissionRecord, AdmissionState, BedPlace } from './records.ts';
import { ACTIVE_BED_INDEX, ACTIVE_PATIENT_INDEX, ADMISSION_INCLUDE, lockBed, toAdmissionRecord, TX_OPTIONS } from './stored-shapes.ts';

function whereOf(filter: AdmissionFilter, after?: AdmissionPosition): Prisma.AdmissionWhereInput {
  return {
    bed: filter.wardIds ? { wardId: { in: [...filter.wardIds] } } : filter.wardId ? { wardId: filter.wardId } : undefined,
    // null is IS NULL to Prisma; undefined is no condition.
    dischargedAt: filter.status === 'ADMITTED' ? null : filter.status === 'DISCHARGED' ? { not: null } : undefined,
    // Keyset: strictly after (admittedAt, id) of the previous page's last row, in DESC order.
    ...keysetWhere('admittedAt', after, 'desc'),
  };
}

/** Locks an admission row for the rest of the transaction; concurrent changes to it queue up. */
async function lockAdmission(tx: DbClient, id: string): Promise<AdmissionState | undefined> {
  // A bed never changes ward, so the joined ward_id is as current as the locked bed_id.
  const rows = await tx.$queryRaw<{ bed_id: string; ward_id: string; discharged_at: Date | null }[]>`
    SELECT a.bed_id::text AS bed_id, b.ward_id::text AS ward_id, a.discharged_at
      FROM ward.admissions a JOIN ward.beds b ON b.id = a.bed_id
     WHERE a.id = ${id}::uuid FOR UPDATE OF a`;
  const row = rows[0];
  return row ? { bedId: row.bed_id, wardId: row.ward_id, dischargedAt: row.discharged_at } : undefined;
}

async function readAdmission(tx: DbClient, id: string): Promise<AdmissionRecord> {
  return toAdmissionRecord(await tx.admission.findUniqueOrThrow({ where: { id }, include: ADMISSION_INCLUDE }));
}

/** Admissions stored by Prisma. */
export class PrismaAdmissionRepository implements AdmissionRepository {
  /** @param db - the Prisma client (transactions are opened here) */
  constructor(private readonly db: PrismaClient) {}

  async findByIds(ids: readonly string[]): Promise<AdmissionRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.admission.findMany({ where: { id: { in: [...ids] } }, include: ADMISSION_INCLUDE });
    return rows.map(toAdmissionRecord);
  }

  async findByPatients(patientIds: readonly string[]): Promise<AdmissionRecord[]> {
    if (patientIds.length === 0) return [];
    const rows = await this.db.admission.findMany({
      where: { patientId: { in: [...patientIds] } },
      include: ADMISSION_INCLUDE,
      orderBy: [{ admittedAt: 'desc' }, { id: 'desc' }],
    });
    return rows.map(toAdmissionRecord);
  }

  async list(query: AdmissionFilter & { after?: AdmissionPosition; limit: number }): Promise<AdmissionRecord[]> {
    const rows = await this.db.admission.findMany({
      where: whereOf(query, query.after),
      include: ADMISSION_INCLUDE,
      orderBy: [{ admittedAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
    });
    return rows.map(toAdmissionRecord);
  }

  count(filter: AdmissionFilter): Promise<number> {
    return this.db.admission.count({ where: whereOf(filter) });
  }

  async admit(input: { patientId: string; bedId: string; reason: string; admittedBy: string }): Promise<AdmitOutcome> {
    let place: BedPlace | undefined;
    try {
      return await this.db.$transaction(async (tx): Promise<AdmitOutcome> => {
        const bed = await lockBed(tx, input.bedId, 'share');
        if (!bed) return { kind: 'bed-not-found' };
        place = { label: bed.label, wardName: bed.wardName };
        if (bed.outOfService) return { kind: 'bed-out-of-service', bed: place };
        const created = await tx.admission.create({ data: input, include: ADMISSION_INCLUDE });
        return { kind: 'admitted', admission: toAdmissionRecord(created) };
      }, TX_OPTIONS);
    } catch (error) {
      if (place && violates(error, ACTIVE_BED_INDEX)) return { kind: 'bed-occupied', bed: place };
      if (violates(error, ACTIVE_PATIENT_INDEX)) return { kind: 'patient-admitted', current: await this.currentPlaceOf(input.patientId) };
      throw error;
    }
  }

  async transfer(input: { admissionId: string; bedId: string; by: string }, guard: TransitionGuard): Promise<TransferOutcome> {
    let place: BedPlace | undefined;
    try {
      return await this.db.$transaction(async (tx): Promise<TransferOutcome> => {
        const current = await lockAdmission(tx, input.admissionId);
        if (!current) return { kind: 'admission-not-found' };
        guard(current);
        const bed = await lockBed(tx, input.bedId, 'share');
        if (!bed) return { kind: 'bed-not-found' };
        place = { label: bed.label, wardName: bed.wardName };
        if (bed.outOfService) return { kind: 'bed-out-of-service', bed: place };
        // The same partial unique index that guards admissions guards the moved bed_id.
        await tx.admission.update({ where: { id: input.admissionId }, data: { bedId: input.bedId } });
        await tx.transfer.create({
          data: { admissionId: input.admissionId, fromBedId: current.bedId, toBedId: input.bedId, transferredBy: input.by },
        });
        return { kind: 'transferred', admission: await readAdmission(tx, input.admissionId) };
      }, TX_OPTIONS);
    } catch (error) {
      if (place && violates(error, ACTIVE_BED_INDEX)) return { kind: 'bed-occupied', bed: place };
      throw error;
    }
  }

  discharge(input: { admissionId: string; summary: string; by: string }, guard: TransitionGuard): Promise<DischargeOutcome> {
    return this.db.$transaction(async (tx): Promise<DischargeOutcome> => {
      const current = await lockAdmission(tx, input.admissionId);
      if (!current) return { kind: 'admission-not-found' };
      guard(current);
      // The database clock, like admitted_at's default, so discharged_at >= admitted_at holds.
      await tx.$executeRaw`
        UPDATE ward.admissions
           SET discharged_at = now(), discharged_by = ${input.by}::uuid, discharge_summary = ${input.summary}
         WHERE id = ${input.admissionId}::uuid`;
      return { kind: 'discharged', admission: await readAdmission(tx, input.admissionId) };
    }, TX_OPTIONS);
  }

  /** Where a patient lies now, for the "already admitted" message; undefined if discharged since. */
  private async currentPlaceOf(patientId: string): Promise<(BedPlace & { wardId: string }) | undefined> {
    const active = await this.db.admission.findFirst({
      where: { patientId, dischargedAt: null },
      select: { bed: { select: { label: true, ward: { select: { id: true, name: true } } } } },
    });
    return active ? { label: active.bed.label, wardName: active.bed.ward.name, wardId: active.bed.ward.id } : undefined;
  }
}
