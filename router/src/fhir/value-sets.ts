/**
 * Our enums in the spec's value sets: administrative gender and appointment status. One table
 * each, both ways, so reads and searches agree.
 */
import type { Appointment, Patient } from '@medplum/fhirtypes';
import { badSearch } from './outcome.ts';

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

/**
 * Our statuses for FHIR status search values (comma-separated, ORed); statuses we never use match nothing.
 * @param value - one `status` value
 */
export function appointmentStatusesOf(value: string): AppointmentStatusName[] {
  const wanted = value.split(',').map((code) => code.trim());
  const invalid = wanted.find((code) => !/^[a-z-]+$/.test(code));
  if (invalid !== undefined) throw badSearch(`"${invalid}" is not an appointment status code.`);
  return (Object.keys(FHIR_APPOINTMENT_STATUS) as AppointmentStatusName[]).filter((name) => wanted.includes(FHIR_APPOINTMENT_STATUS[name]));
}
