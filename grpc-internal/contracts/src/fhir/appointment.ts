/** The FHIR R4 Appointment of one of our appointments (pure), with the patient and the doctor as participants. */
import type { Appointment } from '@medplum/fhirtypes';
import { FHIR_APPOINTMENT_STATUS, type AppointmentStatusName } from './value-sets.ts';

/** An appointment as GraphQL shows it (times in UTC ISO 8601, as the `DateTime` scalar serialises them). */
export interface AppointmentRecord {
  id: string;
  startsAt: string;
  endsAt: string;
  reason: string | null;
  status: AppointmentStatusName;
  createdAt: string;
  patient: { id: string };
  doctor: { id: string };
}

/**
 * The FHIR Appointment of one record.
 * @param record - the appointment as GraphQL shows it
 */
export function toFhirAppointment(record: AppointmentRecord): Appointment {
  // FHIR elements are never empty: no reason means no description (not null).
  return {
    resourceType: 'Appointment',
    id: record.id,
    status: FHIR_APPOINTMENT_STATUS[record.status],
    description: record.reason || undefined,
    start: record.startsAt,
    end: record.endsAt,
    created: record.createdAt,
    participant: [
      { actor: { reference: `Patient/${record.patient.id}` }, required: 'required', status: 'accepted' },
      { actor: { reference: `Practitioner/${record.doctor.id}` }, required: 'required', status: 'accepted' },
    ],
  };
}
