/** The FHIR R4 Patient of one of our patient records (pure: no I/O, no configuration read). */
import type { Patient } from '@medplum/fhirtypes';
import { genderOf } from './value-sets.ts';

/** Settings the mappings need. */
export interface FhirSettings {
  /** The system URI of our medical record numbers (`Patient.identifier.system`). */
  identifierSystem: string;
}

/** The MRN system URI when none is configured and the router has no public URL. */
export const DEFAULT_FHIR_IDENTIFIER_SYSTEM = 'urn:hospital-system:mrn';

/** A patient as GraphQL shows it (absent optional values are null). */
export interface PatientRecord {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  archived: boolean;
}

/**
 * The FHIR Patient of one record.
 * @param record - the patient as GraphQL shows it
 * @param settings - the MRN system URI
 */
export function toFhirPatient(record: PatientRecord, settings: FhirSettings): Patient {
  const telecom = [...(record.phone ? [{ system: 'phone' as const, value: record.phone }] : []), ...(record.email ? [{ system: 'email' as const, value: record.email }] : [])];
  // FHIR elements are never empty: what we lack is left out, not written null or [].
  return {
    resourceType: 'Patient',
    id: record.id,
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical record number' }] },
        system: settings.identifierSystem,
        value: record.mrn,
      },
    ],
    // Archived records stay readable by id but are no longer in use.
    active: !record.archived,
    name: [{ use: 'official', family: record.familyName, given: [record.givenName], text: `${record.givenName} ${record.familyName}` }],
    telecom: telecom.length > 0 ? telecom : undefined,
    gender: genderOf(record.sex),
    birthDate: record.dateOfBirth,
    address: record.address ? [{ text: record.address }] : undefined,
  };
}
