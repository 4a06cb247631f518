/**
 * The life of an admission: ADMITTED until discharged, then DISCHARGED for good. Only an active
 * admission moves between beds or is discharged; anything else is an illegal transition, which
 * the API reports as BAD_USER_INPUT.
 */
import { invalidInput } from '@hospital/service-kit';
import type { AdmissionState } from '../repositories/records.ts';

/** The two states an admission can be in. */
export type AdmissionStatusName = 'ADMITTED' | 'DISCHARGED';

/**
 * The status of an admission, derived from its discharge time.
 * @param dischargedAt - when discharged; null while admitted
 */
export function admissionStatus(dischargedAt: Date | null): AdmissionStatusName {
  return dischargedAt === null ? 'ADMITTED' : 'DISCHARGED';
}

/**
 * Refuses a transfer that is not a move of an active admission to another bed.
 * @param current - the admission's locked state
 * @param targetBedId - the bed to move to
 */
export function assertCanTransfer(current: AdmissionState, targetBedId: string): void {
  if (admissionStatus(current.dischargedAt) === 'DISCHARGED') {
    throw invalidInput('This admission has been discharged; only an admitted patient can be transferred.', 'admissionId');
  }
  if (current.bedId === targetBedId) throw invalidInput('The patient is already in this bed; choose another bed.', 'bedId');
}

/**
 * Refuses to discharge an admission that is already discharged.
 * @param current - the admission's locked state
 */
export function assertCanDischarge(current: AdmissionState): void {
  if (admissionStatus(current.dischargedAt) === 'DISCHARGED') {
    throw invalidInput('This admission has already been discharged.', 'admissionId');
  }
}
