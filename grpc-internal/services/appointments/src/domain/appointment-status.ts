/**
 * The appointment lifecycle as data: which status may follow which. Everything that changes a
 * status asks this table first, so the rules live in one place and are tested on their own.
 */
import { invalidInput, protoEnum } from '@hospital/service-kit';

/** Every status, in lifecycle order (the database enum holds the same names). */
export const APPOINTMENT_STATUSES = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
/** Where an appointment stands. */
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** The proto enum AppointmentStatus. */
export const APPOINTMENT_STATUS_ENUM = protoEnum('APPOINTMENT_STATUS_', APPOINTMENT_STATUSES);

/**
 * Allowed next statuses. A checked-in patient can still be sent home (CANCELLED), but not marked
 * as a no-show: they came. COMPLETED, CANCELLED and NO_SHOW are final.
 */
export const TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  SCHEDULED: ['CHECKED_IN', 'CANCELLED', 'NO_SHOW'],
  CHECKED_IN: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

/** Statuses that hold the slot: the exclusion constraints only consider these. */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['SCHEDULED', 'CHECKED_IN'];

/**
 * True when `to` may follow `from`.
 * @param from - the current status
 * @param to - the requested status
 */
export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

const PHRASE: Record<AppointmentStatus, string> = {
  SCHEDULED: 'scheduled',
  CHECKED_IN: 'checked in',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
  NO_SHOW: 'marked as a no-show',
};

/**
 * Throws BAD_USER_INPUT when `to` may not follow `from`, saying why in words a receptionist reads.
 * @param from - the current status
 * @param to - the requested status
 */
export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (canTransition(from, to)) return;
  if (from === to) throw invalidInput(`The appointment is already ${PHRASE[from]}.`, 'id');
  throw invalidInput(`An appointment that is ${PHRASE[from]} cannot be ${PHRASE[to]}.`, 'id');
}

/**
 * Throws BAD_USER_INPUT unless the appointment may still move to another slot: only while it
 * is SCHEDULED (once the patient is in, or it is over, the slot is history).
 * @param status - the current status
 */
export function assertReschedulable(status: AppointmentStatus): void {
  if (status !== 'SCHEDULED') throw invalidInput(`An appointment that is ${PHRASE[status]} cannot be rescheduled.`, 'id');
}
