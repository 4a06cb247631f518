/**
 * The life of a prescription: PENDING → DISPENSED, or PENDING → CANCELLED; both are final.
 * Repeating the step that already happened (two pharmacists dispensing one prescription, say)
 * is a clash with the current state, CONFLICT; asking for the other final step is an illegal
 * transition, BAD_USER_INPUT.
 */
import { conflict, invalidInput, protoEnum } from '@hospital/service-kit';

/** Statuses as stored. */
export const PRESCRIPTION_STATUSES = ['pending', 'dispensed', 'cancelled'] as const;
/** A stored status. */
export type PrescriptionStatusName = (typeof PRESCRIPTION_STATUSES)[number];
/** The proto enum PrescriptionStatus. */
export const PRESCRIPTION_STATUS_ENUM = protoEnum('PRESCRIPTION_STATUS_', PRESCRIPTION_STATUSES);
/** What may be done to a prescription. */
export type PrescriptionAction = 'dispense' | 'cancel';

const RESULT: Record<PrescriptionAction, PrescriptionStatusName> = { dispense: 'dispensed', cancel: 'cancelled' };

/**
 * Checks that an action may be applied to a prescription in a status; throws the typed error
 * otherwise.
 * @param status - the prescription's current (locked) status
 * @param action - what the caller asks for
 * @returns the status after the action
 */
export function transition(status: PrescriptionStatusName, action: PrescriptionAction): PrescriptionStatusName {
  if (status === 'pending') return RESULT[action];
  if (status === RESULT[action]) throw conflict(`This prescription has already been ${status}.`);
  throw invalidInput(`A ${status} prescription cannot be ${RESULT[action]}.`, 'id');
}
