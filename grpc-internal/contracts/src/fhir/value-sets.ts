/**
 * Our enums in the spec's value sets that both FHIR doors use (the router's /fhir/R4 facade and the
 * `fhir` fields of the patients and appointments subgraphs): administrative gender and appointment status.
 */
import type { Appointment, Patient } from '@medplum/fhirtypes';

/** GraphQL `Sex` → `administrative-gender`. */
export const GENDER_OF_SEX = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'unknown' } as const satisfies Record<string, NonNullable<Patient['gender']>>;

/** GraphQL `AppointmentStatus` → `appointmentstatus`. */
export const FHIR_APPOINTMENT_STATUS = {
  SCHEDULED: 'booked',
  CHECKED_IN: 'checked-in',
  COMPLETED: 'fulfilled',
  CANCELLED: 'cancelled',
  NO_SHOW: 'noshow',
} as const satisfies Record<string, Appointment['status']>;

/** One of our appointment statuses. */
export type AppointmentStatusName = keyof typeof FHIR_APPOINTMENT_STATUS;

/**
 * The FHIR gender of a GraphQL sex (unknown for anything new).
 * @param sex - the GraphQL enum value
 */
export function genderOf(sex: string): NonNullable<Patient['gender']> {
  return (GENDER_OF_SEX as Record<string, NonNullable<Patient['gender']>>)[sex] ?? 'unknown';
}
