/** Mapping of stored patients to the proto Patient message. */
import type { Patient } from '@hospital/grpc-contracts';
import { sexToProto } from '../domain/sex.ts';
import type { PatientRecord } from '../repositories/patient-repository.ts';

/**
 * The proto form of a patient: unknown text fields as '', timestamps RFC 3339 UTC.
 * @param patient - a stored patient
 */
export function toProtoPatient(patient: PatientRecord): Patient {
  return {
    id: patient.id,
    mrn: patient.mrn,
    givenName: patient.givenName,
    familyName: patient.familyName,
    dateOfBirth: patient.dateOfBirth,
    sex: sexToProto(patient.sex),
    phone: patient.phone ?? '',
    email: patient.email ?? '',
    address: patient.address ?? '',
    allergies: patient.allergies,
    archived: patient.archivedAt !== null,
    createdAt: patient.createdAt.toISOString(),
    updatedAt: patient.updatedAt.toISOString(),
  };
}
