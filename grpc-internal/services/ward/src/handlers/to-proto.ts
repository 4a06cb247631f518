/** Mapping of stored wards, beds and admissions to their proto messages. */
import type { Admission, Bed, Ward } from '@hospital/grpc-contracts';
import { admissionStatus } from '../domain/admission-rules.ts';
import { occupancyOf } from '../domain/occupancy.ts';
import type { AdmissionRecord, BedRecord, WardRecord } from '../repositories/records.ts';

/**
 * The proto form of a ward with its occupancy.
 * @param ward - a stored ward with counts
 */
export function toProtoWard(ward: WardRecord): Ward {
  return {
    id: ward.id,
    name: ward.name,
    code: ward.code,
    specialty: ward.specialty ?? '',
    bedCount: ward.bedCount,
    occupiedCount: ward.occupiedCount,
    outOfServiceCount: ward.outOfServiceCount,
    ...occupancyOf(ward),
    createdAt: ward.createdAt.toISOString(),
  };
}

/**
 * The proto form of an admission: unset text as '', timestamps RFC 3339 UTC.
 * @param admission - a stored admission
 */
export function toProtoAdmission(admission: AdmissionRecord): Admission {
  return {
    id: admission.id,
    status: admissionStatus(admission.dischargedAt) === 'ADMITTED' ? 'ADMISSION_STATUS_ADMITTED' : 'ADMISSION_STATUS_DISCHARGED',
    patientId: admission.patientId,
    bedId: admission.bedId,
    wardId: admission.wardId,
    reason: admission.reason,
    admittedAt: admission.admittedAt.toISOString(),
    admittedBy: admission.admittedBy,
    dischargedAt: admission.dischargedAt?.toISOString() ?? '',
    dischargedBy: admission.dischargedBy ?? '',
    dischargeSummary: admission.dischargeSummary ?? '',
    transfers: admission.transfers.map((t) => ({
      fromBedId: t.fromBedId,
      toBedId: t.toBedId,
      transferredAt: t.transferredAt.toISOString(),
      transferredBy: t.transferredBy,
    })),
  };
}

/**
 * The proto form of a bed; `occupant` is left unset when the bed is free.
 * @param bed - a stored bed with its occupant
 */
export function toProtoBed(bed: BedRecord): Bed {
  return {
    id: bed.id,
    wardId: bed.wardId,
    label: bed.label,
    outOfService: bed.outOfService,
    createdAt: bed.createdAt.toISOString(),
    occupant: bed.occupant ? toProtoAdmission(bed.occupant) : undefined,
  };
}

/**
 * Records in the order their ids were asked for, leaving unknown ids out (repeats answered once each).
 * @param ids - ids as requested
 * @param records - what storage found, in any order
 */
export function inRequestOrder<T extends { id: string }>(ids: readonly string[], records: readonly T[]): T[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
