/**
 * What staff read when a bed or a patient is taken. Messages name the bed and ward that clashed
 * and never another patient: whoever lies in the bed is not the caller's business here.
 */
import type { BedPlace } from '../repositories/records.ts';

/**
 * A bed taken by another active admission.
 * @param bed - the bed asked for
 */
export function bedOccupiedMessage(bed: BedPlace): string {
  return `Bed ${bed.label} on ${bed.wardName} is occupied.`;
}

/**
 * A bed out of service.
 * @param bed - the bed asked for
 */
export function bedOutOfServiceMessage(bed: BedPlace): string {
  return `Bed ${bed.label} on ${bed.wardName} is out of service.`;
}

/**
 * A patient who already has an active admission.
 * @param current - where the patient lies, when known (it may have ended since the clash)
 */
export function patientAdmittedMessage(current: BedPlace | undefined): string {
  return current ? `Patient already admitted to ${current.wardName}, bed ${current.label}.` : 'Patient already has an active admission.';
}

/**
 * A bed that cannot leave service because a patient lies in it.
 * @param bed - the bed
 */
export function bedInUseMessage(bed: BedPlace): string {
  return `Bed ${bed.label} on ${bed.wardName} is occupied; transfer or discharge the patient first.`;
}
